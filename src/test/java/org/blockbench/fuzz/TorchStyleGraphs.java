package org.blockbench.fuzz;

import static org.blockbench.analysis.RawGraph.f;
import static org.blockbench.analysis.RawGraph.i;
import static org.blockbench.analysis.RawGraph.is;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Graphs shaped like {@code torch.onnx.export} output, built from raw protos so that no Python
 * is needed: scoped node names ({@code /layer1/conv/Conv}), weights as initializers named after
 * module paths, {@code Constant} nodes for shape arithmetic, the
 * {@code Shape→Gather→Unsqueeze→Concat→Reshape} flatten that tracing emits, and a
 * {@code Flatten→Gemm} head; a symbolic batch dimension.
 */
final class TorchStyleGraphs {

    private TorchStyleGraphs() {
    }

    static Map<String, ModelProto> all() {
        Map<String, ModelProto> g = new LinkedHashMap<>();
        g.put("torch:reshape-head", reshapeHead());
        g.put("torch:flatten-head", flattenHead());
        return g;
    }

    /** input → /conv1/Conv → /relu/Relu → /pool/MaxPool → traced reshape to [N, -1] → /fc/Gemm → logits. */
    static ModelProto reshapeHead() {
        SplittableRandom r = new SplittableRandom(11);
        GraphProto.Builder g = GraphProto.newBuilder().setName("main_graph");
        g.addInput(value("input", 3, 16, 16));
        g.addInitializer(floats("conv1.weight", r, 8, 3, 3, 3));
        g.addInitializer(floats("conv1.bias", r, 8));
        g.addInitializer(floats("fc.weight", r, 10, 8 * 8 * 8));
        g.addInitializer(floats("fc.bias", r, 10));
        g.addNode(node("/conv1/Conv", "Conv", List.of("input", "conv1.weight", "conv1.bias"), "/conv1/Conv_output_0",
                is("dilations", 1, 1), i("group", 1), is("kernel_shape", 3, 3), is("pads", 1, 1, 1, 1),
                is("strides", 1, 1)));
        g.addNode(node("/relu/Relu", "Relu", List.of("/conv1/Conv_output_0"), "/relu/Relu_output_0"));
        g.addNode(node("/pool/MaxPool", "MaxPool", List.of("/relu/Relu_output_0"), "/pool/MaxPool_output_0",
                i("ceil_mode", 0), is("kernel_shape", 2, 2), is("pads", 0, 0, 0, 0), is("strides", 2, 2)));
        g.addNode(node("/Shape", "Shape", List.of("/pool/MaxPool_output_0"), "/Shape_output_0"));
        g.addNode(constant("/Constant", "/Constant_output_0", longs("", new long[0], 0)));
        g.addNode(node("/Gather", "Gather", List.of("/Shape_output_0", "/Constant_output_0"), "/Gather_output_0",
                i("axis", 0)));
        g.addNode(constant("/Constant_1", "/Constant_1_output_0", longs("", new long[] {1}, 0)));
        g.addNode(node("/Unsqueeze", "Unsqueeze", List.of("/Gather_output_0", "/Constant_1_output_0"), "/Unsqueeze_output_0"));
        g.addNode(constant("/Constant_2", "/Constant_2_output_0", longs("", new long[] {1}, -1)));
        g.addNode(node("/Concat", "Concat", List.of("/Unsqueeze_output_0", "/Constant_2_output_0"), "/Concat_output_0",
                i("axis", 0)));
        g.addNode(node("/Reshape", "Reshape", List.of("/pool/MaxPool_output_0", "/Concat_output_0"), "/Reshape_output_0",
                i("allowzero", 0)));
        g.addNode(node("/fc/Gemm", "Gemm", List.of("/Reshape_output_0", "fc.weight", "fc.bias"), "logits",
                f("alpha", 1f), f("beta", 1f), i("transB", 1)));
        g.addOutput(value("logits", 10));
        return model(g);
    }

    /** input → /features/0/Conv → BatchNormalization → Relu → Mul by a Constant → GlobalAveragePool → Flatten → Gemm. */
    static ModelProto flattenHead() {
        SplittableRandom r = new SplittableRandom(12);
        GraphProto.Builder g = GraphProto.newBuilder().setName("main_graph");
        g.addInput(value("input", 3, 16, 16));
        g.addInitializer(floats("features.0.weight", r, 4, 3, 3, 3));
        g.addInitializer(floats("features.1.weight", r, 4));
        g.addInitializer(floats("features.1.bias", r, 4));
        g.addInitializer(floats("features.1.running_mean", r, 4));
        TensorProto.Builder var = floats("features.1.running_var", r, 4);
        for (int i = 0; i < var.getFloatDataCount(); i++) {
            var.setFloatData(i, 1f + Math.abs(var.getFloatData(i)));
        }
        g.addInitializer(var);
        g.addInitializer(floats("classifier.weight", r, 10, 4));
        g.addInitializer(floats("classifier.bias", r, 10));
        g.addNode(node("/features/features.0/Conv", "Conv", List.of("input", "features.0.weight"),
                "/features/features.0/Conv_output_0", is("dilations", 1, 1), i("group", 1),
                is("kernel_shape", 3, 3), is("pads", 1, 1, 1, 1), is("strides", 2, 2)));
        g.addNode(node("/features/features.1/BatchNormalization", "BatchNormalization", List.of(
                "/features/features.0/Conv_output_0", "features.1.weight", "features.1.bias", "features.1.running_mean",
                "features.1.running_var"), "/features/features.1/BatchNormalization_output_0",
                f("epsilon", 1e-5f), f("momentum", 0.9f)));
        g.addNode(node("/features/features.2/Relu", "Relu", List.of("/features/features.1/BatchNormalization_output_0"),
                "/features/features.2/Relu_output_0"));
        g.addNode(constant("/Constant", "/Constant_output_0", floats("", r, 1, 4, 1, 1).build()));
        g.addNode(node("/Mul", "Mul", List.of("/features/features.2/Relu_output_0", "/Constant_output_0"), "/Mul_output_0"));
        g.addNode(node("/avgpool/GlobalAveragePool", "GlobalAveragePool", List.of("/Mul_output_0"),
                "/avgpool/GlobalAveragePool_output_0"));
        g.addNode(node("/Flatten", "Flatten", List.of("/avgpool/GlobalAveragePool_output_0"), "/Flatten_output_0",
                i("axis", 1)));
        g.addNode(node("/classifier/Gemm", "Gemm", List.of("/Flatten_output_0", "classifier.weight", "classifier.bias"),
                "logits", f("alpha", 1f), f("beta", 1f), i("transB", 1)));
        g.addOutput(value("logits", 10));
        return model(g);
    }

    private static ModelProto model(GraphProto.Builder g) {
        return ModelProto.newBuilder().setIrVersion(8).setProducerName("pytorch").setProducerVersion("2.5.1")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(17)).setGraph(g).build();
    }

    /** A float tensor value [batch, dims...] with a symbolic batch, as torch exports with dynamic_axes. */
    static ValueInfoProto value(String name, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch_size"));
        for (long d : dims) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape))).build();
    }

    static NodeProto node(String name, String op, List<String> inputs, String output, AttributeProto... attributes) {
        NodeProto.Builder n = NodeProto.newBuilder().setName(name).setOpType(op).addAllInput(inputs).addOutput(output);
        for (AttributeProto a : attributes) {
            n.addAttribute(a);
        }
        return n.build();
    }

    static NodeProto constant(String name, String output, TensorProto value) {
        return NodeProto.newBuilder().setName(name).setOpType("Constant").addOutput(output)
                .addAttribute(AttributeProto.newBuilder().setName("value").setType(AttributeProto.AttributeType.TENSOR)
                        .setT(value)).build();
    }

    static TensorProto.Builder floats(String name, SplittableRandom r, long... dims) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE);
        long n = 1;
        for (long d : dims) {
            t.addDims(d);
            n *= d;
        }
        for (long i = 0; i < n; i++) {
            t.addFloatData((float) (r.nextDouble() - 0.5) * 0.2f);
        }
        return t;
    }

    static TensorProto longs(String name, long[] dims, long fill) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE);
        long n = 1;
        for (long d : dims) {
            t.addDims(d);
            n *= d;
        }
        for (long i = 0; i < n; i++) {
            t.addInt64Data(fill);
        }
        return t.build();
    }
}
