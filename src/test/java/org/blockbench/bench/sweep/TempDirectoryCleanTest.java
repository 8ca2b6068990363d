package org.blockbench.bench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.blockbench.bench.TinyModels;
import org.blockbench.cli.BlockBench;
import org.blockbench.ort.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep whose JMH fork is killed with SIGKILL while it measures leaves nothing of ours in the
 * temporary directory: ONNX Runtime's libraries are loaded from target/onnxruntime-native, and
 * the fork's own temporary directory is a scratch directory the sweep deletes. The sweep runs
 * in its own JVM with {@code java.io.tmpdir} set to an empty directory of this test, which JMH's
 * forks inherit; before the change, the killed fork left {@code onnxruntime-java*} there with
 * the 28 MB library in it (and with the library loaded in place but no scratch directory, an
 * empty one: checked by disabling the fork's scratch {@code java.io.tmpdir}, which fails this test).
 */
class TempDirectoryCleanTest {

    @TempDir
    Path dir;

    @Test
    void aSweepWithAKilledForkLeavesNothingInTheTemporaryDirectory() throws Exception {
        Path model = TinyModels.convNet(dir.resolve("m.onnx"), 4, 2, 0);
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path out = dir.resolve("out");
        List<String> command = ChildJvm.launcher(BlockBench.class.getName());
        command.add(1, "-Djava.io.tmpdir=" + tmp);
        command.addAll(List.of("bench", "--models", model.toString(), "-o", out.toString(), "--run", "r",
                "--ignore-jmh-lock", "--no-progress", "-f", "1", "-wi", "1", "-w", "30s", "-i", "1", "-r", "1s"));
        Process sweep = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("sweep.log").toFile()).start();
        try {
            ProcessHandle fork = awaitMeasuringFork(sweep);
            fork.destroyForcibly(); // SIGKILL: no shutdown hook, no deleteOnExit
            assertTrue(sweep.waitFor(120, TimeUnit.SECONDS), "the sweep ends after its fork died");
        } finally {
            sweep.destroyForcibly();
        }
        String log = Files.readString(dir.resolve("sweep.log"));
        assertEquals(1, sweep.exitValue(), "the killed fork fails its config: " + log);
        // JMH's own lock file is JMH's, and stays by design; anything else is ours
        List<String> left = new ArrayList<>();
        try (Stream<Path> files = Files.walk(tmp)) {
            files.filter(p -> !p.equals(tmp) && !p.getFileName().toString().equals("jmh.lock"))
                    .forEach(p -> left.add(tmp.relativize(p).toString()));
        }
        assertEquals(List.of(), left, log);
    }

    /**
     * The JMH fork, once it has loaded ONNX Runtime's library (mapped into it, per /proc): ONNX
     * Runtime Java creates its temporary directory just before. JMH's "# Warmup Iteration" line
     * comes before the trial set-up that opens the session, so it is no signal.
     */
    private static ProcessHandle awaitMeasuringFork(Process sweep) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            assertTrue(sweep.isAlive(), "the sweep ended before its fork could be killed");
            Optional<ProcessHandle> fork = sweep.descendants()
                    .filter(p -> p.info().commandLine().orElse("").contains("org.openjdk.jmh.runner.ForkedMain")).findFirst();
            if (fork.isPresent() && loadedOnnxRuntime(fork.get())) {
                return fork.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no JMH fork loaded ONNX Runtime within 120 s");
    }

    private static boolean loadedOnnxRuntime(ProcessHandle fork) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(fork.pid()), "maps")).contains("libonnxruntime");
        } catch (IOException e) {
            return false; // not yet readable, or already gone
        }
    }
}
