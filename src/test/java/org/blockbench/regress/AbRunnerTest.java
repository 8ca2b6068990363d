package org.blockbench.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.blockbench.BadInputException;
import org.blockbench.onnx.OnnxModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs a real (tiny) A/B session: 2 forks per side, 5 × 100 ms iterations. Checks the
 * plumbing (fork order, merged JMH JSON, both metrics compared), never the timings. JMH's
 * machine-wide lock is ignored here so the test cannot wait on a benchmark session running
 * beside it; that is harmless for a test that asserts no timing.
 */
class AbRunnerTest {

    @Test
    void interleavesForksAbbaAndMergesEachSide(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("base.onnx");
        Path b = dir.resolve("wider.onnx");
        OnnxModelFile.write(a, SlowdownModels.build(0));
        OnnxModelFile.write(b, SlowdownModels.build(8));
        AbPlan plan = new AbPlan(2, 1, 100, 5, 100, "avgt");
        assertEquals(List.of(true, false, false, true), plan.order(), "A B B A");
        String previous = System.getProperty("jmh.ignoreLock");
        System.setProperty("jmh.ignoreLock", "true");
        AbRunner.Outcome outcome;
        try {
            outcome = AbRunner.run(new AbSide("A", a, 1, "all", 1), new AbSide("B", b, 1, "all", 1), plan,
                    VerdictPolicy.DEFAULTS, Metric.PRIMARY, 0.9, dir.resolve("out"));
        } finally {
            if (previous == null) {
                System.clearProperty("jmh.ignoreLock");
            } else {
                System.setProperty("jmh.ignoreLock", previous);
            }
        }
        try (Stream<Path> logs = Files.list(dir.resolve("out/logs"))) {
            assertEquals(List.of("fork-01-A.log", "fork-02-B.log", "fork-03-B.log", "fork-04-A.log"),
                    logs.map(p -> p.getFileName().toString()).sorted().toList());
        }
        BenchmarkRun sideA = JmhResultReader.read(outcome.aJson()).runs().values().iterator().next();
        assertEquals(2, sideA.forks(), "one rawData row per fork");
        assertEquals(10, sideA.samples().count());
        assertTrue(sideA.key().params().get("model").endsWith("base.onnx"));
        Comparison wall = outcome.report().comparisons().get(0);
        assertEquals(a.toAbsolutePath() + " → " + b.toAbsolutePath(), wall.key().params().get("model"));
        assertEquals(10, wall.baseCount());
        assertEquals(10, wall.newCount());
        assertEquals("org.blockbench.regress.AbLatencyBenchmark.infer:" + AbLatencyBenchmark.CPU_METRIC,
                outcome.other().key().benchmark());
        assertEquals("ns/op", outcome.other().unit());
        assertTrue(outcome.other().baseMedian() > 1_000, "CPU ns per inference of a 24 M-MAC net: " + outcome.other());
        assertTrue(outcome.report().notes().get(0).startsWith("interleaved in one session: 2 forks per side in ABBA order"));
    }

    @Test
    void badSidesFailBeforeAnyFork(@TempDir Path dir) {
        AbSide missing = new AbSide("A", dir.resolve("none.onnx"), 1, "all", 1);
        BadInputException e = assertThrows(BadInputException.class, () -> AbRunner.run(missing, missing,
                AbPlan.ONE_MINUTE, VerdictPolicy.DEFAULTS, Metric.PRIMARY, 0.9, dir));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertThrows(BadInputException.class, () -> new AbPlan(0, 1, 1, 1, 1, "avgt"));
        e = assertThrows(BadInputException.class, () -> new AbPlan(1, 1, 1, 1, 1, "ss"));
        assertEquals("unknown A/B mode 'ss', expected one of [avgt, sample, thrpt]", e.getMessage());
        assertEquals(60.0, AbPlan.ONE_MINUTE.measuringSecondsPerSide());
    }
}
