package org.blockbench.bench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.blockbench.bench.BenchConfig;
import org.blockbench.bench.result.JmhReader;
import org.blockbench.zoo.Form;
import org.blockbench.bench.jmh.CpuSet;
import org.blockbench.bench.TinyModels;
import org.blockbench.ort.OptimizationLevel;
import org.blockbench.ort.Provider;
import org.blockbench.bench.result.JmhJson;
import org.blockbench.cli.BlockBench;
import org.blockbench.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad models and unavailable providers fail their own config, in one line, and the sweep goes on. */
class FailureIsolationTest {

    @TempDir
    Path dir;

    @Test
    void eachBadConfigFailsAloneAndTheExitCodeSaysSo() throws Exception {
        Path good = TinyModels.convNet(dir.resolve("good.onnx"), 4, 2, 0);
        Path corrupt = Files.write(dir.resolve("corrupt.onnx"), new byte[] {8, 1, 18, 3, 'a', 'b'});
        Path vector = TinyModels.vectorNet(dir.resolve("vector.onnx"));
        Path missing = dir.resolve("missing.onnx");
        Path out = dir.resolve("out");
        java.io.PrintStream stdout = System.out;
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream console = new java.io.ByteArrayOutputStream();
        int code;
        try (java.io.PrintStream captured = new java.io.PrintStream(console, true, java.nio.charset.StandardCharsets.UTF_8)) {
            System.setOut(captured);
            System.setErr(captured);
            code = BlockBench.commandLine().execute("bench", "--models", good + "," + corrupt + "," + vector + "," + missing,
                "--providers", "cpu,cuda", "-o", out.toString(), "--run", "r", "--ignore-jmh-lock", "--no-progress",
                "-f", "1", "-wi", "1", "-w", "100ms", "-i", "1", "-r", "200ms");
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        assertEquals(ExitCodes.FINDINGS, code, console.toString(java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(console.toString(java.nio.charset.StandardCharsets.UTF_8).contains("FAILED vector-"), "failures are reported as they happen");

        List<String> measured = JmhReader.read(out.resolve("r/results.json")).records().stream()
                .map(e -> BenchConfig.fromJmhParams(e.params()).key()).toList();
        boolean cudaBuild = OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA);
        assertEquals(cudaBuild ? 2 : 1, measured.size(), measured.toString());
        assertTrue(measured.get(0).startsWith("good-"));

        String summary = Files.readString(out.resolve("r/summary.txt"));
        List<String> failures = summary.lines().filter(l -> l.startsWith("  ")).map(String::strip).toList();
        assertEquals(cudaBuild ? 6 : 7, failures.size(), summary);
        assertLine(failures, "corrupt-", ".cpu.", corrupt + ": not a valid ONNX model");
        assertLine(failures, "vector-", ".cpu.", vector + ": input 'features' is float [batch, 16], expected a float32 image tensor [N, C, H, W]");
        assertLine(failures, "missing-", ".cpu.", missing + ": no such file");
        if (!cudaBuild) {
            assertLine(failures, "good-", ".cuda.", "provider cuda requested, but this ONNX Runtime build (onnxruntime-");
        }
    }

    private static void assertLine(List<String> failures, String keyPrefix, String providerPart, String expected) {
        String line = failures.stream().filter(f -> f.startsWith(keyPrefix) && f.contains(providerPart)).findFirst()
                .orElseThrow(() -> new AssertionError("no failure for " + keyPrefix + " in " + failures));
        assertTrue(line.contains(": " + expected), line);
    }

    /**
     * A fork past its wall-clock limit (here 3 s against a 30 s warm-up; in a sweep, a fork stuck
     * in native session creation or an inference) is killed: its config fails in one line, and the
     * next config measures normally.
     */
    @Test
    void aForkPastItsWallClockLimitIsKilledAndTheNextConfigRuns() {
        System.setProperty("jmh.ignoreLock", "true");
        Path good = TinyModels.convNet(dir.resolve("good.onnx"), 4, 2, 0);
        BenchConfig config = new BenchConfig(good.toString(), Form.DEPLOY, 1, Provider.CPU, 1, OptimizationLevel.ALL);
        org.blockbench.bench.JmhSettings slow = new org.blockbench.bench.JmhSettings(java.util.Optional.of(1),
                java.util.Optional.of(1), java.util.Optional.of(org.openjdk.jmh.runner.options.TimeValue.seconds(30)),
                java.util.Optional.of(1), java.util.Optional.of(org.openjdk.jmh.runner.options.TimeValue.seconds(1)),
                List.of(org.openjdk.jmh.annotations.Mode.SampleTime), java.util.concurrent.TimeUnit.MILLISECONDS);
        assertEquals(java.time.Duration.ofSeconds(2 * 31 + 300), ConfigExecutor.forkLimit(slow));
        ConfigExecutor limited = new ConfigExecutor(slow, List.of(), null).withForkLimit(java.time.Duration.ofSeconds(3));
        Path log = dir.resolve("slow.log");
        long start = System.nanoTime();
        ConfigFailure e = assertThrows(ConfigFailure.class, () -> limited.run(config, dir, Map.of(), log));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals("a JMH fork ran past its wall-clock limit of 3 s (stuck in session creation or an inference?)"
                + " and was killed (JMH log: " + log + ")", e.getMessage());
        assertTrue(seconds < 25, "killed long before its 31 s of iterations: " + seconds + " s");
        ConfigExecutor executor = new ConfigExecutor(TestSweeps.TINY, List.of(), null);
        assertEquals(1, executor.run(config, dir, Map.of(), dir.resolve("next.log")).size());
    }

    /** A failure inside JMH's forked JVM comes back as the benchmark's own one-line message. */
    @Test
    void aFailureInTheForkIsReportedInOneLine() throws Exception {
        System.setProperty("jmh.ignoreLock", "true");
        Path corrupt = Files.write(dir.resolve("corrupt.onnx"), new byte[] {1, 2, 3});
        ConfigExecutor executor = new ConfigExecutor(TestSweeps.TINY, List.of(), null);
        BenchConfig config = new BenchConfig(corrupt.toString(), Form.DEPLOY, 1, Provider.CPU, 1, OptimizationLevel.ALL);
        Path log = dir.resolve("fork.log");
        ConfigFailure e = assertThrows(ConfigFailure.class, () -> executor.run(config, dir, Map.of(), log));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        // the fork validates the file (onnx.OnnxModelFile.read) before ONNX Runtime sees it
        assertTrue(e.getMessage().startsWith(corrupt + ": not a valid ONNX model (protobuf: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("(JMH log: " + log + ")"), e.getMessage());
        assertTrue(Files.readString(log).contains("<failure>"), "JMH's own report stays in the log");
    }

    /** The benchmark pins its fork at trial set-up; a CPU the fork may not use fails the config with the reason. */
    @Test
    void aForkPinnedToAForeignCpuFailsWithTheReason() {
        System.setProperty("jmh.ignoreLock", "true");
        Path good = TinyModels.convNet(dir.resolve("good.onnx"), 4, 2, 0);
        CpuSet foreign = new CpuSet(new java.util.TreeSet<>(List.of(100_000)));
        ConfigExecutor executor = new ConfigExecutor(TestSweeps.TINY, List.of(foreign.forkArgument()), null);
        BenchConfig config = new BenchConfig(good.toString(), Form.DEPLOY, 1, Provider.CPU, 1, OptimizationLevel.ALL);
        ConfigFailure e = assertThrows(ConfigFailure.class, () -> executor.run(config, dir, Map.of(), dir.resolve("fork.log")));
        assertTrue(e.getMessage().startsWith("CPU list '100000' names CPUs this process may not use; it may use "),
                e.getMessage());
    }
}
