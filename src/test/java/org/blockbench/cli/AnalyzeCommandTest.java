package org.blockbench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.blockbench.analysis.RawGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code blockbench analyze} end to end on files the exporter wrote: the scaffold's reference
 * parameter count from the train graph, byte-identical JSON, the manifest form, and one-line
 * errors with the right exit codes.
 */
class AnalyzeCommandTest {

    @TempDir
    static Path dir;

    private StringWriter out;
    private StringWriter err;

    @BeforeAll
    static void export() {
        CommandLine cli = BlockBench.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        assertEquals(ExitCodes.OK, cli.execute("export", "-q", "-o", dir.resolve("onnx-models").toString(),
                "--blocks", "ResNetBasicBlock", "--positions", "early"));
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return CliRunner.execute(out, err, args);
    }

    private Path train() {
        return dir.resolve("onnx-models/ResNetBasicBlock/early/train.onnx");
    }

    @Test
    void scaffoldTrainGraphHasTheReferenceParameterCountAndBuffersApart() throws IOException {
        assertEquals(ExitCodes.OK, run("analyze", "--json", train().toString()));
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertEquals(4_505_866L, j.at("/params/elements").asLong());
        // BN running mean + var: 2 x (64 + 3x3x64 + 3x3x128 + 3x3x256)
        assertEquals(8_192L, j.at("/buffers/elements").asLong());
        assertTrue(j.at("/complete").asBoolean());
        assertEquals(0, j.at("/unsupported_ops").size());
        assertTrue(j.at("/macs/convention").asText().contains("torchvision"));
        assertEquals(2 * j.at("/macs/total").asLong(), j.at("/flops/two_x_macs").asLong());
        assertEquals(j.at("/nodes").size(), j.at("/op_types").properties().stream()
                .mapToInt(e -> e.getValue().get("count").asInt()).sum());
        assertEquals(1, j.at("/assumed_dims/batch").asLong());
    }

    @Test
    void sameFileGivesByteIdenticalJsonAndOutFileMatchesStdout() throws IOException {
        Path copyDir = Files.createDirectories(dir.resolve("elsewhere"));
        Path copy = Files.copy(train(), copyDir.resolve("train.onnx"));
        Path file = dir.resolve("a.json");
        assertEquals(ExitCodes.OK, run("analyze", "--json", "--out", file.toString(), train().toString()));
        String first = out.toString();
        assertEquals(ExitCodes.OK, run("analyze", "--json", copy.toString()));
        assertEquals(first, out.toString());
        assertArrayEquals(first.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file));
    }

    @Test
    void manifestFormWritesAnalysisBesideTheManifestDeterministically() throws IOException {
        Path manifest = dir.resolve("onnx-models/manifest.json");
        assertEquals(ExitCodes.OK, run("analyze", "-q", "--manifest", manifest.toString()));
        Path written = dir.resolve("onnx-models/analysis.json");
        byte[] first = Files.readAllBytes(written);
        assertEquals(ExitCodes.OK, run("analyze", "-q", "--manifest", manifest.toString()));
        assertArrayEquals(first, Files.readAllBytes(written));
        JsonNode j = new ObjectMapper().readTree(first);
        assertEquals("blockbench-zoo-analysis/1", j.at("/format").asText());
        JsonNode m = j.at("/models/0");
        assertEquals("ResNetBasicBlock/early", m.at("/id").asText());
        assertEquals(4_505_866L, m.at("/train/params").asLong());
        assertEquals(8_192L, m.at("/train/buffer_elements").asLong());
        // deploy folds BN into the convs: conv biases appear, BN parameters and buffers vanish
        assertEquals(0L, m.at("/deploy/buffer_elements").asLong());
        assertEquals(m.at("/train/macs").asLong(), m.at("/deploy/macs").asLong());
        assertEquals(0, j.at("/warnings").size());
        assertEquals("", err.toString());
    }

    @Test
    void dataMetricsComeFromOrtRuns() throws IOException {
        assertEquals(ExitCodes.OK, run("analyze", "--json", "--data", "--samples", "2", "--seed", "3", train().toString()));
        JsonNode d = new ObjectMapper().readTree(out.toString()).at("/data");
        assertEquals(2, d.at("/samples").asInt());
        // ReLU after BN of a fresh model on standard-normal input: about half the outputs are zero
        double sparsity = d.at("/activation_sparsity").asDouble();
        assertTrue(sparsity > 0.3 && sparsity < 0.7, "activation sparsity " + sparsity);
        long dense = d.at("/dense_macs_sum").asLong();
        long effective = d.at("/effective_macs_sum").asLong();
        assertEquals(2 * new ObjectMapper().readTree(out.toString()).at("/macs/total").asLong(), dense);
        assertTrue(effective > 0 && effective < dense, effective + " of " + dense);
        assertEquals(19, d.at("/activations").size());
        assertEquals(29, d.at("/layers").size());
    }

    @Test
    void truncatedFileIsAOneLineErrorNamingIt() throws IOException {
        byte[] bytes = Files.readAllBytes(train());
        Path broken = Files.write(dir.resolve("broken.onnx"), Arrays.copyOf(bytes, bytes.length / 3));
        assertEquals(ExitCodes.BAD_INPUT, run("analyze", broken.toString()));
        String message = err.toString().strip();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains(broken.toString()), message);
        assertEquals(ExitCodes.BAD_INPUT, run("analyze", dir.resolve("missing.onnx").toString()));
        assertTrue(err.toString().contains("no such file"), err.toString());
    }

    @Test
    void badInputShapesSayWhatWasExpected() {
        assertEquals(ExitCodes.BAD_INPUT, run("analyze", "--input-shape", "input=1x3xbig", train().toString()));
        assertTrue(err.toString().contains("expected NAME=DIMS such as input=1x3x224x224"), err.toString());
        assertEquals(ExitCodes.BAD_INPUT, run("analyze", "--input-shape", "image=1x3x32x32", train().toString()));
        assertTrue(err.toString().contains("unknown graph input 'image', expected one of [input]"), err.toString());
        assertEquals(ExitCodes.BAD_INPUT, run("analyze", "--input-shape", "input=1x4x32x32", train().toString()));
        assertTrue(err.toString().contains("sets axis 1 to 4, the model fixes it at 3"), err.toString());
        assertEquals(ExitCodes.OK, run("analyze", "--input-shape", "input=8x3x32x32", train().toString()));
        assertTrue(out.toString().contains("input=8x3x32x32"), out.toString());
    }

    @Test
    void strictExitsOneWhenTheAnalysisIsIncomplete() throws IOException {
        Path mystery = dir.resolve("mystery.onnx");
        Files.write(mystery, new RawGraph().input("x", 1, 4).node("com.example", "Mystery", List.of("x"), List.of("y"))
                .output("y").build(17).toByteArray());
        assertEquals(ExitCodes.OK, run("analyze", mystery.toString()));
        assertTrue(err.toString().contains("com.example:Mystery"), err.toString());
        assertEquals(ExitCodes.FINDINGS, run("analyze", "--strict", "--json", mystery.toString()));
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertEquals("com.example:Mystery", j.at("/unsupported_ops/0").asText());
        assertEquals(false, j.at("/complete").asBoolean());
        // ORT cannot run it either: --data fails with one line naming the model, exit 2
        assertEquals(ExitCodes.BAD_INPUT, run("analyze", "--data", mystery.toString()));
        String message = err.toString().strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(message.startsWith("blockbench: model 'raw': ONNX Runtime cannot load the model: "), err.toString());
    }
}
