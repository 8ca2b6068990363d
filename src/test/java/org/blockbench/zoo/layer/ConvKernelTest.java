package org.blockbench.zoo.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.blockbench.onnx.FloatTensor;
import org.junit.jupiter.api.Test;

/** Re-parameterisation arithmetic against hand-computed values. */
class ConvKernelTest {

    @Test
    void foldsBatchNormIntoWeightAndBias() {
        // one output channel, 1×1: w = 2, conv bias 1; BN γ = 3, β = 0.5, μ = 4, σ² = 1 − ε so σ = 1
        FloatTensor w = new FloatTensor(new long[] {1, 1, 1, 1}, new float[] {2});
        BatchNormValues bn = new BatchNormValues(new float[] {3}, new float[] {0.5f}, new float[] {4},
                new float[] {1 - BatchNormValues.EPSILON});
        ConvKernel k = ConvKernel.foldBatchNorm(w, new float[] {1}, bn);
        // w' = 2·3 = 6; b' = (1 − 4)·3 + 0.5 = −8.5
        assertArrayEquals(new float[] {6}, k.weight().data(), 1e-6f);
        assertArrayEquals(new float[] {-8.5f}, k.bias(), 1e-6f);
    }

    @Test
    void identityKernelIsACentredOnePerChannel() {
        ConvKernel dense = ConvKernel.identity(2, 1, 3);
        float[] expected = new float[2 * 2 * 9];
        expected[4] = 1;           // out 0, in 0, centre
        expected[(1 * 2 + 1) * 9 + 4] = 1;   // out 1, in 1, centre
        assertArrayEquals(expected, dense.weight().data());
        ConvKernel depthwise = ConvKernel.identity(2, 2, 3);
        float[] dw = new float[2 * 9];
        dw[4] = 1;
        dw[9 + 4] = 1;
        assertArrayEquals(dw, depthwise.weight().data());
    }

    @Test
    void padsAndAddsBranches() {
        ConvKernel oneByOne = new ConvKernel(new FloatTensor(new long[] {1, 1, 1, 1}, new float[] {5}), new float[] {1});
        ConvKernel threeByThree = new ConvKernel(FloatTensor.filled(1f, 1, 1, 3, 3), new float[] {2});
        ConvKernel sum = threeByThree.plus(oneByOne);
        assertArrayEquals(new float[] {1, 1, 1, 1, 6, 1, 1, 1, 1}, sum.weight().data());
        assertArrayEquals(new float[] {3}, sum.bias());
        ConvKernel difference = threeByThree.minus(oneByOne).scaleOutputs(new float[] {2});
        assertArrayEquals(new float[] {2, 2, 2, 2, -8, 2, 2, 2, 2}, difference.weight().data());
        assertArrayEquals(new float[] {2}, difference.bias());
        assertThrows(IllegalArgumentException.class, () -> threeByThree.padTo(4));
    }
}
