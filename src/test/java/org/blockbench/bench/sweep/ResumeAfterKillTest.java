package org.blockbench.bench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.blockbench.bench.BenchConfig;
import org.blockbench.bench.jmh.ModelCatalog;
import org.blockbench.bench.Shard;
import org.blockbench.bench.TinyModels;
import org.blockbench.bench.result.JmhReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep in its own JVM is killed with SIGKILL once its first config is saved; rerun with
 * --resume, every config ends up in the results exactly once, and what was saved before the
 * kill is kept as it was.
 */
class ResumeAfterKillTest {

    @TempDir
    Path dir;

    @Test
    void killedSweepResumesWithEveryConfigOnce() throws Exception {
        Path zoo = TinyModels.zoo(dir.resolve("models"), List.of("A", "B", "C"), List.of("early", "late"));
        Path out = dir.resolve("jmh-results");
        Path configs = out.resolve("run/configs");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), "org.blockbench.cli.BlockBench",
                "bench", "--model-dir", zoo.toString(), "-o", out.toString(), "--run", "run", "--ignore-jmh-lock", "--no-progress",
                "-f", "1", "-wi", "1", "-w", "100ms", "-i", "1", "-r", "200ms")
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        Map<Path, byte[]> savedBeforeKill = new HashMap<>();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (results(configs).isEmpty()) {
                assertTrue(child.isAlive(), () -> "the sweep ended before it could be killed: " + read(dir.resolve("child.log")));
                assertTrue(System.nanoTime() < deadline, "no config finished within 120 s");
                Thread.sleep(20);
            }
            List<ProcessHandle> forks = child.descendants().toList();
            child.destroyForcibly(); // SIGKILL on Linux
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, child.exitValue(), "killed by SIGKILL");
            forks.forEach(ProcessHandle::destroyForcibly); // JMH's forked JVM, started by the child
        } finally {
            child.destroyForcibly();
        }
        for (Path f : results(configs)) {
            savedBeforeKill.put(f, Files.readAllBytes(f));
            assertFalse(JmhReader.read(f).records().isEmpty(), "a saved config is complete: " + f);
        }
        assertTrue(savedBeforeKill.size() < 6, "killed mid-sweep");
        assertFalse(Files.exists(out.resolve("run/results.json")), "the killed sweep never reached its end");

        SweepReport resumed = TestSweeps.run(TestSweeps.request(List.of(zoo), TestSweeps.ALL_DEPLOY_B1, Shard.ALL, out, "run", true));
        assertEquals(List.of(), resumed.failures());
        assertEquals(savedBeforeKill.size(), resumed.count(ConfigOutcome.Status.FINISHED_EARLIER));
        assertEquals(6 - savedBeforeKill.size(), resumed.count(ConfigOutcome.Status.MEASURED));
        List<String> planned = TestSweeps.ALL_DEPLOY_B1.plan(ModelCatalog.open(List.of(zoo))).stream()
                .map(p -> p.config().key()).toList();
        List<String> inResults = JmhReader.read(resumed.results()).records().stream()
                .map(e -> BenchConfig.fromJmhParams(e.params()).key()).toList();
        assertEquals(planned, inResults, "every config exactly once");
        for (Map.Entry<Path, byte[]> saved : savedBeforeKill.entrySet()) {
            assertTrue(java.util.Arrays.equals(saved.getValue(), Files.readAllBytes(saved.getKey())), "kept: " + saved.getKey());
        }
    }

    private static List<Path> results(Path configs) throws Exception {
        if (!Files.isDirectory(configs)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(configs)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")
                    && !f.getFileName().toString().endsWith(".meta.json")).sorted().toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (Exception e) {
            return "(no log)";
        }
    }
}
