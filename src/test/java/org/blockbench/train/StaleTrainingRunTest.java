package org.blockbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.blockbench.cli.BlockBench;
import org.blockbench.cli.ExitCodes;
import org.blockbench.onnx.OnnxModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A finished training run is reused only for the model it trained: {@code a/net.onnx} and
 * {@code b/net.onnx} share the run directory {@code onnx/net}, and the second used to print
 * "already done" with the first one's accuracy.
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
        Path b = Files.createDirectories(dir.resolve("b")).resolve("net.onnx");
        OnnxModelFile.write(a, TinyNet.build(10, 1).toBuilder().setProducerName("pytorch").build());
        OnnxModelFile.write(b, TinyNet.build(10, 2).toBuilder().setProducerName("pytorch").build());
        assertEquals(ExitCodes.OK, train(a), err.toString());
        Path record = dir.resolve("out/onnx/net/blockzoo-synthetic/seed-0/run.json");
        String first = Files.readString(record);

        assertEquals(ExitCodes.BAD_INPUT, train(b), err.toString());
        String message = err.toString().strip();
        assertEquals(1, message.lines().count(), message);
        String shaB = OnnxModelFile.sha256(OnnxModelFile.read(b).toByteArray());
        assertTrue(message.contains("records a finished run with other settings (model: " + a), message);
        assertTrue(message.contains(b + " with SHA-256 " + shaB.substring(0, 12) + "… asked"), message);
        assertEquals(first, Files.readString(record), "the first model's record is left as it was");

        err.getBuffer().setLength(0);
        assertEquals(ExitCodes.OK, train(a), "the same model again is done already: " + err);
    }
}
