package org.blockbench.bench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.blockbench.bench.TinyModels;
import org.blockbench.cli.BlockBench;
import org.blockbench.cli.ExitCodes;
import org.blockbench.onnx.OnnxModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench --resume} reuses a finished config only when it was measured on the model as it
 * is now and with the same fork arguments: a re-exported model is measured again, and a changed
 * {@code --jvm-arg} or {@code --cpus} is refused in one line.
 */
class StaleResultTest {

    @TempDir
    Path dir;

    private String console;

    private int bench(String... extra) {
        String[] base = {"bench", "--models", dir.resolve("m.onnx").toString(), "-o", dir.resolve("out").toString(),
            "--run", "r", "--ignore-jmh-lock", "--no-progress", "-f", "1", "-wi", "1", "-w", "100ms", "-i", "1", "-r", "200ms"};
        String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(both);
            System.setErr(both);
            return BlockBench.commandLine().execute(args);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
            console = captured.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void aReExportedModelIsMeasuredAgainOnResume() throws Exception {
        Path model = TinyModels.convNet(dir.resolve("m.onnx"), 4, 2, 0);
        assertEquals(ExitCodes.OK, bench(), console);
        TinyModels.convNet(model, 4, 2, 1); // re-exported: same path, other weights
        String now = OnnxModelFile.sha256(model);
        assertEquals(ExitCodes.OK, bench("--resume"), console);
        assertTrue(console.contains("has SHA-256 " + now.substring(0, 12) + "…, its result was measured on "), console);
        assertTrue(console.contains("1 measured, 0 finished earlier"), console);
        String meta = Files.readString(dir.resolve("out/r/configs").resolve(
                Files.list(dir.resolve("out/r/configs")).map(p -> p.getFileName().toString())
                        .filter(n -> n.endsWith(".meta.json")).findFirst().orElseThrow()));
        assertTrue(meta.contains(now), "the result now belongs to the model as it is: " + meta);

        assertEquals(ExitCodes.OK, bench("--resume"), console);
        assertTrue(console.contains("0 measured, 1 finished earlier"), "unchanged, it is reused: " + console);
    }

    @Test
    void otherForkArgumentsAreRefusedOnResume() {
        TinyModels.convNet(dir.resolve("m.onnx"), 4, 2, 0);
        assertEquals(ExitCodes.OK, bench(), console);
        assertEquals(ExitCodes.BAD_INPUT, bench("--resume", "--jvm-arg", "-Xmx1g"), console);
        assertTrue(console.contains("\"jvm_args\":\"-Xmx1g\""), console);
    }
}
