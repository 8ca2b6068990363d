package org.blockbench.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link GraphBuilder#copyNode} and {@link GraphBuilder#constant(TensorProto)}: a user's stage copied into our graph. */
class GraphBuilderCopyNodeTest {

    @Test
    void copiedNodesAreScopedRenamedAndComputeTheSame() {
        GraphBuilder g = new GraphBuilder();
        Value x = g.input("input", "N", 2, 3);
        Value y;
        try (var s = g.scope("stageB")) {
            NodeProto relu = NodeProto.newBuilder().setOpType("Relu").setName("/0/act/Relu").addInput("a").addOutput("b").build();
            y = g.copyNode(relu, List.of(x)).get(0);
            TensorProto shape = TensorProto.newBuilder().setName("onnx::Reshape_7").setDataType(TensorProto.DataType.INT64_VALUE)
                    .addDims(2).addInt64Data(3).addInt64Data(2).build();
            NodeProto reshape = NodeProto.newBuilder().setOpType("Reshape").addInput("b").addInput("s").addOutput("c").build();
            y = g.copyNode(reshape, List.of(y, g.constant(shape))).get(0);
        }
        g.output(y, "N", 2);
        var model = g.build("copy", "", Map.of());
        assertEquals("stageB/0.act.Relu", model.getGraph().getNode(0).getName());
        assertEquals(List.of("input"), model.getGraph().getNode(0).getInputList());
        assertEquals(List.of("stageB/0.act.Relu"), model.getGraph().getNode(0).getOutputList());
        assertEquals("stageB/Reshape", model.getGraph().getNode(2).getName());
        float[] out = OrtEval.run(model, "input", new float[] {-1, 2, -3, 4, -5, 6}, 1, 2, 3);
        assertEquals(Arrays.toString(new float[] {0, 2, 0, 4, 0, 6}), Arrays.toString(out));
    }

    @Test
    void skippedOptionalInputsAndOutputsStaySkipped() {
        GraphBuilder g = new GraphBuilder();
        Value x = g.input("input", "N", 4);
        NodeProto dropout = NodeProto.newBuilder().setOpType("Dropout").addInput("x").addInput("").addOutput("y").addOutput("").build();
        List<Value> out = g.copyNode(dropout, Arrays.asList(x, null));
        assertNull(out.get(1));
        g.output(out.get(0), "N", 4);
        var node = g.build("d", "", Map.of()).getGraph().getNode(0);
        assertEquals(List.of("input", ""), node.getInputList());
        assertEquals("", node.getOutput(1));
    }

    @Test
    void nodesOfOtherDomainsAreRefused() {
        GraphBuilder g = new GraphBuilder();
        Value x = g.input("input", "N", 4);
        NodeProto custom = NodeProto.newBuilder().setOpType("Gelu").setDomain("com.microsoft").addInput("x").addOutput("y").build();
        assertThrows(IllegalArgumentException.class, () -> g.copyNode(custom, List.of(x)));
    }
}
