package org.blockbench.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.blockbench.BadInputException;
import org.blockbench.zoo.InitMode;
import org.blockbench.zoo.ScaffoldConfig;
import org.blockbench.zoo.block.ResNetBasicBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pack's files are regular files inside the pack, read with a cap: a FIFO {@code block.json}
 * used to hang {@code export}, a link to {@code /dev/zero} to exhaust memory, and a stage
 * linked out of the pack was read. Each is refused in one line, at once.
 */
class PackFilesTest {

    private static final ScaffoldConfig CONFIG = ScaffoldConfig.defaults().withSeed(7).withInit(InitMode.RANDOMIZED);
    private static final Duration AT_ONCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private String refusal(Path pack) {
        BadInputException e = assertTimeoutPreemptively(AT_ONCE, () -> assertThrows(BadInputException.class,
                () -> BlockPackReader.readStructure(pack, CONFIG.inputSize(), List.of())));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e.getMessage();
    }

    @Test
    void aFifoDescriptorIsRefusedWithoutBlocking() throws Exception {
        Path pack = TestPacks.write(dir.resolve("pack"), "P", new ResNetBasicBlock(), CONFIG);
        Path descriptor = pack.resolve(BlockPackReader.DESCRIPTOR);
        Files.delete(descriptor);
        assertEquals(0, new ProcessBuilder("mkfifo", descriptor.toString()).start().waitFor());
        assertEquals(descriptor + ": a block pack file is not a regular file (a directory, FIFO or device)", refusal(pack));
    }

    @Test
    void aDescriptorLinkedToADeviceIsRefused() throws Exception {
        Path pack = TestPacks.write(dir.resolve("pack"), "P", new ResNetBasicBlock(), CONFIG);
        Path descriptor = pack.resolve(BlockPackReader.DESCRIPTOR);
        Files.delete(descriptor);
        Files.createSymbolicLink(descriptor, Path.of("/dev/zero"));
        assertTrue(refusal(pack).endsWith("is not a regular file (a directory, FIFO or device)"));
    }

    @Test
    void anOversizedDescriptorIsRefusedAtItsCap() throws Exception {
        Path pack = TestPacks.write(dir.resolve("pack"), "P", new ResNetBasicBlock(), CONFIG);
        Path descriptor = pack.resolve(BlockPackReader.DESCRIPTOR);
        Files.writeString(descriptor, " ".repeat((1 << 20) + 1));
        assertEquals(descriptor + ": a pack descriptor larger than the 1 MiB cap", refusal(pack));
    }

    @Test
    void aStageLinkedOutOfThePackIsRefused() throws Exception {
        Path pack = TestPacks.write(dir.resolve("pack"), "P", new ResNetBasicBlock(), CONFIG);
        Path outside = Files.move(pack.resolve("mid.onnx"), dir.resolve("elsewhere.onnx"));
        Files.createSymbolicLink(pack.resolve("mid.onnx"), outside);
        String message = refusal(pack);
        assertTrue(message.startsWith(pack.resolve("mid.onnx") + ": a block pack file leads out of " + pack
                + " (to " + outside.toRealPath() + ")"), message);
    }
}
