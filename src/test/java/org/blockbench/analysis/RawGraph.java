package org.blockbench.analysis;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.List;

/**
 * Test support: writes raw ONNX protos node by node, for graphs the typed builder does not
 * emit (foreign operators, custom domains, other opsets), the way third-party exporters do.
 */
public final class RawGraph {

    private final GraphProto.Builder graph = GraphProto.newBuilder().setName("raw");
    private int counter;

    /** A float input with static dims (a negative dim becomes the symbolic "batch"). */
    public RawGraph input(String name, long... dims) {
        graph.addInput(info(name, TensorProto.DataType.FLOAT.getNumber(), dims));
        return this;
    }

    public RawGraph output(String name) {
        graph.addOutput(ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT.getNumber()))));
        return this;
    }

    /** Declares a static shape for a value (as onnx.shape_inference writes value_info). */
    public RawGraph valueInfo(String name, long... dims) {
        graph.addValueInfo(info(name, TensorProto.DataType.FLOAT.getNumber(), dims));
        return this;
    }

    public RawGraph floats(String name, float value, long... dims) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT.getNumber());
        long n = 1;
        for (long d : dims) {
            t.addDims(d);
            n *= d;
        }
        for (long i = 0; i < n; i++) {
            t.addFloatData(value);
        }
        graph.addInitializer(t);
        return this;
    }

    public RawGraph ints(String name, long... values) {
        graph.addInitializer(TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64.getNumber())
                .addDims(values.length).addAllInt64Data(java.util.Arrays.stream(values).boxed().toList()));
        return this;
    }

    /** A node in the default domain; outputs and inputs by name ("" for an omitted input). */
    public RawGraph node(String op, List<String> inputs, List<String> outputs, AttributeProto... attrs) {
        return node("", op, inputs, outputs, attrs);
    }

    public RawGraph node(String domain, String op, List<String> inputs, List<String> outputs, AttributeProto... attrs) {
        graph.addNode(NodeProto.newBuilder().setName(op + "_" + counter++).setOpType(op).setDomain(domain)
                .addAllInput(inputs).addAllOutput(outputs).addAllAttribute(List.of(attrs)));
        return this;
    }

    public ModelProto build(int opset) {
        return ModelProto.newBuilder().setIrVersion(8).setProducerName("raw-test")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset))
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("com.example").setVersion(1))
                .setGraph(graph).build();
    }

    public static AttributeProto i(String name, long v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(v).build();
    }

    public static AttributeProto f(String name, float v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(v).build();
    }

    public static AttributeProto is(String name, long... v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS)
                .addAllInts(java.util.Arrays.stream(v).boxed().toList()).build();
    }

    public static AttributeProto s(String name, String v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
                .setS(com.google.protobuf.ByteString.copyFromUtf8(v)).build();
    }

    private static ValueInfoProto info(String name, int type, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(d < 0 ? TensorShapeProto.Dimension.newBuilder().setDimParam("batch")
                    : TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(type).setShape(shape))).build();
    }
}
