package org.blockbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.blockbench.zoo.build.BlockRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CliRunner.execute(new StringWriter(), err, args);
    }

    @Test
    void unknownBlockFailsWithOneLineListingValidNames() {
        assertEquals(ExitCodes.BAD_INPUT, run("export", "-q", "-o", dir.toString(), "--blocks", "ResNetBasicBlok"));
        String message = err.toString().strip();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains("unknown block 'ResNetBasicBlok'"), message);
        BlockRegistry.names().forEach(n -> assertTrue(message.contains(n), "valid name " + n + " missing: " + message));
    }

    @Test
    void unknownPositionFailsWithOneLineListingValidNames() {
        assertEquals(ExitCodes.BAD_INPUT, run("export", "-q", "-o", dir.toString(), "--positions", "middle"));
        String message = err.toString().strip();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains("unknown position 'middle', expected one of [early, mid, late]"), message);
    }

    @Test
    void unwritableOutputFailsCleanlyAndLeavesNoPartialFile() throws IOException {
        Path blocker = dir.resolve("not-a-dir");
        Files.writeString(blocker, "a file where the output directory should go");
        int code = run("export", "-q", "-o", blocker.resolve("models").toString(), "--blocks", "MobileOneBlock",
                "--positions", "early");
        assertEquals(ExitCodes.IO_ERROR, code);
        String message = err.toString().strip();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.startsWith("blockbench: cannot write"), message);
        try (Stream<Path> s = Files.walk(dir)) {
            assertEquals(1, s.filter(Files::isRegularFile).count(), "only the blocking file may exist");
        }
    }

    @Test
    void exportsTheSelectedModels() {
        assertEquals(ExitCodes.OK, run("export", "-q", "-o", dir.toString(), "--blocks", "RepMixer", "--positions", "mid"));
        assertTrue(Files.isRegularFile(dir.resolve("RepMixer/mid/train.onnx")));
        assertTrue(Files.isRegularFile(dir.resolve("RepMixer/mid/deploy.onnx")));
        assertTrue(Files.isRegularFile(dir.resolve("manifest.json")));
        assertFalse(Files.exists(dir.resolve("StandardConv")), "no GWO networks when blocks are chosen");
        assertEquals("", err.toString());
    }

    @Test
    void gwoNetworkAloneSelectsOnlyTheGwoNetworks() {
        assertEquals(ExitCodes.OK, run("export", "-q", "-o", dir.toString(), "--gwo-network"));
        assertTrue(Files.isRegularFile(dir.resolve("DeformableConv/gwo-net/deploy.onnx")));
        assertFalse(Files.exists(dir.resolve("ResNetBasicBlock")), "no scaffold models");
    }
}
