package org.blockbench.zoo.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.blockbench.onnx.OrtEval;
import org.blockbench.zoo.BuiltModel;
import org.blockbench.zoo.Form;
import org.blockbench.zoo.InitMode;
import org.blockbench.zoo.ModelId;
import org.blockbench.zoo.Position;
import org.blockbench.zoo.ScaffoldConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every zoo model, train and deploy form, runs in ONNX Runtime on CPU; deploy agrees with
 * train (eval mode) within 1e-4 relative on random inputs, with BN statistics, affine terms
 * and layer scales all randomised so that folding is really exercised.
 */
class ZooModelsTest {

    static Stream<Arguments> models() {
        return Zoo.allModels().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void deployMatchesTrainInOnnxRuntime(ModelId id) {
        ScaffoldConfig config = ScaffoldConfig.defaults().withSeed(7).withInit(InitMode.RANDOMIZED);
        BuiltModel train = Zoo.build(id, Form.TRAIN, config);
        BuiltModel deploy = Zoo.build(id, Form.DEPLOY, config);
        int batch = 2;
        float[] input = OrtEval.randomInput(11, batch * 3 * 32 * 32);
        float[] expected = OrtEval.run(train.model(), Zoo.INPUT_NAME, input, batch, 3, 32, 32);
        float[] actual = OrtEval.run(deploy.model(), Zoo.INPUT_NAME, input, batch, 3, 32, 32);
        assertEquals(batch * 10, expected.length);
        for (float v : expected) {
            assertTrue(Float.isFinite(v), id + " produced a non-finite logit");
        }
        double error = OrtEval.relativeError(expected, actual);
        assertTrue(error <= 1e-4, id + ": deploy vs train relative error " + error);
        assertEquals(0, OrtEval.countNodes(deploy.model(), "BatchNormalization"), id + " deploy keeps a BN");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void reparameterisedBlocksFuseBranches(ModelId id) {
        ScaffoldConfig config = ScaffoldConfig.defaults();
        BuiltModel train = Zoo.build(id, Form.TRAIN, config);
        BuiltModel deploy = Zoo.build(id, Form.DEPLOY, config);
        long trainConvs = OrtEval.countNodes(train.model(), "Conv");
        long deployConvs = OrtEval.countNodes(deploy.model(), "Conv");
        boolean reparam = !id.isGwoNetwork() && BlockRegistry.get(id.block()).reparameterised();
        if (reparam) {
            assertTrue(deployConvs < trainConvs, id + ": deploy should merge branches, convs " + trainConvs + " -> " + deployConvs);
        } else {
            assertEquals(trainConvs, deployConvs, id + ": only BN folds, conv count must stay");
        }
    }

    @ParameterizedTest
    @MethodSource("positions")
    void resnetScaffoldHasTheReferenceParameterCount(Position position) {
        BuiltModel m = Zoo.build(new ModelId("ResNetBasicBlock", position.id()), Form.TRAIN, ScaffoldConfig.defaults());
        assertEquals(4_505_866L, m.trainableParams());
        // BN running mean + var: stem 64, per block 2 BNs of out + shortcut BN of out
        long bnChannels = 64 + 3 * (3 * 64) + 3 * (3 * 128) + 3 * (3 * 256);
        assertEquals(2 * bnChannels, m.bufferElements());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void otherInputSizesAndClassCountsBuildAndRun(ModelId id) {
        ScaffoldConfig config = new ScaffoldConfig(100, 34, 1, InitMode.PYTORCH);
        BuiltModel deploy = Zoo.build(id, Form.DEPLOY, config);
        float[] logits = OrtEval.run(deploy.model(), Zoo.INPUT_NAME, OrtEval.randomInput(2, 3 * 34 * 34), 1, 3, 34, 34);
        assertEquals(id.isGwoNetwork() ? 10 : 100, logits.length, id + " logits");
    }

    static List<Position> positions() {
        return List.of(Position.values());
    }
}
