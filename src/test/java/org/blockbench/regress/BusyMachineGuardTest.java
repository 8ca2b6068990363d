package org.blockbench.regress;

import org.blockbench.bench.result.SampleKind;
import org.blockbench.bench.result.ScoreUnit;
import org.blockbench.stats.WeightedSamples;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BusyMachineGuardTest {

    static final BenchmarkKey WALL = BenchmarkKey.of("x.Ab.infer", Map.of("threads", "1"), "avgt");
    static final BenchmarkKey CPU = BenchmarkKey.of("x.Ab.infer:cpuNanosPerOp", Map.of("threads", "1"), "avgt");

    /** A slower verdict: wall medians 1.0 → 1.2 ms/op. */
    static ComparisonReport slowerReport(BenchmarkKey key) {
        Comparison c = new Comparison(key, "ms/op", SampleKind.ITERATION_SCORES, 10, 10, 10, 10, 1.0, 1.2, 1.2, 1.2,
                new ConfidenceInterval(1.15, 1.25, 0.99, 10_000, 1), 1e-4, Verdict.SLOWER, "p = 1.0e-04 < 0.01 and ...");
        return new ComparisonReport("t", "b", "n", VerdictPolicy.DEFAULTS, List.of(c), List.of(), List.of(), List.of(),
                Instant.EPOCH);
    }

    static ResultSet cpu(BenchmarkKey key, double nanosPerOp) {
        return ResultSet.of("cpu", BenchmarkRun.of(key, ScoreUnit.parse("ns/op"), SampleKind.ITERATION_SCORES,
                List.of(WeightedSamples.of(nanosPerOp, nanosPerOp, nanosPerOp)), List.of("cpu")));
    }

    @Test
    void alarmOnABusyMachineBecomesInconclusive() {
        // candidate: 1.2 ms wall but 0.36 ms CPU per op → on a CPU 30 % of the time
        ComparisonReport r = BusyMachineGuard.apply(slowerReport(WALL), cpu(CPU, 990_000), cpu(CPU, 360_000), 0.9);
        Comparison c = r.comparisons().get(0);
        assertEquals(Verdict.INCONCLUSIVE, c.verdict());
        assertTrue(c.reason().startsWith("machine busy, wall time not trusted (the benchmark thread was on a CPU for 99 % "
                + "of the baseline's and 30 % of the candidate's wall time (below 90 %)); would be slower"), c.reason());
        assertEquals(1.2, c.timeRatio(), "the numbers stay");
        assertTrue(r.notes().get(0).contains("machine busy"), r.notes().toString());
    }

    @Test
    void quietMachineMultiThreadAndMissingEvidenceAreLeftAlone() {
        ComparisonReport quiet = BusyMachineGuard.apply(slowerReport(WALL), cpu(CPU, 980_000), cpu(CPU, 1_170_000), 0.9);
        assertEquals(Verdict.SLOWER, quiet.comparisons().get(0).verdict());
        assertEquals(List.of(), quiet.notes());

        BenchmarkKey wall4 = BenchmarkKey.of("x.Ab.infer", Map.of("threads", "4"), "avgt");
        BenchmarkKey cpu4 = BenchmarkKey.of("x.Ab.infer:cpuNanosPerOp", Map.of("threads", "4"), "avgt");
        ComparisonReport multi = BusyMachineGuard.apply(slowerReport(wall4), cpu(cpu4, 100_000), cpu(cpu4, 100_000), 0.9);
        assertEquals(Verdict.SLOWER, multi.comparisons().get(0).verdict(), "4 ORT threads: thread CPU time is not all of it");

        ResultSet empty = new ResultSet("none", new java.util.TreeMap<>(), List.of());
        ComparisonReport none = BusyMachineGuard.apply(slowerReport(WALL), empty, cpu(CPU, 300_000), 0.9);
        assertEquals(Verdict.SLOWER, none.comparisons().get(0).verdict(), "no CPU evidence for the baseline");
    }
}
