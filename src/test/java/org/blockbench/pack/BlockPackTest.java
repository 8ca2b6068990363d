package org.blockbench.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.blockbench.onnx.FloatTensor;
import org.blockbench.onnx.OrtEval;
import org.blockbench.zoo.BuiltModel;
import org.blockbench.zoo.Form;
import org.blockbench.zoo.InitMode;
import org.blockbench.zoo.ModelId;
import org.blockbench.zoo.Position;
import org.blockbench.zoo.ScaffoldConfig;
import org.blockbench.zoo.build.Zoo;
import org.blockbench.zoo.block.ResNetBasicBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test of splicing: the zoo's ResNetBasicBlock, exported as a pack stage by stage
 * with the zoo scaffold's weights, spliced back at every position must be the zoo's model: same
 * parameter names and count (4,505,866), same outputs in ONNX Runtime; its BN-folded deploy form
 * must compute the same function.
 */
class BlockPackTest {

    private static final ScaffoldConfig CONFIG = ScaffoldConfig.defaults().withSeed(7).withInit(InitMode.RANDOMIZED);

    @TempDir
    Path dir;

    @Test
    void zooBlockAsPackSplicesIntoTheZooModelAtEveryPosition() throws IOException {
        BlockPack pack = BlockPackReader.read(TestPacks.write(dir.resolve("pack"), "MyResNet", new ResNetBasicBlock(), CONFIG),
                CONFIG.inputSize(), List.of("ResNetBasicBlock"));
        assertEquals("MyResNet", pack.name());
        assertEquals(7, pack.gwo().descriptiveComplexity());
        FloatTensor input = new FloatTensor(new long[] {2, 3, 32, 32}, OrtEval.randomInput(11, 2 * 3 * 32 * 32));
        for (Position p : Position.values()) {
            BuiltModel zoo = Zoo.build(new ModelId("ResNetBasicBlock", p.id()), Form.TRAIN, CONFIG);
            BuiltModel train = Zoo.build(pack, p, Form.TRAIN, CONFIG);
            BuiltModel deploy = Zoo.build(pack, p, Form.DEPLOY, CONFIG);
            assertEquals(4_505_866, train.trainableParams(), p.id());
            assertEquals(zoo.parameters().keySet(), train.parameters().keySet(), p.id());
            assertEquals(zoo.parameters(), train.parameters(), p.id());
            assertEquals(21, train.descriptiveComplexity());
            float[] expected = OrtEval.run(zoo.model(), input).data();
            double splice = OrtEval.relativeError(expected, OrtEval.run(train.model(), input).data());
            double folded = OrtEval.relativeError(expected, OrtEval.run(deploy.model(), input).data());
            assertTrue(splice < 1e-4, p.id() + " spliced vs zoo: " + splice);
            assertTrue(folded < 1e-4, p.id() + " deploy vs train: " + folded);
            assertEquals(0, OrtEval.countNodes(deploy.model(), "BatchNormalization"), p.id());
            assertTrue(deploy.trainableParams() < train.trainableParams());
            assertTrue(train.parameters().keySet().stream().anyMatch(k -> k.startsWith(p.stage() + ".2.")));
            System.out.printf("%s: params %d, spliced rel err %.3g, deploy rel err %.3g%n", p.id(),
                    train.trainableParams(), splice, folded);
        }
    }

    @Test
    void foldingLeavesAGraphWithoutBatchNormUntouched() throws IOException {
        BlockPack pack = BlockPackReader.read(TestPacks.write(dir.resolve("pack"), "P", new ResNetBasicBlock(), CONFIG),
                CONFIG.inputSize(), List.of());
        var once = pack.stages().get(Position.MID).deployGraph();
        assertFalse(once.getNodeList().stream().anyMatch(n -> n.getOpType().equals("BatchNormalization")));
        assertEquals(once, BatchNormFolding.fold(once));
    }
}
