package org.blockbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.blockbench.bench.jmh.CpuSet;
import org.blockbench.bench.TinyModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to bench, overhead and merge: exit code 2, one line, nothing run. */
class BenchCommandTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CliRunner.execute(new StringWriter(), err, args);
    }

    private String message() {
        String m = err.toString().strip();
        assertEquals(1, m.lines().count(), m);
        return m;
    }

    @Test
    void unknownBlockListsTheManifestsBlocks() {
        Path zoo = TinyModels.zoo(dir.resolve("models"), List.of("A", "B"), List.of("early"));
        assertEquals(ExitCodes.BAD_INPUT, run("bench", "--model-dir", zoo.toString(), "--blocks", "C", "-o", dir.toString()));
        assertEquals("blockbench: unknown block 'C', expected one of [A, B]", message());
    }

    @Test
    void oldSpellingsWorkWithANoticeAndModelsTakesIds() {
        Path zoo = TinyModels.zoo(dir.resolve("models"), List.of("A", "B"), List.of("early"));
        // --models DIR and --output still parse (to an unknown id here, so nothing runs), each with its notice
        assertEquals(ExitCodes.BAD_INPUT, run("bench", "--models", zoo.toString() + ",C/early", "--output", dir.toString()));
        List<String> lines = err.toString().strip().lines().toList();
        assertEquals(List.of("blockbench: --models DIR is deprecated and goes in the next release; use --model-dir DIR",
                "blockbench: --output is deprecated and goes in the next release; use --out",
                "blockbench: unknown model 'C/early', expected one of [A/early, B/early]"), lines.stream().sorted().toList());
    }

    @Test
    void badShardAndProviderAndModeAreRefused() {
        Path zoo = TinyModels.zoo(dir.resolve("models"), List.of("A"), List.of("early"));
        assertEquals(ExitCodes.BAD_INPUT, run("bench", "--model-dir", zoo.toString(), "--shard", "2/2"));
        assertEquals("blockbench: shard must be i/N with N >= 1 and 0 <= i < N, found 2/2", message());
        err.getBuffer().setLength(0);
        assertEquals(ExitCodes.BAD_INPUT, run("bench", "--model-dir", zoo.toString(), "--providers", "tpu"));
        assertEquals("blockbench: unknown provider 'tpu', expected one of [cpu, cuda]", message());
        err.getBuffer().setLength(0);
        assertEquals(ExitCodes.BAD_INPUT, run("overhead", "--model-dir", zoo.toString(), "--mode", "fast"));
        assertEquals("blockbench: unknown JMH mode 'fast', expected one of [sample, avgt, thrpt, ss]", message());
        err.getBuffer().setLength(0);
        assertEquals(ExitCodes.BAD_INPUT, run("bench", "--model-dir", zoo.toString(), "-r", "soon"));
        assertEquals("blockbench: iteration time must look like 1s, 500ms, 10us, found 'soon'", message());
    }

    @Test
    void cpuPinningIsCheckedBeforeAnyFork() {
        Path zoo = TinyModels.zoo(dir.resolve("models"), List.of("A"), List.of("early"));
        assertEquals(ExitCodes.BAD_INPUT, run("bench", "--model-dir", zoo.toString(), "--cpus", "1-x", "-o", dir.toString()));
        assertTrue(message().startsWith("blockbench: CPU list '1-x' is malformed; write it as Linux does"));
        err.getBuffer().setLength(0);
        String oneCpu = Integer.toString(CpuSet.allowed().cpus().first());
        assertEquals(ExitCodes.BAD_INPUT, run("bench", "--model-dir", zoo.toString(), "--cpus", oneCpu, "--threads", "2",
                "-o", dir.toString()));
        assertEquals("blockbench: 2 threads need at least 2 CPUs, but CPU list " + oneCpu
                + " has 1; give --cpus more CPUs, auto or none", message());
    }

    @Test
    void missingManifestDirectorySaysToExport() {
        assertEquals(ExitCodes.BAD_INPUT, run("bench", "--model-dir", dir.resolve("nothing").toString(), "-o", dir.toString()));
        assertEquals("blockbench: " + dir.resolve("nothing") + ": no such models directory or .onnx file (run `blockbench export` to create onnx-models/, or name .onnx files)", message());
    }

    @Test
    void resumeWithoutAnyEarlierRunSaysSo() {
        Path zoo = TinyModels.zoo(dir.resolve("models"), List.of("A"), List.of("early"));
        assertEquals(ExitCodes.BAD_INPUT, run("bench", "--model-dir", zoo.toString(), "--resume", "-o", dir.resolve("empty").toString()));
        assertEquals("blockbench: --resume: no earlier run under " + dir.resolve("empty") + " (no bench-run.json found); name the run with --run",
                message());
    }

    /** A run directory of the former version (its record was run.json, the name a training run's has) is refused. */
    @Test
    void aRunDirectoryOfTheFormerVersionIsRefusedInOneLine() throws Exception {
        Path zoo = TinyModels.zoo(dir.resolve("models"), List.of("A"), List.of("early"));
        Path old = java.nio.file.Files.createDirectories(dir.resolve("out/old"));
        java.nio.file.Files.writeString(old.resolve("run.json"), "{\"format\": \"blockbench-bench-run/1\", \"jmh\": {}}");
        assertEquals(ExitCodes.BAD_INPUT, run("bench", "--model-dir", zoo.toString(), "--resume", "--run", "old",
                "-o", dir.resolve("out").toString()));
        assertEquals("blockbench: " + old.resolve("run.json") + ": format 'blockbench-bench-run/1' (a bench run of an earlier"
                + " version), expected 'blockbench-bench-run/2' in bench-run.json; measure into another --run", message());
    }

    @Test
    void mergeOfFilesNeedsAnOutput() {
        assertEquals(ExitCodes.BAD_INPUT, run("merge", dir.resolve("a.json").toString()));
        assertEquals("blockbench: give --out FILE when merging files or several directories", message());
        err.getBuffer().setLength(0);
        assertEquals(ExitCodes.BAD_INPUT, run("merge", "-o", dir.resolve("m.json").toString(), dir.resolve("a.json").toString()));
        assertEquals("blockbench: JMH result " + dir.resolve("a.json") + " does not exist; expected a JMH JSON file (-rf json)"
                + " or a directory of them", message());
    }
}
