package org.blockbench.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.util.List;
import java.util.Map;
import org.blockbench.onnx.Attribute;
import org.blockbench.onnx.FloatTensor;
import org.blockbench.onnx.GraphBuilder;
import org.blockbench.onnx.OnnxOp;
import org.blockbench.onnx.Value;
import org.junit.jupiter.api.Test;

/** Single operators whose every figure is computed by hand in the comments. */
class SingleOpCostsTest {

    private static GraphAnalysis analyze(ModelProto m) {
        return GraphAnalyzer.analyze(m, "test", Map.of());
    }

    private static ModelProto convModel(long[] x, long[] w, boolean bias, Attribute... attrs) {
        GraphBuilder g = new GraphBuilder();
        Value in = g.input("x", "batch", x[1], x[2], x[3]);
        Value weight = g.parameter("weight", FloatTensor.filled(0.5f, w));
        List<Value> inputs = bias ? List.of(in, weight, g.parameter("bias", FloatTensor.filled(0f, w[0])))
                : List.of(in, weight);
        Value y = g.op(OnnxOp.CONV, inputs, attrs);
        g.output(y, "batch");
        return g.build("conv", "", Map.of());
    }

    @Test
    void groupedStridedPaddedConv() {
        // X [1,8,15,15], W [16,4,3,3], group 2, stride 2, pad 1: Hout = floor((15+2-3)/2)+1 = 8
        ModelProto m = convModel(new long[] {1, 8, 15, 15}, new long[] {16, 4, 3, 3}, true,
                Attribute.ints("kernel_shape", 3, 3), Attribute.ints("strides", 2, 2),
                Attribute.ints("pads", 1, 1, 1, 1), Attribute.integer("group", 2));
        GraphAnalysis a = analyze(m);
        NodeCost conv = a.nodes().get(0);
        assertArrayEquals(new long[] {1, 16, 8, 8}, conv.outputs().get(0).shape());
        // MACs = N*Cout*Hout*Wout*(Cin/g)*kh*kw = 1*16*8*8*4*3*3
        assertEquals(36_864L, a.macs());
        // with bias: 36864 multiplies + (36864 - 1024) adds + 1024 bias adds
        assertEquals(73_728L, a.flopsAllOperator());
        assertEquals(16 * 4 * 9 + 16, a.params().elements());
        assertEquals((16 * 4 * 9 + 16) * 4L, a.params().bytes());
        assertEquals(1024L * 4, conv.outputBytes());
        // input 8*15*15*4 bytes + output 1024*4 bytes are live together
        assertEquals(8 * 225 * 4 + 1024 * 4L, a.memory().peakLiveActivationBytes());
        assertTrue(a.complete());
        assertEquals(Map.of("batch", 1L), a.assumedDims());
    }

    @Test
    void depthwiseConvWithBatchTwo() {
        // X [2,32,10,10], W [32,1,5,5], group 32, pad 2: out [2,32,10,10]; MACs = 2*32*100*25
        ModelProto m = convModel(new long[] {1, 32, 10, 10}, new long[] {32, 1, 5, 5}, false,
                Attribute.ints("pads", 2, 2, 2, 2), Attribute.integer("group", 32));
        GraphAnalysis a = GraphAnalyzer.analyze(m, "dw", Map.of("x", new long[] {2, 32, 10, 10}));
        assertEquals(160_000L, a.macs());
        // no bias: 160000 multiplies + (160000 - 6400) adds
        assertEquals(313_600L, a.flopsAllOperator());
        assertEquals(320_000L, a.flopsTwoTimesMacs());
        assertEquals(Map.of(), a.assumedDims());
    }

    @Test
    void asymmetricPadsDilationAndSameUpper() {
        // H: (9 + 0 + 1 - (2*(3-1)+1)) / 1 + 1 = 6; W: same_upper is not combined; pads [0,2,1,0]:
        // W: (9 + 2 + 0 - 5) / 1 + 1 = 7
        ModelProto m = convModel(new long[] {1, 3, 9, 9}, new long[] {4, 3, 3, 3}, false,
                Attribute.ints("pads", 0, 2, 1, 0), Attribute.ints("dilations", 2, 2));
        NodeCost c = analyze(m).nodes().get(0);
        assertArrayEquals(new long[] {1, 4, 6, 7}, c.outputs().get(0).shape());
        assertEquals(4L * 6 * 7 * 3 * 9, c.macs());

        // SAME_UPPER, stride 2 on 7: ceil(7/2) = 4
        ModelProto same = convModel(new long[] {1, 3, 7, 7}, new long[] {5, 3, 3, 3}, false,
                Attribute.string("auto_pad", "SAME_UPPER"), Attribute.ints("strides", 2, 2));
        assertArrayEquals(new long[] {1, 5, 4, 4}, analyze(same).nodes().get(0).outputs().get(0).shape());
    }

    @Test
    void gemmIsALinearLayer() {
        // Linear(64 -> 10) on a batch of 4: Gemm(A [4,64], B [10,64], C [10], transB=1)
        GraphBuilder g = new GraphBuilder();
        Value x = g.input("x", "batch", 64);
        Value y = g.op(OnnxOp.GEMM, List.of(x, g.parameter("fc.weight", FloatTensor.filled(1f, 10, 64)),
                g.parameter("fc.bias", FloatTensor.filled(0f, 10))), Attribute.integer("transB", 1));
        g.output(y, "batch", 10);
        GraphAnalysis a = GraphAnalyzer.analyze(g.build("gemm", "", Map.of()), "gemm", Map.of("x", new long[] {4, 64}));
        assertEquals(4L * 64 * 10, a.macs());
        // (2*in - 1)*out multiplies and adds + 1 bias add per output = (127 + 1) * 40
        assertEquals(5_120L, a.flopsAllOperator());
        assertEquals(650L, a.params().elements());
        assertEquals(650L, a.neuroBench().weightElements() + 10);
        assertEquals(0.0, a.neuroBench().connectionSparsity());
    }
}
