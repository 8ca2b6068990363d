package org.blockbench.train.interp;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.SplittableRandom;
import org.blockbench.onnx.Attribute;
import org.blockbench.onnx.FloatTensor;

/**
 * A raw ONNX graph for operator tests: any op type, int64 or float initializers, and a data
 * input whose first dimension is symbolic. (GraphBuilder only emits the zoo's operators.)
 */
final class MiniGraph {

    private final GraphProto.Builder graph = GraphProto.newBuilder().setName("mini");
    private int counter;

    MiniGraph input(String name, long... dims) {
        graph.addInput(info(name, dims));
        return this;
    }

    MiniGraph param(String name, FloatTensor value) {
        graph.addInitializer(floatProto(value).toBuilder().setName(name));
        return this;
    }

    static TensorProto floatProto(FloatTensor value) {
        ByteBuffer bytes = ByteBuffer.allocate(value.size() * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(value.data());
        TensorProto.Builder t = TensorProto.newBuilder().setDataType(TensorProto.DataType.FLOAT.getNumber())
                .setRawData(ByteString.copyFrom(bytes.array()));
        for (long d : value.shape()) {
            t.addDims(d);
        }
        return t.build();
    }

    MiniGraph ints(String name, long... values) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64.getNumber())
                .addDims(values.length);
        for (long v : values) {
            t.addInt64Data(v);
        }
        graph.addInitializer(t);
        return this;
    }

    MiniGraph scalar(String name, float value) {
        TensorProto t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT.getNumber())
                .addFloatData(value).build();
        graph.addInitializer(t);
        return this;
    }

    MiniGraph node(String op, List<String> inputs, List<String> outputs, Attribute... attributes) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(op + "_" + counter++)
                .addAllInput(inputs).addAllOutput(outputs);
        for (Attribute a : attributes) {
            n.addAttribute(a.proto());
        }
        graph.addNode(n);
        return this;
    }

    MiniGraph node(String op, List<String> inputs, String output, Attribute... attributes) {
        return node(op, inputs, List.of(output), attributes);
    }

    MiniGraph output(String name) {
        TypeProto type = TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                .setElemType(TensorProto.DataType.FLOAT.getNumber())).build();
        graph.addOutput(ValueInfoProto.newBuilder().setName(name).setType(type));
        return this;
    }

    ModelProto build() {
        return ModelProto.newBuilder().setIrVersion(8).setProducerName("test")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(17))
                .setGraph(graph).build();
    }

    static FloatTensor random(long seed, float lo, float hi, long... shape) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[Math.toIntExact(FloatTensor.elementCount(shape))];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (lo + (hi - lo) * r.nextDouble());
        }
        return new FloatTensor(shape, v);
    }

    private static ValueInfoProto info(String name, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("N"));
        for (long d : dims) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        TypeProto type = TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                .setElemType(TensorProto.DataType.FLOAT.getNumber()).setShape(shape)).build();
        return ValueInfoProto.newBuilder().setName(name).setType(type).build();
    }
}
