package org.blockbench.regress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * The false-alarm rate of the verdicts on this machine: given several runs of the same
 * code (an A/A experiment), every "slower" verdict between them is a false alarm. Two
 * designs: every pair of runs (the later one judged against the earlier one, as
 * {@code compare BASE NEW} would), and the nightly design (each run judged against the pooled
 * {@code window} runs before it, as {@code compare --history} would).
 */
public final class AaCalibration {

    private AaCalibration() {
    }

    /** Verdict counts over many A/A comparisons, and the ones that were "slower". */
    public record Outcome(String design, int runs, int rounds, Map<Verdict, Long> counts, List<String> falseAlarms,
            List<Comparison> comparisonList) {

        /**
         * The fraction of "slower" verdicts these same comparisons would get under each
         * threshold (p-values, ratios and intervals do not depend on the threshold, so they
         * are re-decided, not recomputed). Busy-machine guarding is not re-applied.
         */
        public double[] slowerRateAt(double[] thresholds, VerdictPolicy policy) {
            double[] rates = new double[thresholds.length];
            for (int i = 0; i < thresholds.length; i++) {
                VerdictPolicy p = policy.withThreshold(thresholds[i]);
                long slower = comparisonList.stream().filter(c -> RegressionCheck.decide(c.testedBase(), c.testedNew(),
                        c.timeRatio(), c.fastestForkRatio(), c.interval(), c.pValue(), p).verdict() == Verdict.SLOWER).count();
                rates[i] = comparisonList.isEmpty() ? Double.NaN : (double) slower / comparisonList.size();
            }
            return rates;
        }

        /** Number of benchmark comparisons. */
        public long comparisons() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Fraction of comparisons with a "slower" verdict. */
        public double slowerRate() {
            return comparisons() == 0 ? Double.NaN : (double) counts.get(Verdict.SLOWER) / comparisons();
        }

        /**
         * One-sided 95 % Clopper-Pearson upper bound of the slower rate, treating the
         * comparisons as independent (they are not: pairs share runs, so the true bound is wider).
         */
        public double slowerRateUpper95() {
            long n = comparisons();
            long k = counts.get(Verdict.SLOWER);
            if (n == 0) {
                return Double.NaN;
            }
            return k == n ? 1.0 : new BetaDistribution(null, k + 1, n - k).inverseCumulativeProbability(0.95);
        }
    }

    /** Every pair {@code i < j}: run j judged against run i. */
    public static Outcome allPairs(List<ResultSet> runs, VerdictPolicy policy) {
        return allPairs(runs, List.of(), policy, 0);
    }

    /**
     * Every pair, with the {@link BusyMachineGuard} applied when {@code cpuRuns} (the CPU metric
     * of the same runs, same order) is not empty and {@code minShare > 0}.
     */
    public static Outcome allPairs(List<ResultSet> runs, List<ResultSet> cpuRuns, VerdictPolicy policy, double minShare) {
        Tally tally = new Tally();
        for (int i = 0; i < runs.size(); i++) {
            for (int j = i + 1; j < runs.size(); j++) {
                ComparisonReport r = RegressionCheck.compare("A/A", runs.get(i), runs.get(j), policy, Instant.EPOCH);
                tally.add(guarded(r, cpuRuns, List.of(i), j, minShare));
                tally.rounds++;
            }
        }
        return tally.outcome("every pair of runs (later against earlier)" + suffix(cpuRuns, minShare), runs.size());
    }

    /** Each run from index {@code window} on, judged against the pooled {@code window} runs before it. */
    public static Outcome rolling(List<ResultSet> runs, int window, VerdictPolicy policy) {
        return rolling(runs, List.of(), window, policy, 0);
    }

    /** The rolling design, guarded as {@link #allPairs(List, List, VerdictPolicy, double)}. */
    public static Outcome rolling(List<ResultSet> runs, List<ResultSet> cpuRuns, int window, VerdictPolicy policy,
            double minShare) {
        Tally tally = new Tally();
        for (int j = window; j < runs.size(); j++) {
            ResultSet baseline = pool(runs.subList(j - window, j), "runs " + (j - window) + ".." + (j - 1));
            ComparisonReport r = RegressionCheck.compare("A/A", baseline, runs.get(j), policy, Instant.EPOCH);
            List<Integer> window_ = java.util.stream.IntStream.range(j - window, j).boxed().toList();
            tally.add(guarded(r, cpuRuns, window_, j, minShare));
            tally.rounds++;
        }
        return tally.outcome("each run against the pooled " + window + " runs before it (nightly --history design)"
                + suffix(cpuRuns, minShare), runs.size());
    }

    private static ComparisonReport guarded(ComparisonReport r, List<ResultSet> cpuRuns, List<Integer> base, int fresh,
            double minShare) {
        if (cpuRuns.isEmpty() || minShare <= 0) {
            return r;
        }
        ResultSet baseCpu = pool(base.stream().map(cpuRuns::get).toList(), "cpu");
        return BusyMachineGuard.apply(r, baseCpu, cpuRuns.get(fresh), minShare);
    }

    private static String suffix(List<ResultSet> cpuRuns, double minShare) {
        return cpuRuns.isEmpty() || minShare <= 0 ? ""
                : String.format(java.util.Locale.ROOT, ", busy-machine guard at CPU share %.2f", minShare);
    }

    /** All samples of all {@code sets} per benchmark, in the unit of the last set that has it. */
    public static ResultSet pool(List<ResultSet> sets, String source) {
        TreeMap<BenchmarkKey, BenchmarkRun> runs = new TreeMap<>();
        for (int i = sets.size() - 1; i >= 0; i--) {
            for (BenchmarkRun r : sets.get(i).runs().values()) {
                runs.merge(r.key(), r, BenchmarkRun::pooledWith);
            }
        }
        return new ResultSet(source, runs, List.of());
    }

    private static final class Tally {
        final Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
        final List<String> falseAlarms = new ArrayList<>();
        final List<Comparison> all = new ArrayList<>();
        int rounds;

        Tally() {
            for (Verdict v : Verdict.values()) {
                counts.put(v, 0L);
            }
        }

        void add(ComparisonReport report) {
            for (Comparison c : report.comparisons()) {
                all.add(c);
                counts.merge(c.verdict(), 1L, Long::sum);
                if (c.verdict() == Verdict.SLOWER) {
                    falseAlarms.add(report.newSource() + " against " + report.baseSource() + ": " + c.key().label()
                            + " — " + c.reason());
                }
            }
        }

        Outcome outcome(String design, int runs) {
            return new Outcome(design, runs, rounds, Map.copyOf(counts), List.copyOf(falseAlarms), List.copyOf(all));
        }
    }
}
