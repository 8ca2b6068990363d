package org.blockbench.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.blockbench.BadInputException;
import org.blockbench.bench.result.SampleKind;
import org.blockbench.bench.result.ScoreUnit;
import org.blockbench.stats.WeightedSamples;
import org.junit.jupiter.api.Test;

class RegressionCheckTest {

    static final Path FIXTURES = ResultSetsTest.FIXTURES;
    static final VerdictPolicy POLICY = VerdictPolicy.DEFAULTS;
    static final BenchmarkKey KEY = BenchmarkKey.of("a.B.c", Map.of(), "avgt");

    static BenchmarkRun run(String unit, double... values) {
        return BenchmarkRun.of(KEY, ScoreUnit.parse(unit), SampleKind.ITERATION_SCORES, List.of(WeightedSamples.of(values)),
                List.of("test"));
    }

    /** n values 1 + spread·U(0,1), times factor. */
    static double[] noisy(int n, double factor, double spread, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = factor * (1 + spread * r.nextDouble());
        }
        return v;
    }

    @Test
    void identicalSamplesAreUnchanged() {
        double[] v = noisy(25, 1, 0.02, 1);
        Comparison c = RegressionCheck.compare(KEY, run("ms/op", v), run("ms/op", v.clone()), POLICY);
        assertEquals(Verdict.UNCHANGED, c.verdict(), c.reason());
        assertEquals(1.0, c.timeRatio(), 0);
        assertEquals(1.0, c.pValue(), 1e-12);
    }

    @Test
    void clearSlowdownIsSlower() {
        Comparison c = RegressionCheck.compare(KEY, run("ms/op", noisy(25, 1, 0.02, 1)),
                run("ms/op", noisy(25, 1.10, 0.02, 2)), POLICY);
        assertEquals(Verdict.SLOWER, c.verdict(), c.reason());
        assertTrue(c.pValue() < 1e-6 && c.timeRatio() > 1.08 && c.timeRatio() < 1.12, c.toString());
        assertTrue(c.interval().low() > 1.05, c.interval().toString());
    }

    @Test
    void clearSpeedUpIsFaster() {
        Comparison c = RegressionCheck.compare(KEY, run("ms/op", noisy(25, 1, 0.02, 1)),
                run("ms/op", noisy(25, 0.8, 0.02, 2)), POLICY);
        assertEquals(Verdict.FASTER, c.verdict(), c.reason());
    }

    @Test
    void tooFewSamplesSayHowManyAreNeeded() {
        // 4 against 4 cannot reach p < 0.01 even when completely separated
        Comparison c = RegressionCheck.compare(KEY, run("ms/op", 1, 1.01, 1.02, 1.03), run("ms/op", 2, 2.01, 2.02, 2.03), POLICY);
        assertEquals(Verdict.INCONCLUSIVE, c.verdict());
        assertTrue(c.reason().startsWith("too few samples: with 4 baseline and 4 candidate samples")
                && c.reason().endsWith("need at least 5 per side"), c.reason());
        // 5 against 5 completely separated can
        c = RegressionCheck.compare(KEY, run("ms/op", 1, 1.01, 1.02, 1.03, 1.04), run("ms/op", 2, 2.01, 2.02, 2.03, 2.04), POLICY);
        assertEquals(Verdict.SLOWER, c.verdict(), c.reason());
    }

    @Test
    void emptySideIsInconclusive() {
        BenchmarkRun empty = BenchmarkRun.of(KEY, ScoreUnit.parse("ms/op"), SampleKind.ITERATION_SCORES,
                List.of(WeightedSamples.empty()), List.of("nan.json"));
        Comparison c = RegressionCheck.compare(KEY, run("ms/op", noisy(10, 1, 0.02, 1)), empty, POLICY);
        assertEquals(Verdict.INCONCLUSIVE, c.verdict());
        assertEquals("no samples in candidate", c.reason());
        assertTrue(Double.isNaN(c.pValue()) && Double.isNaN(c.timeRatio()));
        assertNull(c.interval());
    }

    @Test
    void nanSamplesNeverReachAComparison() {
        // they used to be dropped (leaving too few); the one JMH reader now refuses the file
        assertThrows(org.blockbench.BadInputException.class, () -> ResultSets.read(FIXTURES.resolve("nan-avgt.json")));
    }

    @Test
    void effectWithoutSignificanceIsInconclusive() {
        // two very noisy samples whose medians differ by ~10 %
        ConfidenceInterval wide = new ConfidenceInterval(0.8, 1.4, 0.99, 10_000, 1);
        var d = RegressionCheck.decide(10, 10, 1.10, 1.10, wide, 0.2, POLICY);
        assertEquals(Verdict.INCONCLUSIVE, d.verdict());
        assertTrue(d.reason().startsWith("effect +10.0 % beyond the threshold but not significant (p = 0.200"), d.reason());
    }

    @Test
    void significanceWithoutEffect() {
        // significant 2 % shift, interval inside the ±5 % band → unchanged, and says it is real
        var d = RegressionCheck.decide(1000, 1000, 1.02, 1.02, new ConfidenceInterval(1.015, 1.025, 0.99, 10_000, 1), 1e-9, POLICY);
        assertEquals(Verdict.UNCHANGED, d.verdict());
        assertTrue(d.reason().contains("a real but smaller-than-threshold shift"), d.reason());
        // significant 3 % shift whose interval reaches past +5 % → inconclusive
        d = RegressionCheck.decide(20, 20, 1.03, 1.03, new ConfidenceInterval(1.01, 1.07, 0.99, 10_000, 1), 0.001, POLICY);
        assertEquals(Verdict.INCONCLUSIVE, d.verdict());
        assertTrue(d.reason().startsWith("significant (p = 0.001) but effect +3.0 % within the threshold"), d.reason());
        // neither significant nor narrow
        d = RegressionCheck.decide(20, 20, 1.01, 1.01, new ConfidenceInterval(0.9, 1.1, 0.99, 10_000, 1), 0.5, POLICY);
        assertEquals(Verdict.INCONCLUSIVE, d.verdict());
        assertTrue(d.reason().endsWith("too noisy to rule out a change of the threshold size"), d.reason());
    }

    @Test
    void thresholdBoundariesAreStrict() {
        ConfidenceInterval ci = new ConfidenceInterval(1.04, 1.06, 0.99, 10_000, 1);
        assertEquals(Verdict.INCONCLUSIVE, RegressionCheck.decide(50, 50, 1.05, 1.05, ci, 1e-6, POLICY).verdict(),
                "a ratio of exactly 1 + threshold is not above it");
        assertEquals(Verdict.SLOWER, RegressionCheck.decide(50, 50, 1.0501, 1.0501, ci, 1e-6, POLICY).verdict());
        assertTrue(RegressionCheck.decide(50, 50, 1.0501, 1.0501, ci, 0.0, POLICY).reason().startsWith("p < 1e-300 < 0.01"),
                "an underflowed p-value is not printed as 0");
        assertEquals(Verdict.INCONCLUSIVE, RegressionCheck.decide(50, 50, 1.0501, 1.0501, ci, 0.01, POLICY).verdict(),
                "p must be below alpha, not equal");
    }

    @Test
    void anAlarmNeedsTheFastestForkBeyondTheThresholdToo() {
        ConfidenceInterval above = new ConfidenceInterval(1.02, 1.25, 0.99, 10_000, 1);
        var d = RegressionCheck.decide(50, 50, 1.12, 1.01, above, 1e-9, POLICY);
        assertEquals(Verdict.INCONCLUSIVE, d.verdict(), "pooled median +12 %, fastest fork +1 %: a slow-state fork");
        assertEquals("p = 1.0e-09 < 0.01, median time +12.0 % beyond +5.0 % and interval [1.020, 1.250] above 1, but the "
                + "fastest fork only +1.0 %: not every fork is slower (forks in a slow machine state?)", d.reason());
        assertEquals(Verdict.SLOWER, RegressionCheck.decide(50, 50, 1.12, 1.0501, above, 1e-9, POLICY).verdict());
        ConfidenceInterval below = new ConfidenceInterval(0.80, 0.98, 0.99, 10_000, 1);
        d = RegressionCheck.decide(50, 50, 0.89, 0.99, below, 1e-9, POLICY);
        assertEquals(Verdict.INCONCLUSIVE, d.verdict(), "pooled median -11 %, fastest fork -1 %: baseline forks slow");
        assertTrue(d.reason().endsWith("but the fastest fork only -1.0 %: not every fork is faster (baseline forks in a "
                + "slow machine state?)"), d.reason());
        assertEquals(Verdict.FASTER, RegressionCheck.decide(50, 50, 0.89, 0.90, below, 1e-9, POLICY).verdict());
    }

    /** Runs of 3 forks, each fork 20 samples around its own level. */
    static BenchmarkRun forks(double... levels) {
        List<WeightedSamples> forks = new java.util.ArrayList<>();
        for (int f = 0; f < levels.length; f++) {
            forks.add(WeightedSamples.of(noisy(20, levels[f], 0.01, 100 + f)));
        }
        return BenchmarkRun.of(KEY, ScoreUnit.parse("ms/op"), SampleKind.ITERATION_SCORES, forks, List.of("f"));
    }

    @Test
    void oneForkInASlowStateIsNotAnAlarm() {
        // the bimodal forks seen on the shared machine: fast ~1.00, slow ~1.13
        Comparison c = RegressionCheck.compare(KEY, forks(1.0, 1.0, 1.0), forks(1.13, 1.13, 1.0), POLICY);
        assertTrue(c.pValue() < 1e-6 && c.timeRatio() > 1.05, "raw samples alone would call it slower: " + c);
        assertEquals(ConfidenceInterval.FORKS, c.interval().resampled());
        assertTrue(c.interval().low() <= 1, c.interval().toString());
        assertEquals(Verdict.INCONCLUSIVE, c.verdict());
        assertTrue(c.reason().contains("but the fork-level interval") && c.reason().endsWith("the forks disagree"),
                c.reason());
        // two of three forks slow: pooled median +12 %, but the fastest fork +2 %
        Comparison most = RegressionCheck.compare(KEY, forks(1.0, 1.0, 1.0), forks(1.13, 1.12, 1.02), POLICY);
        assertEquals(1.02, most.fastestForkRatio(), 0.01);
        assertEquals(Verdict.INCONCLUSIVE, most.verdict(), most.reason());
        // every fork of the candidate slower: an alarm
        Comparison all = RegressionCheck.compare(KEY, forks(1.0, 1.0, 1.0), forks(1.13, 1.12, 1.14), POLICY);
        assertEquals(Verdict.SLOWER, all.verdict(), all.reason());
        assertEquals(1.12, all.fastestForkRatio(), 0.01);
        // one fork per side: the interval resamples samples and says so
        Comparison single = RegressionCheck.compare(KEY, forks(1.0), forks(1.13), POLICY);
        assertEquals(ConfidenceInterval.SAMPLES, single.interval().resampled());
        assertEquals(Verdict.SLOWER, single.verdict(), single.reason());
    }

    @Test
    void unitsAreConvertedBeforeComparing() {
        double[] ms = noisy(20, 1, 0.02, 5);
        double[] us = ms.clone();
        for (int i = 0; i < us.length; i++) {
            us[i] *= 1000;
        }
        Comparison c = RegressionCheck.compare(KEY, run("ms/op", ms), run("us/op", us), POLICY);
        assertEquals(Verdict.UNCHANGED, c.verdict(), c.reason());
        assertEquals(1.0, c.timeRatio(), 1e-12);
        assertEquals("ms/op", c.unit());
        assertEquals(c.baseMedian(), c.newMedian(), 1e-12);
    }

    @Test
    void lowerThroughputIsSlower() {
        ResultSet base = ResultSets.read(FIXTURES.resolve("base-thrpt.json"));
        ResultSet fresh = ResultSets.read(FIXTURES.resolve("new-thrpt.json")); // 0.8× the ops, written in ops/ms
        Comparison c = RegressionCheck.compare("t", base, fresh, POLICY, Instant.EPOCH).comparisons().get(0);
        assertEquals(Verdict.SLOWER, c.verdict(), c.reason());
        assertEquals(1.25, c.timeRatio(), 1e-9, "time ratio = base/new throughput = 1/0.8");
        assertEquals("ops/s", c.unit());
    }

    @Test
    void timeAgainstThroughputIsRefused() {
        ResultSet base = ResultSets.read(FIXTURES.resolve("base-thrpt.json"));
        ResultSet fresh = ResultSets.read(FIXTURES.resolve("new-thrpt-as-time.json"));
        BadInputException e = assertThrows(BadInputException.class,
                () -> RegressionCheck.compare("t", base, fresh, POLICY, Instant.EPOCH));
        assertTrue(e.getMessage().contains("report ops/s (a throughput) but [new-thrpt-as-time.json] report ms/op "
                + "(a time per operation); expected the same kind of unit"), e.getMessage());
    }

    @Test
    void addedRemovedAndNothingInCommon() {
        ComparisonReport r = RegressionCheck.compare("t", ResultSets.read(FIXTURES.resolve("base-avgt.json")),
                ResultSets.read(FIXTURES.resolve("new-avgt.json")), POLICY, Instant.EPOCH);
        assertEquals(List.of("Bench.added [avgt]"), r.added().stream().map(BenchmarkKey::label).toList());
        assertEquals(List.of("Bench.gone [avgt]"), r.removed().stream().map(BenchmarkKey::label).toList());
        assertEquals(2, r.comparisons().size());
        assertEquals(Verdict.SLOWER, r.comparisons().get(0).verdict(), "slower rows come first");
        assertTrue(r.anySlower());
        BadInputException e = assertThrows(BadInputException.class, () -> RegressionCheck.compare("t",
                ResultSets.read(FIXTURES.resolve("base-avgt.json")),
                ResultSets.read(FIXTURES.resolve("base-thrpt.json")), POLICY, Instant.EPOCH));
        assertTrue(e.getMessage().startsWith("no benchmark is in both"), e.getMessage());
    }

    @Test
    void aChangedModeIsNotedNotCompared() {
        BenchmarkKey avgt = BenchmarkKey.of("a.B.c", Map.of("x", "1"), "avgt");
        BenchmarkKey sample = BenchmarkKey.of("a.B.c", Map.of("x", "1"), "sample");
        BenchmarkKey other = BenchmarkKey.of("a.B.d", Map.of(), "avgt");
        BenchmarkRun r = run("ms/op", noisy(10, 1, 0.01, 1));
        ResultSet base = new ResultSet("base", new java.util.TreeMap<>(Map.of(avgt, r, other, r)), List.of());
        ResultSet fresh = new ResultSet("new", new java.util.TreeMap<>(Map.of(sample, r, other, r)), List.of());
        ComparisonReport report = RegressionCheck.compare("t", base, fresh, POLICY, Instant.EPOCH);
        assertTrue(report.notes().contains("B.c{x=1}: mode changed from avgt to sample; the two modes measure different "
                + "quantities and are not compared"), report.notes().toString());
    }

    @Test
    void histogramsAreReducedDeterministicallyAndSaySo() {
        // 300,000 samples per side, above the 200,000 default cap
        double[] v = new double[300];
        long[] c = new long[300];
        double[] w = new double[300];
        for (int i = 0; i < 300; i++) {
            v[i] = 1 + i / 3000.0;
            w[i] = 1.10 * v[i];
            c[i] = 1000;
        }
        BenchmarkRun base = BenchmarkRun.of(KEY, ScoreUnit.parse("ms/op"), SampleKind.OPERATION_SAMPLES,
                List.of(WeightedSamples.ofHistogram(v, c)), List.of("b"));
        BenchmarkRun fresh = BenchmarkRun.of(KEY, ScoreUnit.parse("ms/op"), SampleKind.OPERATION_SAMPLES,
                List.of(WeightedSamples.ofHistogram(w, c)), List.of("n"));
        ResultSet b = ResultSet.of("b", base);
        ResultSet n = ResultSet.of("n", fresh);
        ComparisonReport r1 = RegressionCheck.compare("t", b, n, POLICY, Instant.EPOCH);
        Comparison cmp = r1.comparisons().get(0);
        assertEquals(200_000, cmp.testedBase());
        assertEquals(300_000, cmp.baseCount());
        assertEquals(Verdict.SLOWER, cmp.verdict());
        assertEquals(1.10, cmp.timeRatio(), 1e-9);
        assertTrue(r1.notes().get(0).contains("U test on 200,000 of 300,000 baseline"), r1.notes().toString());
        assertEquals(cmp, RegressionCheck.compare("t", b, n, POLICY, Instant.EPOCH).comparisons().get(0), "deterministic");
    }
}
