package org.blockbench.analysis.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.blockbench.analysis.GraphAnalysis;
import org.blockbench.analysis.GraphAnalyzer;
import org.blockbench.onnx.ElementType;
import org.blockbench.ort.HostTensor;
import org.blockbench.onnx.FloatTensor;
import org.blockbench.onnx.GraphBuilder;
import org.blockbench.onnx.OnnxOp;
import org.blockbench.onnx.Value;
import org.junit.jupiter.api.Test;

/** Data metrics on a graph small enough to count by hand, run in ONNX Runtime. */
class DataMetricsTest {

    @Test
    void reluSparsityAndEffectiveMacsOfATinyConv() {
        GraphBuilder g = new GraphBuilder();
        Value x = g.input("x", "batch", 1, 3, 3);
        Value r = g.op(OnnxOp.RELU, List.of(x));
        // W = [[1, 0], [2, 3]]: one zero weight
        Value y = g.op(OnnxOp.CONV, List.of(r, g.parameter("w", new FloatTensor(new long[] {1, 1, 2, 2},
                new float[] {1, 0, 2, 3}))));
        g.output(y, "batch", 1, 2, 2);
        ModelProto m = g.build("tiny", "", Map.of());
        GraphAnalysis a = GraphAnalyzer.analyze(m, "tiny", Map.of());
        assertEquals(16, a.macs());
        // Relu(X) = [[1,0,2],[0,0,3],[4,5,0]]: 4 zeros of 9
        HostTensor input = new HostTensor(new long[] {1, 1, 3, 3}, ElementType.FLOAT,
                new float[] {1, 0, 2, 0, -1, 3, 4, 5, -2});
        DataMetricsReport d = DataMetrics.measure(m, a, List.of(Map.of("x", input), Map.of("x", input)), "fixed");
        assertEquals(2, d.samples());
        assertEquals(8, d.activationZeros());
        assertEquals(18, d.activationElements());
        // non-zero taps (0,0),(1,0),(1,1) meet non-zero inputs: outputs (0,0)->1, (0,1)->1, (1,0)->2, (1,1)->1
        assertEquals(2 * 5, d.effectiveMacs());
        assertEquals(2 * 16, d.denseMacs());
        assertEquals(List.of(), d.notMeasured());
    }

    @Test
    void erfFormGeluIsFoundAsOneActivation() {
        org.blockbench.zoo.BuiltModel m = org.blockbench.zoo.build.Zoo.build(new org.blockbench.zoo.ModelId("MBConvLNBlock", "late"),
                org.blockbench.zoo.Form.DEPLOY, org.blockbench.zoo.ScaffoldConfig.defaults());
        GraphAnalysis a = GraphAnalyzer.analyze(m.model(), "mbconv", Map.of());
        DataMetricsReport d = DataMetrics.measure(m.model(), a, DataMetrics.generatedInputs(a, 1, 0), "generated");
        long gelus = d.activations().stream().filter(x -> x.kind().equals("Gelu(erf)")).count();
        long erfs = m.model().getGraph().getNodeList().stream().filter(n -> n.getOpType().equals("Erf")).count();
        assertEquals(erfs, gelus);
        org.junit.jupiter.api.Assertions.assertTrue(gelus > 0);
        // the GELU output is the Mul by 0.5; exact zeros are rare
        d.activations().stream().filter(x -> x.kind().equals("Gelu(erf)"))
                .forEach(x -> org.junit.jupiter.api.Assertions.assertTrue(x.sparsity() < 0.01, x.toString()));
    }

    @Test
    void convCountsAgreeWithBruteForceForGroupedStridedPaddedDilated() {
        SplittableRandom rng = new SplittableRandom(3);
        long[] xs = {2, 6, 9, 8};
        long[] ws = {4, 3, 3, 2};
        long[] strides = {2, 1};
        long[] dil = {1, 2};
        long[] pads = {1, 2};
        long oh = (9 + 2 * 1 - 3) / 2 + 1;
        long ow = (8 + 2 * 2 - (2 * (2 - 1) + 1)) / 1 + 1;
        float[] x = sparse(rng, (int) (2 * 6 * 9 * 8), 0.4);
        float[] w = sparse(rng, (int) (4 * 3 * 3 * 2), 0.3);
        long expected = 0;
        int groups = 2;
        for (int n = 0; n < 2; n++) {
            for (int m = 0; m < 4; m++) {
                int group = m / (4 / groups);
                for (int y = 0; y < oh; y++) {
                    for (int xo = 0; xo < ow; xo++) {
                        for (int ci = 0; ci < 3; ci++) {
                            for (int i = 0; i < 3; i++) {
                                for (int j = 0; j < 2; j++) {
                                    int iy = (int) (y * strides[0] - pads[0] + i * dil[0]);
                                    int ix = (int) (xo * strides[1] - pads[1] + j * dil[1]);
                                    boolean inside = iy >= 0 && iy < 9 && ix >= 0 && ix < 8;
                                    int c = group * 3 + ci;
                                    if (inside && x[((n * 6 + c) * 9 + iy) * 8 + ix] != 0
                                            && w[((m * 3 + ci) * 3 + i) * 2 + j] != 0) {
                                        expected++;
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        long got = EffectiveMacs.conv(x, xs, w, ws, new long[] {2, 4, oh, ow}, strides, dil, pads);
        assertEquals(expected, got);
        // all non-zero: the count is the dense MAC count minus the taps that fall into padding
        float[] ones = new float[x.length];
        java.util.Arrays.fill(ones, 1f);
        float[] wOnes = new float[w.length];
        java.util.Arrays.fill(wOnes, 1f);
        long dense = 2L * 4 * oh * ow * 3 * 3 * 2;
        long inside = EffectiveMacs.conv(ones, xs, wOnes, ws, new long[] {2, 4, oh, ow}, strides, dil, pads);
        org.junit.jupiter.api.Assertions.assertTrue(inside < dense && inside > dense / 2, inside + " of " + dense);
    }

    @Test
    void gemmAndBatchedMatMulCountsAgreeWithBruteForce() {
        SplittableRandom rng = new SplittableRandom(4);
        float[] a = sparse(rng, 5 * 7, 0.5);
        float[] b = sparse(rng, 3 * 7, 0.5);
        // Gemm(A [5,7], B [3,7], transB): sum over m, n, k of [A[m,k] != 0][B[n,k] != 0]
        long expected = 0;
        for (int m = 0; m < 5; m++) {
            for (int n = 0; n < 3; n++) {
                for (int k = 0; k < 7; k++) {
                    if (a[m * 7 + k] != 0 && b[n * 7 + k] != 0) {
                        expected++;
                    }
                }
            }
        }
        assertEquals(expected, EffectiveMacs.gemm(a, new long[] {5, 7}, false, b, new long[] {3, 7}, true));
        // MatMul([2,1,4,3] @ [3,3,2]) broadcasts to [2,3,4,2]
        float[] p = sparse(rng, 2 * 4 * 3, 0.5);
        float[] q = sparse(rng, 3 * 3 * 2, 0.5);
        long mm = 0;
        for (int b0 = 0; b0 < 2; b0++) {
            for (int b1 = 0; b1 < 3; b1++) {
                for (int m = 0; m < 4; m++) {
                    for (int n = 0; n < 2; n++) {
                        for (int k = 0; k < 3; k++) {
                            if (p[(b0 * 4 + m) * 3 + k] != 0 && q[(b1 * 3 + k) * 2 + n] != 0) {
                                mm++;
                            }
                        }
                    }
                }
            }
        }
        assertEquals(mm, EffectiveMacs.matMul(p, new long[] {2, 1, 4, 3}, q, new long[] {3, 3, 2}));
    }

    private static float[] sparse(SplittableRandom rng, int n, double zeroFraction) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextDouble() < zeroFraction ? 0f : (float) (rng.nextDouble() + 0.1);
        }
        return v;
    }
}
