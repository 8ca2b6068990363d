package org.blockbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.blockbench.export.Manifest;
import org.blockbench.export.ManifestEntry;
import org.blockbench.onnx.GraphBuilder;
import org.blockbench.onnx.OnnxModelFile;
import org.blockbench.onnx.Value;
import org.blockbench.pack.TestPacks;
import org.blockbench.zoo.BlockSpec;
import org.blockbench.zoo.Form;
import org.blockbench.zoo.Position;
import org.blockbench.zoo.ScaffoldConfig;
import org.blockbench.zoo.block.ResNetBasicBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export --block-pack}: a good pack joins the manifest beside the zoo when --blocks names it; a pack with bad
 * files is one line, exit 2, nothing written; one ONNX Runtime refuses or with NaN outputs is one line, left out, exit 1.
 */
class ExportBlockPackTest {

    private static final ScaffoldConfig CONFIG = ScaffoldConfig.defaults();

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private Path pack(String name) throws IOException {
        return TestPacks.write(dir.resolve(name), name, new ResNetBasicBlock(), CONFIG);
    }

    /** Exports the zoo's ResNetBasicBlock and {@code packs}, each named in --blocks by its directory's name. */
    private int export(Path out, Path... packs) {
        String[] args = new String[6 + 2 * packs.length];
        StringBuilder blocks = new StringBuilder("ResNetBasicBlock");
        for (Path p : packs) {
            blocks.append(',').append(p.getFileName());
        }
        String[] head = {"export", "-q", "-o", out.toString(), "--blocks", blocks.toString()};
        System.arraycopy(head, 0, args, 0, head.length);
        for (int i = 0; i < packs.length; i++) {
            args[head.length + 2 * i] = "--block-pack";
            args[head.length + 2 * i + 1] = packs[i].toString();
        }
        return CliRunner.execute(new StringWriter(), err, args);
    }

    @Test
    void packJoinsTheManifestBesideTheZoo() throws IOException {
        Path out = dir.resolve("models");
        assertEquals(ExitCodes.OK, export(out, pack("MyResNet")), err.toString());
        Manifest m = Manifest.read(out.resolve(Manifest.FILE_NAME));
        for (Position p : Position.values()) {
            ManifestEntry zoo = m.find("ResNetBasicBlock", p.id()).orElseThrow();
            ManifestEntry mine = m.find("MyResNet", p.id()).orElseThrow();
            assertEquals(4_505_866, mine.trainableParams());
            assertEquals(zoo.trainableParams(), mine.trainableParams());
            assertEquals(zoo.bufferElements(), mine.bufferElements());
            assertEquals(21, mine.gwo().descriptiveComplexity());
            assertEquals(7, mine.gwo().blockDescriptiveComplexity());
            assertTrue(Files.isRegularFile(out.resolve("MyResNet/" + p.id() + "/train.onnx")));
            ModelProto deploy = OnnxModelFile.read(out.resolve(mine.deploy().path()));
            assertEquals("deploy", deploy.getMetadataPropsList().stream()
                    .filter(e -> e.getKey().equals("blockbench.form")).findFirst().orElseThrow().getValue());
        }
        assertEquals(6, m.models().size());
    }

    private void assertRefused(String expectedFragment, Path... packs) {
        Path out = dir.resolve("out");
        assertEquals(ExitCodes.BAD_INPUT, export(out, packs), err.toString());
        String message = err.toString().strip();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains(expectedFragment), message);
        assertFalse(Files.exists(out), "nothing may be written: " + message);
    }

    private static ModelProto stage(BlockSpec first) {
        return TestPacks.stage(new ResNetBasicBlock(), first, Form.TRAIN, Map.of());
    }

    @Test
    void wrongChannelsAreRefusedNamingExpectedAndFoundShape() throws IOException {
        Path p = pack("Wide");
        OnnxModelFile.write(p.resolve("mid.onnx"), stage(new BlockSpec(64, 96, 2, Position.MID, 32, 32)));
        assertRefused("mid.onnx: output shape must be [N, 128, 16, 16] (mid stage: 64→128, first stride 2), found '[N, 96, 16, 16]'", p);
    }

    @Test
    void wrongStrideIsRefused() throws IOException {
        Path p = pack("Flat");
        OnnxModelFile.write(p.resolve("late.onnx"), stage(new BlockSpec(128, 256, 1, Position.LATE, 16, 16)));
        assertRefused("late.onnx: output shape must be [N, 256, 8, 8] (late stage: 128→256, first stride 2), found '[N, 256, 16, 16]'", p);
    }

    @Test
    void twoInputsAreRefused() throws IOException {
        Path p = pack("Two");
        GraphBuilder g = new GraphBuilder();
        Value x = g.input("x", "N", 64, 32, 32);
        Value y = g.input("y", "N", 64, 32, 32);
        g.output(g.op(org.blockbench.onnx.OnnxOp.ADD, java.util.List.of(x, y)), "N", 64, 32, 32);
        OnnxModelFile.write(p.resolve("early.onnx"), g.build("two", "", Map.of()));
        assertRefused("early.onnx: a stage has exactly one input and one output, found 2 input(s) ['x', 'y'] and 1 output(s)", p);
    }

    @Test
    void missingPositionIsRefused() throws IOException {
        Path p = pack("NoLate");
        Files.delete(p.resolve("late.onnx"));
        assertRefused("late.onnx: missing; a block pack holds a stage for every position (early.onnx, mid.onnx, late.onnx)", p);
    }

    @Test
    void stageFileThatIsNotOnnxIsRefused() throws IOException {
        Path p = pack("Text");
        Files.writeString(p.resolve("early.onnx"), "def forward(self, x):\n    return x\n");
        assertRefused("early.onnx: not a valid ONNX model", p);
    }

    @Test
    void nameClashWithTheZooIsRefused() throws IOException {
        Path p = pack("resnetbasicblock");
        assertRefused("block name 'resnetbasicblock' clashes with the block 'ResNetBasicBlock' already known", p);
    }

    @Test
    void twoPacksOfOneNameAreRefused() throws IOException {
        Path a = pack("Twin");
        Path b = TestPacks.write(dir.resolve("other"), "Twin", new ResNetBasicBlock(), CONFIG);
        assertRefused("block name 'Twin' clashes with the block 'Twin' already known", a, b);
    }

    @Test
    void stageWithNaNOutputsLeavesThatPackOutAndExportsTheRest() throws IOException {
        Path nan = pack("Nan");
        TestPacks.writeNanEarlyStage(nan);
        Path out = dir.resolve("out");
        assertEquals(ExitCodes.FINDINGS, export(out, nan, pack("MyResNet")), err.toString());
        assertEquals("blockbench: block pack " + nan + " refused: " + nan.resolve("early.onnx") + ": output contains NaN"
                + " at position early (element 0 of [1, 64, 32, 32] on a seeded standard-normal input); a stage must give"
                + " finite outputs", err.toString().strip());
        Manifest m = Manifest.read(out.resolve(Manifest.FILE_NAME));
        assertEquals(6, m.models().size(), "ResNetBasicBlock and MyResNet at three positions: " + m.models());
        assertTrue(m.models().stream().noneMatch(e -> e.block().equals("Nan")), m.models().toString());
        assertFalse(Files.exists(out.resolve("Nan")), "nothing of the refused pack may be written");
    }

    @Test
    void stageThatOnnxRuntimeRefusesLeavesThatPackOut() throws IOException {
        Path p = pack("Broken");
        GraphBuilder g = new GraphBuilder();
        Value x = g.input("x", "N", 64, 32, 32);
        // A weight for 32 input channels on a 64-channel input: valid protobuf, but ORT cannot run it.
        Value w = g.parameter("w", org.blockbench.onnx.FloatTensor.filled(0.1f, 64, 32, 1, 1));
        g.output(g.op(org.blockbench.onnx.OnnxOp.CONV, java.util.List.of(x, w)), "N", 64, 32, 32);
        OnnxModelFile.write(p.resolve("early.onnx"), g.build("broken", "", Map.of()));
        Path out = dir.resolve("out");
        assertEquals(ExitCodes.FINDINGS, export(out, p), err.toString());
        String message = err.toString().strip();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.startsWith("blockbench: block pack " + p + " refused: ") && message.contains(p.resolve("early.onnx").toString()),
                message);
        assertEquals(3, Manifest.read(out.resolve(Manifest.FILE_NAME)).models().size());
        assertFalse(Files.exists(out.resolve("Broken")), "nothing of the refused pack may be written");
    }

    @Test
    void blocksSelectsPacksAsItSelectsZooBlocks() throws IOException {
        Path chosen = pack("Chosen");
        Path other = pack("Other");
        TestPacks.writeNanEarlyStage(other); // not chosen, so not probed: its NaN cannot fail the export
        Path out = dir.resolve("out");
        int code = CliRunner.execute(new StringWriter(), err, "export", "-q", "-o", out.toString(), "--blocks",
                "ResNetBasicBlock,Chosen", "--positions", "mid", "--block-pack", chosen.toString(), "--block-pack", other.toString());
        assertEquals(ExitCodes.OK, code, err.toString());
        assertEquals(java.util.List.of("Chosen/mid", "ResNetBasicBlock/mid"),
                Manifest.read(out.resolve(Manifest.FILE_NAME)).models().stream().map(ManifestEntry::id).toList());
        assertFalse(Files.exists(out.resolve("Other")));
        // --gwo-network alone selects only the GWO networks, no pack (as in train and leaderboard)
        Path gwo = dir.resolve("gwo");
        assertEquals(ExitCodes.OK, CliRunner.execute(new StringWriter(), err, "export", "-q", "-o", gwo.toString(),
                "--gwo-network", "--block-pack", chosen.toString()), err.toString());
        assertTrue(Manifest.read(gwo.resolve(Manifest.FILE_NAME)).models().stream().noneMatch(e -> e.block().equals("Chosen")));
    }

    @Test
    void unknownFormatIsRefused() throws IOException {
        Path p = pack("Future");
        Files.writeString(p.resolve("block.json"), "{\"format\": \"blockbench-block-pack/2\", \"name\": \"Future\"}");
        assertRefused("block.json: format 'blockbench-block-pack/2', expected 'blockbench-block-pack/1'", p);
    }
}
