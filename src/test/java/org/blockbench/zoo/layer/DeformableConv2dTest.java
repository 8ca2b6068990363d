package org.blockbench.zoo.layer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.util.Map;
import org.blockbench.onnx.FloatTensor;
import org.blockbench.onnx.GraphBuilder;
import org.blockbench.onnx.OrtEval;
import org.blockbench.onnx.Value;
import org.blockbench.zoo.Form;
import org.blockbench.zoo.InitMode;
import org.blockbench.zoo.ModelContext;
import org.blockbench.zoo.ParameterSource;
import org.junit.jupiter.api.Test;

/**
 * The GridSample formulation of deformable conv against independent references: with zero
 * offsets it is the ordinary 3×3 conv (pad 1) with the same weights; with every offset
 * (dy, dx) = (0, +1) it is that conv applied to the input shifted one pixel left, zero filled
 * (away from output column 0, where the deformable conv samples pixel 0 and the shifted conv
 * sees padding).
 */
class DeformableConv2dTest {

    private static final int IN = 3;
    private static final int OUT = 4;
    private static final int SIZE = 6;

    private static ModelProto build(boolean deformable, float offsetDx, int stride) {
        var weights = ParameterSource.initial(1, InitMode.PYTORCH);
        FloatTensor w = weights.get("w", org.blockbench.zoo.ParameterRole.WEIGHT, IN * 9, OUT, IN, 3, 3);
        FloatTensor b = weights.get("b", org.blockbench.zoo.ParameterRole.BIAS, IN * 9, OUT);
        float[] offsetBias = new float[18];
        for (int tap = 0; tap < 9; tap++) {
            offsetBias[2 * tap + 1] = offsetDx;
        }
        Map<String, FloatTensor> given = Map.of("d.weight", w, "d.bias", b, "d.offset.weight", FloatTensor.filled(0f, 18, IN, 3, 3),
                "d.offset.bias", new FloatTensor(new long[] {18}, offsetBias), "c.weight", w, "c.bias", b);
        GraphBuilder g = new GraphBuilder();
        ModelContext ctx = new ModelContext(g, Form.TRAIN, new ParameterSource(0, InitMode.PYTORCH, given));
        Value x = g.input("x", "batch", IN, SIZE, SIZE);
        Value y = deformable
                ? new DeformableConv2d(IN, OUT, stride).emit(ctx, "d", x, SIZE, SIZE)
                : new Conv2d(IN, OUT, 3, stride, 1, 1, true).emit(ctx, "c", x);
        int out = (SIZE - 1) / stride + 1;
        g.output(y, "batch", OUT, out, out);
        return g.build("t", "", Map.of());
    }

    @Test
    void zeroOffsetsGiveTheOrdinaryConv() {
        for (int stride : new int[] {1, 2}) {
            float[] input = OrtEval.randomInput(3, 2 * IN * SIZE * SIZE);
            float[] expected = OrtEval.run(build(false, 0, stride), "x", input, 2, IN, SIZE, SIZE);
            float[] actual = OrtEval.run(build(true, 0, stride), "x", input, 2, IN, SIZE, SIZE);
            double error = OrtEval.relativeError(expected, actual);
            assertTrue(error < 1e-5, "stride " + stride + ": relative error " + error);
        }
    }

    @Test
    void unitOffsetSamplesOnePixelToTheRight() {
        float[] input = OrtEval.randomInput(4, IN * SIZE * SIZE);
        float[] shifted = new float[input.length];
        for (int c = 0; c < IN; c++) {
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x + 1 < SIZE; x++) {
                    shifted[(c * SIZE + y) * SIZE + x] = input[(c * SIZE + y) * SIZE + x + 1];
                }
            }
        }
        float[] expected = OrtEval.run(build(false, 0, 1), "x", shifted, 1, IN, SIZE, SIZE);
        float[] actual = OrtEval.run(build(true, 1f, 1), "x", input, 1, IN, SIZE, SIZE);
        double maxDiff = 0;
        for (int i = 0; i < expected.length; i++) {
            if (i % SIZE != 0) {
                maxDiff = Math.max(maxDiff, Math.abs(expected[i] - actual[i]));
            }
        }
        assertTrue(maxDiff < 1e-5, "max difference away from column 0: " + maxDiff);
        assertTrue(Math.abs(expected[0] - actual[0]) > 1e-3, "column 0 should differ (pixel 0 vs padding)");
    }
}
