package org.blockbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.blockbench.cli.BlockBench;
import org.blockbench.cli.ExitCodes;
import org.blockbench.model.ModelRef;
import org.blockbench.onnx.OnnxModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A finished training run is reused only for the model it trained: a file replaced in place by
 * another model keeps its run directory ({@code onnx/net-<path hash>}), and used to print "already
 * done" with the first model's accuracy. Two files with the same stem in different directories get
 * directories of their own.
 */
class StaleTrainingRunTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int train(Path file) {
        var cli = BlockBench.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute("train", "-q", "--onnx", file.toString(), "--epochs", "1", "--train-size", "64",
                "--val-size", "40", "--out", dir.resolve("out").toString());
    }

    @Test
    void sameStemDifferentModelIsRefusedNamingTheDifference() throws Exception {
        Path a = Files.createDirectories(dir.resolve("a")).resolve("net.onnx");
        OnnxModelFile.write(a, TinyNet.build(10, 1).toBuilder().setProducerName("pytorch").build());
        assertEquals(ExitCodes.OK, train(a), err.toString());
        Path record = dir.resolve("out").resolve(ModelRef.parse(a.toString()).directory())
                .resolve("blockzoo-synthetic/seed-0/run.json");
        String first = Files.readString(record);
        String shaFirst = OnnxModelFile.sha256(OnnxModelFile.read(a).toByteArray());

        OnnxModelFile.write(a, TinyNet.build(10, 2).toBuilder().setProducerName("pytorch").build());
        String shaSecond = OnnxModelFile.sha256(OnnxModelFile.read(a).toByteArray());
        assertNotEquals(shaFirst, shaSecond);
        assertEquals(ExitCodes.BAD_INPUT, train(a), err.toString());
        String message = err.toString().strip();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains("records a finished run with other settings (model: " + a), message);
        assertTrue(message.contains(a + " with SHA-256 " + shaSecond.substring(0, 12) + "… asked"), message);
        assertEquals(first, Files.readString(record), "the first model's record is left as it was");

        Path b = Files.createDirectories(dir.resolve("b")).resolve("net.onnx");
        Files.copy(a, b);
        err.getBuffer().setLength(0);
        assertEquals(ExitCodes.OK, train(b), "the same stem elsewhere trains in its own directory: " + err);
        assertNotEquals(record, dir.resolve("out").resolve(ModelRef.parse(b.toString()).directory())
                .resolve("blockzoo-synthetic/seed-0/run.json"));
    }
}
