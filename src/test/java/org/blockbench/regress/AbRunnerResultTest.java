package org.blockbench.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code ab} prints of an {@link AbRunner.Result}, from fixture comparisons (no forks run). */
class AbRunnerResultTest {

    private static final AbSide A = new AbSide("A", Path.of("base.onnx"), 1, "all", 1);
    private static final AbSide B = new AbSide("B", Path.of("wide.onnx"), 2, "basic", 1);

    private static AbRequest request(Metric metric) {
        return new AbRequest(A, B, new AbPlan(6, 3, 1000, 10, 1000, "sample"), VerdictPolicy.DEFAULTS, metric, 0.9,
                new ComparisonReportFiles(Path.of("out"), "ab", List.of("md")));
    }

    @Test
    void describesTheSession() {
        assertEquals("A/B: B: wide.onnx (threads 2, opt basic, batch 1) against A: base.onnx (threads 1, opt all, batch 1);"
                + " 6 forks per side, 60 s of measuring per side", request(Metric.PRIMARY).describe());
    }

    @Test
    void summaryStatesTheVerdictTheOtherMetricAndTheFiles() {
        ComparisonReport compared = RegressionCheck.compare("x", ResultSets.read(ResultSetsTest.FIXTURES.resolve("base-avgt.json")),
                ResultSets.read(ResultSetsTest.FIXTURES.resolve("new-avgt.json")), VerdictPolicy.DEFAULTS, Instant.EPOCH);
        Comparison slower = compared.comparisons().stream().filter(c -> c.verdict() == Verdict.SLOWER).findFirst().orElseThrow();
        Comparison unchanged = compared.comparisons().stream().filter(c -> c.verdict() == Verdict.UNCHANGED).findFirst().orElseThrow();
        ComparisonReport report = new ComparisonReport("A/B, B against A", "a", "b", VerdictPolicy.DEFAULTS, List.of(slower),
                List.of(), List.of(), List.of(), Instant.EPOCH);
        AbRunner.Outcome outcome = new AbRunner.Outcome(Path.of("out/ab/a.json"), Path.of("out/ab/b.json"), report, unchanged);

        AbRunner.Result wall = new AbRunner.Result(outcome, request(Metric.PRIMARY), List.of(Path.of("out/ab.md")));
        assertTrue(wall.regression());
        List<String> lines = wall.summary();
        assertEquals(3, lines.size());
        assertEquals("wall time slower: median 1.000 → 1.200 ms/op, time ratio 1.200, 99 % interval [1.200, 1.200],"
                + " p 1.6e-04 — " + slower.reason(), lines.get(0));
        assertEquals("(CPU time: unchanged, time ratio 1.000, p " + unchanged.pValueText() + ")", lines.get(1));
        assertEquals("reports: [out/ab.md], JMH JSON: out/ab/a.json, out/ab/b.json", lines.get(2));

        AbRunner.Result cpu = new AbRunner.Result(new AbRunner.Outcome(outcome.aJson(), outcome.bJson(),
                new ComparisonReport("A/B, B against A", "a", "b", VerdictPolicy.DEFAULTS, List.of(unchanged), List.of(),
                        List.of(), List.of(), Instant.EPOCH), slower), request(Metric.CPU_TIME), List.of());
        assertFalse(cpu.regression());
        assertTrue(cpu.summary().get(0).startsWith("CPU time unchanged: median "), cpu.summary().get(0));
        assertTrue(cpu.summary().get(1).startsWith("(wall time: slower, time ratio 1.200, p "), cpu.summary().get(1));
    }
}
