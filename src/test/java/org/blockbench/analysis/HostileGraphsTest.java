package org.blockbench.analysis;

import static org.blockbench.analysis.RawGraph.is;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.util.List;
import java.util.Map;
import org.blockbench.onnx.OnnxModelException;
import org.junit.jupiter.api.Test;

/**
 * Fuzzed-file shapes of trouble, hand-built: the analysis refuses each with one line naming the
 * node (never a stack trace, never a "complete" graph with a negative or overflowed size).
 */
class HostileGraphsTest {

    private static String refusal(ModelProto model) {
        OnnxModelException e = assertThrows(OnnxModelException.class,
                () -> GraphAnalyzer.analyze(model, "hostile.onnx", Map.of()));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    private static void assertContains(String expected, String message) {
        assertTrue(message.contains(expected), "expected '" + expected + "' in: " + message);
    }

    /** The fuzz campaign's "complete" graphs at opset -1 or IR version -5: refused, never analysed. */
    @Test
    void opsetAndIrVersionOutOfRangeAreNeverCalledComplete() {
        ModelProto ok = new RawGraph().input("x", 1, 3).node("Relu", List.of("x"), List.of("y")).output("y").build(17);
        assertContains("hostile.onnx: opset_import of domain 'ai.onnx' is version -1, expected 1 to 26",
                refusal(ok.toBuilder().setOpsetImport(0, ok.getOpsetImport(0).toBuilder().setVersion(-1)).build()));
        assertContains("hostile.onnx: ir_version is -5, expected 3 to 13", refusal(ok.toBuilder().setIrVersion(-5).build()));
    }

    @Test
    void matMulWhoseOutputOverflowsIsRefusedNamingTheNode() {
        ModelProto m = new RawGraph().input("a", 1L << 30, 1).input("b", 1, 1L << 30)
                .node("MatMul", List.of("a", "b"), List.of("y")).output("y").build(17);
        assertContains("node 'MatMul_0' (MatMul): output 'y' would have shape [1073741824, 1073741824],"
                + " whose size overflows 64 bits", refusal(m));
    }

    @Test
    void hugeConvPadsAreRefusedNamingTheNode() {
        long big = 1L << 62;
        ModelProto m = new RawGraph().input("x", 1, 1, 4, 4).floats("w", 1f, 1, 1, 1, 1)
                .node("Conv", List.of("x", "w"), List.of("y"), is("pads", big, big, big, big)).output("y").build(17);
        // refused by the validator's window bound before shape inference, whose overflow guard it used to reach
        assertContains("node 'Conv_0' (Conv) attribute 'pads' is [" + big + ", " + big + ", " + big + ", " + big
                + "], expected every value in [0, 65536]", refusal(m));
    }

    @Test
    void hugePadInputsAreRefusedNamingTheNode() {
        long big = 1L << 62;
        ModelProto m = new RawGraph().input("x", 1, 4).ints("pads", 0, big, 0, big)
                .node("Pad", List.of("x", "pads"), List.of("y")).output("y").build(17);
        assertContains("node 'Pad_0' (Pad): its output sizes overflow 64 bits", refusal(m));
    }

    @Test
    void aNegativeInferredDimIsAnErrorNotACompleteGraph() {
        ModelProto m = new RawGraph().input("x", 1, 4).ints("pads", 0, -5, 0, 0)
                .node("Pad", List.of("x", "pads"), List.of("y")).output("y").build(17);
        assertContains("node 'Pad_0' (Pad): pads [0, -5, 0, 0] make axis 1 negative", refusal(m));
    }

    @Test
    void expandToMinusOneIsRefused() {
        ModelProto m = new RawGraph().input("x", 1, 4).ints("shape", -1, 4)
                .node("Expand", List.of("x", "shape"), List.of("y")).output("y").build(17);
        assertContains("node 'Expand_0' (Expand): output 'y' would have shape [-1, 4], a negative dimension", refusal(m));
    }

    @Test
    void negativeStridesAreRefusedBeforeInference() {
        ModelProto m = new RawGraph().input("x", 1, 1, 4, 4).floats("w", 1f, 1, 1, 1, 1)
                .node("Conv", List.of("x", "w"), List.of("y"), is("strides", -1, 1)).output("y").build(17);
        assertContains("hostile.onnx: graph 'raw' node 'Conv_0' (Conv) attribute 'strides' is [-1, 1],"
                + " expected every value in [1, 65536]", refusal(m));
    }

    @Test
    void shortFloatDataIsRefusedBeforeDecoding() {
        ModelProto m = new RawGraph().input("x", 1, 4).floats("w", 1f, 4).node("Add", List.of("x", "w"), List.of("y"))
                .output("y").build(17);
        ModelProto cut = m.toBuilder().setGraph(m.getGraph().toBuilder().setInitializer(0,
                m.getGraph().getInitializer(0).toBuilder().clearFloatData().addFloatData(1f))).build();
        assertContains("initializer 'w' holds 1 values in float_data, its shape [4] needs 4", refusal(cut));
    }

    @Test
    void aNodeWithoutInputsIsRefused() {
        ModelProto m = new RawGraph().input("x", 1, 4).node("MatMul", List.of(), List.of("y")).output("y").build(17);
        assertContains("node 'MatMul_0' (MatMul) has no inputs; the operator needs at least one", refusal(m));
    }
}
