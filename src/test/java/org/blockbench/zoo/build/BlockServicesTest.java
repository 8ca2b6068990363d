package org.blockbench.zoo.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.blockbench.BadInputException;
import org.blockbench.export.Manifest;
import org.blockbench.zoo.Block;
import org.blockbench.zoo.Form;
import org.blockbench.zoo.InitMode;
import org.blockbench.zoo.Position;
import org.blockbench.zoo.ServiceBlocks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Java blocks through {@link java.util.ServiceLoader}: a {@link Block} service on the class path
 * joins the registry after the zoo, and a name clash is refused in one line. The end-to-end case
 * runs {@code blockbench export --blocks TinyConvBlock} in a child JVM whose class path holds the
 * services file, as a user's jar would.
 */
class BlockServicesTest {

    @TempDir
    Path dir;

    private Path services(String... classes) throws IOException {
        Path root = dir.resolve("plugin");
        Path file = root.resolve("META-INF/services/" + Block.class.getName());
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", classes) + "\n");
        return root;
    }

    private static ClassLoader loader(Path root) throws IOException {
        return new URLClassLoader(new URL[] {root.toUri().toURL()}, BlockServicesTest.class.getClassLoader());
    }

    @Test
    void serviceBlockIsFoundAndEmitsLikeAZooBlock() throws IOException {
        Map<String, Block> found = BlockRegistry.discover(loader(services(ServiceBlocks.TinyConvBlock.class.getName())),
                BlockRegistry.names());
        assertEquals(List.of("TinyConvBlock"), List.copyOf(found.keySet()));
        Block b = found.get("TinyConvBlock");
        var model = Zoo.blockModel(b, Scaffold.firstBlockSpec(Position.MID, 32), Form.DEPLOY, 0, InitMode.PYTORCH);
        assertEquals(1, model.getGraph().getNodeList().stream().filter(n -> n.getOpType().equals("Conv")).count());
    }

    @Test
    void nameClashWithTheZooIsRefusedInOneLine() throws IOException {
        ClassLoader l = loader(services(ServiceBlocks.ImpostorBlock.class.getName()));
        BadInputException e = assertThrows(BadInputException.class, () -> BlockRegistry.discover(l, BlockRegistry.names()));
        assertEquals("block 'resnetBasicBlock' of " + ServiceBlocks.ImpostorBlock.class.getName()
                + " (a Block service on the class path) clashes with the zoo's block 'ResNetBasicBlock'; rename it",
                e.getMessage());
    }

    @Test
    void sameClassListedTwiceIsOneProviderAndTakenNamesAreRefused() throws IOException {
        ClassLoader l = loader(services(ServiceBlocks.TinyConvBlock.class.getName(), ServiceBlocks.TinyConvBlock.class.getName()));
        // ServiceLoader gives one instance per listed class; the same class listed twice is one provider.
        assertEquals(1, BlockRegistry.discover(l, List.of()).size());
        BadInputException e = assertThrows(BadInputException.class, () -> BlockRegistry.discover(l, List.of("tinyconvblock")));
        assertTrue(e.getMessage().contains("clashes with the zoo's block 'tinyconvblock'"), e.getMessage());
    }

    @Test
    void brokenServiceEntryIsBadInput() throws IOException {
        ClassLoader l = loader(services("org.example.NoSuchBlock"));
        BadInputException e = assertThrows(BadInputException.class, () -> BlockRegistry.discover(l, List.of()));
        assertTrue(e.getMessage().startsWith("a Block service on the class path cannot be loaded: "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    private int blockbench(Path plugin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path") + java.io.File.pathSeparator + plugin,
                "org.blockbench.cli.BlockBench"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), "blockbench timed out");
        return p.exitValue();
    }

    @Test
    void serviceBlockAppearsInBlocksEndToEnd() throws IOException, InterruptedException {
        Path plugin = services(ServiceBlocks.TinyConvBlock.class.getName());
        Path out = dir.resolve("models");
        assertEquals(0, blockbench(plugin, "export", "-q", "-o", out.toString(), "--blocks", "TinyConvBlock",
                "--positions", "mid"), Files.readString(dir.resolve("log.txt")));
        var entry = Manifest.read(out.resolve(Manifest.FILE_NAME)).find("TinyConvBlock", "mid").orElseThrow();
        assertEquals(3, entry.gwo().blockDescriptiveComplexity());
        assertTrue(Files.isRegularFile(out.resolve("TinyConvBlock/mid/deploy.onnx")));
    }

    @Test
    void clashingServiceBlockFailsTheCommandWithExitTwo() throws IOException, InterruptedException {
        Path plugin = services(ServiceBlocks.ImpostorBlock.class.getName());
        assertEquals(2, blockbench(plugin, "export", "-q", "-o", dir.resolve("models").toString(), "--blocks",
                "ResNetBasicBlock", "--positions", "mid"));
        String log = Files.readString(dir.resolve("log.txt")).strip();
        assertEquals(1, log.lines().count(), log);
        assertTrue(log.contains("clashes with the zoo's block 'ResNetBasicBlock'"), log);
        assertTrue(Files.notExists(dir.resolve("models")));
    }
}
