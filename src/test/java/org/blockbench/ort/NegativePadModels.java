package org.blockbench.ort;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test fixture: a crasher of the fuzz campaign's kind, a 1×1 Conv on a 1×1×4×4 image whose
 * begin pads are -10^8 and end pads +10^8 (output 4×4, reads 10^8 rows away: SIGSEGV in ONNX
 * Runtime 1.22's CPU kernel; 1.29 refuses it at load), built from raw protos and written without {@code OnnxModelFile}'s validation (which refuses
 * negative pads), so that it reaches ONNX Runtime as a user's file would.
 */
public final class NegativePadModels {

    private NegativePadModels() {
    }

    /** Writes the model to {@code file} and returns it. */
    public static Path maxPool(Path file) {
        ModelProto model = ModelProto.newBuilder().setIrVersion(8).setProducerName("fuzz")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(17))
                .setGraph(GraphProto.newBuilder().setName("negative_pads")
                        .addInput(image("input", 1, 1, 4, 4))
                        .addOutput(ValueInfoProto.newBuilder().setName("output").setType(TypeProto.newBuilder()
                                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE))))
                        .addInitializer(TensorProto.newBuilder().setName("weight").setDataType(TensorProto.DataType.FLOAT_VALUE)
                                .addDims(1).addDims(1).addDims(1).addDims(1).addFloatData(1f))
                        .addNode(NodeProto.newBuilder().setOpType("Conv").setName("conv").addInput("input").addInput("weight")
                                .addOutput("output")
                                .addAttribute(ints("kernel_shape", 1, 1))
                                .addAttribute(ints("pads", -100_000_000, -100_000_000, 100_000_000, 100_000_000))))
                .build();
        try {
            Files.write(file, model.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static ValueInfoProto image(String name, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape))).build();
    }

    private static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }
}
