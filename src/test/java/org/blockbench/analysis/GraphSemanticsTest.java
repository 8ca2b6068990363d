package org.blockbench.analysis;

import static org.blockbench.analysis.RawGraph.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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

/**
 * What the numbers mean in the cases that trip counters up: an attention block, shared and
 * aliased weights, unsupported operators, the live-memory schedule.
 */
class GraphSemanticsTest {

    @Test
    void attentionBlockByHand() {
        // x [1,16,32], 4 heads of 8; q, k, v, o projections 32x32 (MatMul), o with a bias
        GraphBuilder g = new GraphBuilder();
        Value x = g.input("x", "batch", 16, 32);
        Value q = heads(g, g.op(OnnxOp.MAT_MUL, List.of(x, w(g, "q"))), 0, 2, 1, 3);
        Value k = heads(g, g.op(OnnxOp.MAT_MUL, List.of(x, w(g, "k"))), 0, 2, 3, 1);
        Value v = heads(g, g.op(OnnxOp.MAT_MUL, List.of(x, w(g, "v"))), 0, 2, 1, 3);
        Value scores = g.op(OnnxOp.DIV, List.of(g.op(OnnxOp.MAT_MUL, List.of(q, k)), g.scalar((float) Math.sqrt(8))));
        Value attn = g.op(OnnxOp.SOFTMAX, List.of(scores), Attribute.integer("axis", -1));
        Value ctx = g.op(OnnxOp.MAT_MUL, List.of(attn, v));
        ctx = g.op(OnnxOp.TRANSPOSE, List.of(ctx), Attribute.ints("perm", 0, 2, 1, 3));
        ctx = g.op(OnnxOp.RESHAPE, List.of(ctx, g.constant(1, 16, 32)));
        Value out = g.op(OnnxOp.ADD, List.of(g.op(OnnxOp.MAT_MUL, List.of(ctx, w(g, "o"))),
                g.parameter("o.bias", FloatTensor.filled(0f, 32))));
        g.output(out, "batch", 16, 32);
        GraphAnalysis a = GraphAnalyzer.analyze(g.build("attention", "", Map.of()), "attention", Map.of());
        assertTrue(a.complete());
        // q, k, v, o: 4 x 16*32*32; scores 4 heads x 16x16 outputs x 8; context 4 x 16x8 outputs x 16
        assertEquals(4 * 16_384L + 8_192 + 8_192, a.macs());
        // matmuls 2*MACs - outputs: 4 x (32768 - 512) + (16384 - 1024) + (16384 - 512);
        // Div 1024, Softmax 3 x 1024, bias Add 512
        assertEquals(4 * 32_256L + 15_360 + 15_872 + 1_024 + 3_072 + 512, a.flopsAllOperator());
        assertEquals(4 * 1024 + 32, a.params().elements());
        assertEquals(4 * 1024, a.neuroBench().weightElements());
        OpTypeSummary matMul = a.opTypes().stream().filter(o -> o.opType().equals("MatMul")).findFirst().orElseThrow();
        assertEquals(6, matMul.count());
        assertEquals(1.0, matMul.macsShare());
    }

    private static Value w(GraphBuilder g, String name) {
        return g.parameter(name + ".weight", FloatTensor.filled(0.1f, 32, 32));
    }

    private static Value heads(GraphBuilder g, Value x, long... perm) {
        Value split = g.op(OnnxOp.RESHAPE, List.of(x, g.constant(1, 16, 4, 8)));
        return g.op(OnnxOp.TRANSPOSE, List.of(split), Attribute.ints("perm", perm));
    }

    @Test
    void sharedAndAliasedWeightsCountOncePlusPerUse() {
        ModelProto m = new RawGraph().input("x", 1, 4, 8, 8).floats("W", 0.5f, 4, 4, 3, 3)
                .node("Identity", List.of("W"), List.of("W_alias"))
                .node("Conv", List.of("x", "W"), List.of("y1"), is("pads", 1, 1, 1, 1))
                .node("Conv", List.of("y1", "W_alias"), List.of("y2"), is("pads", 1, 1, 1, 1))
                .node("Conv", List.of("y2", "W"), List.of("y3"), is("pads", 1, 1, 1, 1))
                .output("y3").build(17);
        GraphAnalysis a = GraphAnalyzer.analyze(m, "shared", Map.of());
        assertEquals(144, a.params().elements());
        assertEquals(3 * 144, a.params().perUseElements());
        assertEquals(List.of(new ParameterTotals.SharedTensor("W", "parameter", 144, 3)), a.params().shared());
        assertEquals(3 * 4 * 64 * 36L, a.macs());
        assertEquals(144, a.neuroBench().weightElements());
        assertEquals(144 * 4, a.neuroBench().footprintBytes());
    }

    @Test
    void unsupportedOperatorIsNamedAndTotalsMarkedIncomplete() {
        RawGraph base = new RawGraph().input("x", 1, 4, 8, 8).floats("W", 0.5f, 4, 4, 1, 1)
                .node("Conv", List.of("x", "W"), List.of("c"))
                .node("com.example", "Mystery", List.of("c"), List.of("m"))
                .node("Conv", List.of("m", "W"), List.of("y"))
                .output("y");
        GraphAnalysis a = GraphAnalyzer.analyze(base.build(17), "mystery", Map.of());
        assertFalse(a.complete());
        assertEquals(List.of("com.example:Mystery"), List.copyOf(a.unsupportedOps()));
        assertEquals("unsupported", a.nodes().get(1).status());
        assertNull(a.nodes().get(1).macs());
        assertEquals("unknown_input_shape", a.nodes().get(2).status());
        assertEquals(4 * 64 * 4L, a.macs(), "only the first conv is counted");
        assertEquals(2, a.incompleteReasons().size());

        // a static shape declared for the unknown output lets the analysis continue past it
        GraphAnalysis declared = GraphAnalyzer.analyze(base.valueInfo("m", 1, 4, 8, 8).build(17), "mystery", Map.of());
        assertFalse(declared.complete());
        assertEquals("ok", declared.nodes().get(2).status());
        assertEquals(2 * 4 * 64 * 4L, declared.macs());
        assertEquals(1, declared.incompleteReasons().size());
    }

    @Test
    void peakLiveMemoryFollowsTheSchedule() {
        // x -> A = Relu(x), B = Relu(x), C = Add(A, B): each value 1x4x8x8 floats = 1 KiB
        ModelProto m = new RawGraph().input("x", 1, 4, 8, 8)
                .node("Relu", List.of("x"), List.of("A"))
                .node("Relu", List.of("x"), List.of("B"))
                .node("Add", List.of("A", "B"), List.of("C"))
                .output("C").build(17);
        GraphAnalysis a = GraphAnalyzer.analyze(m, "branch", Map.of());
        // live: {x} -> {x,A} -> {x,A,B} (x freed) -> {A,B,C}: peak 3 KiB, first reached at B
        assertEquals(3 * 1024, a.memory().peakLiveActivationBytes());
        assertEquals("Relu_1", a.memory().peakNode());
        assertEquals(4 * 1024, a.memory().activationBytesTotal());
        assertEquals(1024L, a.nodes().get(2).outputBytes());
    }

    @Test
    void runningStatisticsAreBuffersAndShapeInputsAreConstants() {
        ModelProto m = new RawGraph().input("x", -1, 3, 4, 4).floats("g", 1f, 3).floats("b", 0f, 3)
                .floats("mean", 0f, 3).floats("var", 1f, 3).ints("shape", 0, -1).floats("unused", 1f, 7)
                .node("BatchNormalization", List.of("x", "g", "b", "mean", "var"), List.of("n"))
                .node("Reshape", List.of("n", "shape"), List.of("y"))
                .output("y").build(17);
        GraphAnalysis a = GraphAnalyzer.analyze(m, "bn", Map.of("x", new long[] {2, 3, 4, 4}));
        assertEquals(6, a.params().elements());
        assertEquals(6, a.params().bufferElements());
        assertEquals(2, a.params().constantElements());
        assertEquals(1, a.params().unusedInitializers());
        assertEquals(7, a.params().unusedElements());
        assertEquals((6 + 6) * 4, a.neuroBench().footprintBytes());
        assertEquals(2 * 96L, a.flopsAllOperator());
        assertEquals(List.of(2L, 48L), java.util.Arrays.stream(a.nodes().get(1).outputs().get(0).shape()).boxed().toList());
        assertTrue(a.assumedDims().isEmpty());
    }
}
