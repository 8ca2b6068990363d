package org.blockbench.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.blockbench.BadInputException;
import org.blockbench.RunFailedException;
import org.blockbench.bench.jmh.CpuSet;
import org.blockbench.bench.jmh.OrtInferenceBenchmark;
import org.blockbench.onnx.OnnxModelFile;
import org.blockbench.text.Progress;
import org.blockbench.text.RecordingProgress;
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
        CpuSet lastCpu = CpuSet.parse(Integer.toString(CpuSet.allowed().cpus().last()));
        AbPlan plan = new AbPlan(2, 1, 100, 5, 100, "avgt").pinnedTo(lastCpu);
        assertEquals(List.of(true, false, false, true), plan.order(), "A B B A");
        RecordingProgress progress = new RecordingProgress();
        AbRunner.Outcome outcome = ignoringJmhLock(() -> AbRunner.run(new AbSide("A", a, 1, "all", 1),
                new AbSide("B", b, 1, "all", 1), plan, VerdictPolicy.DEFAULTS, Metric.PRIMARY, 0.9, dir.resolve("out"), progress));
        assertEquals(List.of("start A/B forks 4 ITEMS", "message A (base.onnx)", "step", "message B (wider.onnx)", "step",
                "message B (wider.onnx)", "step", "message A (base.onnx)", "step", "close"), progress.calls());
        try (Stream<Path> logs = Files.list(dir.resolve("out/logs"))) {
            assertEquals(List.of("fork-01-A.log", "fork-02-B.log", "fork-03-B.log", "fork-04-A.log"),
                    logs.map(p -> p.getFileName().toString()).sorted().toList());
        }
        BenchmarkRun sideA = ResultSets.read(outcome.aJson()).runs().values().iterator().next();
        assertEquals(2, sideA.forks(), "one rawData row per fork");
        assertEquals(10, sideA.samples().count());
        assertTrue(sideA.key().params().get("model").endsWith("base.onnx"));
        Comparison wall = outcome.report().comparisons().get(0);
        assertEquals(a.toAbsolutePath() + " → " + b.toAbsolutePath(), wall.key().params().get("model"));
        assertEquals(10, wall.baseCount());
        assertEquals(10, wall.newCount());
        assertEquals(OrtInferenceBenchmark.class.getName() + "." + OrtInferenceBenchmark.METHOD_RUN_WITH_CPU_TIME + ":" + OrtInferenceBenchmark.CPU_METRIC,
                outcome.other().key().benchmark());
        assertEquals("ns/op", outcome.other().unit());
        assertTrue(outcome.other().baseMedian() > 1_000, "CPU ns per inference of a 24 M-MAC net: " + outcome.other());
        assertTrue(outcome.report().notes().get(0).startsWith("interleaved in one session: 2 forks per side in ABBA order"));
        assertTrue(outcome.report().notes().get(0).endsWith("; every fork pinned to CPU " + lastCpu), outcome.report().notes().get(0));
    }

    /** The benchmark pins its fork at trial set-up: a CPU the fork may not use fails the fork, with the reason in its log. */
    @Test
    void aForkPinnedToAForeignCpuFails(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("base.onnx");
        OnnxModelFile.write(model, SlowdownModels.build(0));
        AbPlan plan = new AbPlan(1, 0, 100, 1, 100, "avgt").pinnedTo(new CpuSet(new java.util.TreeSet<>(List.of(100_000))));
        AbSide side = new AbSide("A", model, 1, "all", 1);
        // the fork's failure is a finding of the run (exit 1, one line), not a defect with a stack trace
        RunFailedException e = ignoringJmhLock(() -> assertThrows(RunFailedException.class,
                () -> AbRunner.run(side, side, plan, VerdictPolicy.DEFAULTS, Metric.PRIMARY, 0.9, dir.resolve("out"), Progress.Factory.NONE)));
        assertTrue(e.getMessage().startsWith("JMH fork of A: "), e.getMessage());
        assertTrue(e.getMessage().contains("CPU list '100000' names CPUs this process may not use"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(Files.readString(dir.resolve("out/logs/fork-01-A.log"))
                .contains("CPU list '100000' names CPUs this process may not use"));
    }

    @Test
    void badSidesFailBeforeAnyFork(@TempDir Path dir) throws Exception {
        AbSide missing = new AbSide("A", dir.resolve("none.onnx"), 1, "all", 1);
        BadInputException e = assertThrows(BadInputException.class, () -> AbRunner.run(missing, missing,
                AbPlan.ONE_MINUTE, VerdictPolicy.DEFAULTS, Metric.PRIMARY, 0.9, dir, Progress.Factory.NONE));
        // the model is validated (onnx.OnnxModelFile.read) before ONNX Runtime sees it
        assertEquals(dir.resolve("none.onnx") + ": no such file", e.getMessage());
        assertThrows(BadInputException.class, () -> new AbPlan(0, 1, 1, 1, 1, "avgt"));
        e = assertThrows(BadInputException.class, () -> new AbPlan(1, 1, 1, 1, 1, "ss"));
        assertEquals("unknown A/B mode 'ss', expected one of [avgt, sample, thrpt]", e.getMessage());
        assertEquals(60.0, AbPlan.ONE_MINUTE.measuringSecondsPerSide());
        Path model = dir.resolve("base.onnx");
        OnnxModelFile.write(model, SlowdownModels.build(0));
        AbPlan oneCpu = AbPlan.ONE_MINUTE.pinnedTo(CpuSet.parse(Integer.toString(CpuSet.allowed().cpus().first())));
        AbSide twoThreads = new AbSide("B", model, 2, "all", 1);
        e = assertThrows(BadInputException.class, () -> AbRunner.run(new AbSide("A", model, 1, "all", 1), twoThreads,
                oneCpu, VerdictPolicy.DEFAULTS, Metric.PRIMARY, 0.9, dir, Progress.Factory.NONE));
        assertEquals("2 threads need at least 2 CPUs, but CPU list " + oneCpu.cpus().get()
                + " has 1; give --cpus more CPUs, auto or none", e.getMessage());
    }

    private static <T> T ignoringJmhLock(Callable<T> body) throws Exception {
        String previous = System.getProperty("jmh.ignoreLock");
        System.setProperty("jmh.ignoreLock", "true");
        try {
            return body.call();
        } finally {
            if (previous == null) {
                System.clearProperty("jmh.ignoreLock");
            } else {
                System.setProperty("jmh.ignoreLock", previous);
            }
        }
    }
}
