package org.blockbench.bench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.blockbench.cli.BlockBench;
import org.blockbench.bench.BenchConfig;
import org.blockbench.bench.jmh.ModelEntry;
import org.blockbench.bench.result.PreflightFacts;
import org.blockbench.bench.SweepSelection.PlannedConfig;
import org.blockbench.bench.TinyModels;
import org.blockbench.cli.ExitCodes;
import org.blockbench.ort.ChildJvm;
import org.blockbench.ort.ModelOrigin;
import org.blockbench.ort.NegativePadModels;
import org.blockbench.ort.OptimizationLevel;
import org.blockbench.ort.OrtCallException;
import org.blockbench.ort.Provider;
import org.blockbench.zoo.Form;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pre-check runs ONNX Runtime in a child JVM: a model that crashes or hangs it costs its config, not the sweep. */
class PreflightIsolationTest {

    @TempDir
    Path dir;

    @Test
    void negativePadsFailInTheChildWithOneLineAndTheParentLivesOn() {
        Path bad = NegativePadModels.maxPool(dir.resolve("negative-pads.onnx"));
        // ONNX Runtime 1.22 crashed on it (SIGSEGV, contained by the child); the child now validates the
        // bytes it gives ONNX Runtime and refuses it in one line (a native crash in the child is ChildJvmTest's)
        org.blockbench.onnx.OnnxModelException e = assertThrows(org.blockbench.onnx.OnnxModelException.class,
                () -> ChildJvm.call(PreflightProbe.class, request(bad), bad.toString(), Preflight.TIME_LIMIT));
        assertEquals(bad + ": graph 'negative_pads' node 'conv' (Conv) attribute 'pads' is [-100000000, -100000000,"
                + " 100000000, 100000000], expected every value in [0, 65536]", e.getMessage());
        Path good = TinyModels.convNet(dir.resolve("good.onnx"), 4, 2, 0);
        PreflightFacts facts = ChildJvm.call(PreflightProbe.class, request(good), good.toString(), Preflight.TIME_LIMIT);
        assertEquals("input[1, 3, 4, 4]", facts.input());
        assertTrue(facts.outputsPinned());
        assertEquals(java.util.Map.of("CPUExecutionProvider", 5), facts.nodesByProvider());
    }

    @Test
    void aPreCheckPastItsTimeLimitFailsItsConfigInOneLine() {
        Path good = TinyModels.convNet(dir.resolve("good.onnx"), 4, 2, 0);
        BenchConfig config = new BenchConfig(good.toString(), Form.DEPLOY, 1, Provider.CPU, 1, OptimizationLevel.ALL);
        PlannedConfig planned = new PlannedConfig(config, ModelEntry.ofFile(good));
        OrtCallException e = assertThrows(OrtCallException.class,
                () -> Preflight.check(planned, dir.resolve("scratch"), Duration.ofMillis(50)));
        assertEquals("ONNX Runtime timed out after 0.050 s on " + good, e.getMessage());
    }

    @Test
    void aSweepWithACrashingModelMeasuresTheOthers() throws Exception {
        Path good = TinyModels.convNet(dir.resolve("good.onnx"), 4, 2, 0);
        Path bad = NegativePadModels.maxPool(dir.resolve("negative-pads.onnx"));
        Path out = dir.resolve("out");
        java.io.PrintStream stdout = System.out;
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream console = new java.io.ByteArrayOutputStream();
        int code;
        try (java.io.PrintStream captured = new java.io.PrintStream(console, true, StandardCharsets.UTF_8)) {
            System.setOut(captured);
            System.setErr(captured);
            code = BlockBench.commandLine().execute("bench", "--models", bad + "," + good, "-o", out.toString(), "--run", "r",
                    "--ignore-jmh-lock", "--no-progress", "-f", "1", "-wi", "1", "-w", "100ms", "-i", "1", "-r", "200ms");
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        String printed = console.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCodes.FINDINGS, code, printed);
        String summary = Files.readString(out.resolve("r/summary.txt"));
        List<String> failures = summary.lines().filter(l -> l.startsWith("  ")).map(String::strip).toList();
        assertEquals(1, failures.size(), summary);
        assertTrue(failures.get(0).startsWith("negative-pads-"), summary);
        // one line naming the file: the child's crash, or the static check that refuses negative pads
        assertTrue(failures.get(0).contains(bad.toString()), summary);
        assertTrue(summary.contains("1 measured") || Files.readString(out.resolve("r/results.json")).contains("good.onnx"), summary);
    }

    private static PreflightProbe.Request request(Path file) {
        return new PreflightProbe.Request(file.toAbsolutePath().toString(), ModelOrigin.USER, "cpu", 1, "all", 1,
                file.getParent().resolve("scratch").toString());
    }
}
