package org.blockbench.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.blockbench.onnx.OrtEval;
import org.blockbench.zoo.build.BlockRegistry;
import org.blockbench.zoo.build.Zoo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Deploy form equals train form in eval mode, block by block, through ONNX Runtime: every
 * block at every position, both the stage's first (resizing) instance and a shape-keeping
 * one, with BN statistics, affine terms and layer scales randomised so folding is exercised.
 * Tolerance: max |deploy − train| ≤ 1e-4 · max |train|.
 */
class BlockParityTest {

    private static final int BATCH = 2;

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        int[][] stages = {{64, 64, 1, 32}, {64, 128, 2, 32}, {128, 256, 2, 16}};
        for (Block block : BlockRegistry.all()) {
            for (Position p : Position.values()) {
                int[] st = stages[p.ordinal()];
                cases.add(Arguments.of(block.name(), new BlockSpec(st[0], st[1], st[2], p, st[3], st[3])));
                int size = block.outputSize(st[3], st[2]);
                cases.add(Arguments.of(block.name(), new BlockSpec(st[1], st[1], 1, p, size, size)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void deployEqualsTrainInEvalMode(String blockName, BlockSpec spec) {
        Block block = BlockRegistry.get(blockName);
        ModelProto train = Zoo.blockModel(block, spec, Form.TRAIN, 3, InitMode.RANDOMIZED);
        ModelProto deploy = Zoo.blockModel(block, spec, Form.DEPLOY, 3, InitMode.RANDOMIZED);
        float[] input = OrtEval.randomInput(5, BATCH * spec.inChannels() * spec.inHeight() * spec.inWidth());
        long[] shape = {BATCH, spec.inChannels(), spec.inHeight(), spec.inWidth()};
        float[] expected = OrtEval.run(train, Zoo.INPUT_NAME, input, shape);
        float[] actual = OrtEval.run(deploy, Zoo.INPUT_NAME, input, shape);
        int outSize = block.outputSize(spec.inHeight(), spec.stride());
        assertEquals(BATCH * spec.outChannels() * outSize * outSize, expected.length);
        assertTrue(spread(expected) > 1e-2, "block output should depend on the input; spread " + spread(expected));
        double error = OrtEval.relativeError(expected, actual);
        assertTrue(error <= 1e-4, blockName + " " + spec + ": relative error " + error);
        assertEquals(0, OrtEval.countNodes(deploy, "BatchNormalization"));
    }

    /** Largest difference between the two samples of the batch at the same position. */
    private static double spread(float[] v) {
        int half = v.length / 2;
        double s = 0;
        for (int i = 0; i < half; i++) {
            s = Math.max(s, Math.abs(v[i] - v[half + i]));
        }
        return s;
    }
}
