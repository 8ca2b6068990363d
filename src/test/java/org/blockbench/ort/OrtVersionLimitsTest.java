package org.blockbench.ort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.blockbench.onnx.OnnxModelFile;
import org.junit.jupiter.api.Test;

/**
 * The validator's IR-version and opset bounds are exactly the bundled ONNX Runtime's: it loads
 * a model at {@link OnnxModelFile#MAX_IR_VERSION} / {@link OnnxModelFile#MAX_OPSET} and refuses
 * one step beyond. An ONNX Runtime upgrade that moves either fails here, not in a user's sweep.
 */
class OrtVersionLimitsTest {

    static {
        OrtNatives.initialize();
    }

    /** x[1,3] → Relu → y, at the given IR version and default-domain opset. */
    private static byte[] relu(long irVersion, long opset) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(1))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(3));
        TypeProto type = TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                .setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape)).build();
        return ModelProto.newBuilder().setIrVersion(irVersion)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset))
                .setGraph(GraphProto.newBuilder().setName("g")
                        .addInput(ValueInfoProto.newBuilder().setName("x").setType(type))
                        .addOutput(ValueInfoProto.newBuilder().setName("y").setType(type))
                        .addNode(NodeProto.newBuilder().setOpType("Relu").addInput("x").addOutput("y")))
                .build().toByteArray();
    }

    private static void load(byte[] model) throws OrtException {
        try (OrtSession session = OrtEnvironment.getEnvironment().createSession(model)) {
            assertEquals(1, session.getNumOutputs());
        }
    }

    @Test
    void theBoundsAreTheBundledRuntimes() throws OrtException {
        long ir = OnnxModelFile.MAX_IR_VERSION;
        long opset = OnnxModelFile.MAX_OPSET;
        load(relu(ir, opset));
        OrtException irBeyond = assertThrows(OrtException.class, () -> load(relu(ir + 1, opset)));
        assertTrue(irBeyond.getMessage().contains("max supported IR version: " + ir), irBeyond.getMessage());
        OrtException opsetBeyond = assertThrows(OrtException.class, () -> load(relu(ir, opset + 1)));
        assertTrue(opsetBeyond.getMessage().contains("is till opset " + opset), opsetBeyond.getMessage());
    }

    @Test
    void theBuildIsTheUpgradedOne() {
        assertEquals("1.29.0", OrtBuild.version());
        assertTrue(System.getProperty(OrtNatives.PATH_PROPERTY, "").endsWith(OrtNatives.DIR_NAME),
                "ONNX Runtime loads from the unpacked natives: " + System.getProperty(OrtNatives.PATH_PROPERTY));
    }
}
