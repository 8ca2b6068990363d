package org.blockbench.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxModelFileTest {

    @TempDir
    Path dir;

    /** y = relu(x · W + b) on [batch, 4] → [batch, 3]. */
    private static ModelProto tinyModel() {
        GraphBuilder g = new GraphBuilder();
        Value x = g.input("x", "batch", 4);
        Value w = g.parameter("w", new FloatTensor(new long[] {3, 4}, new float[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, -1}));
        Value b = g.parameter("b", new FloatTensor(new long[] {3}, new float[] {0.5f, -10f, 0}));
        Value y = g.op(OnnxOp.RELU, List.of(g.op(OnnxOp.GEMM, List.of(x, w, b), Attribute.integer("transB", 1))));
        g.output(y, "batch", 3);
        return g.build("tiny", "test", Map.of("k", "v"));
    }

    @Test
    void roundTripsAndRunsInOnnxRuntime() {
        Path file = dir.resolve("tiny.onnx");
        OnnxModelFile.write(file, tinyModel());
        ModelProto read = OnnxModelFile.read(file);
        assertEquals(GraphBuilder.OPSET, read.getOpsetImport(0).getVersion());
        assertEquals(GraphBuilder.IR_VERSION, read.getIrVersion());
        float[] out = OrtEval.run(read, "x", new float[] {1, 2, 3, 4}, 1, 4);
        // relu([1 + 0.5, 2 − 10, 3 − 4]) = [1.5, 0, 0]
        assertArrayEquals(new float[] {1.5f, 0f, 0f}, out, 1e-6f);
    }

    @Test
    void rejectsEveryTruncationNamingTheFile() throws Exception {
        byte[] bytes = tinyModel().toByteArray();
        Path file = dir.resolve("cut.onnx");
        for (int cut = 0; cut < bytes.length; cut++) {
            Files.write(file, Arrays.copyOf(bytes, cut));
            OnnxModelException e = assertThrows(OnnxModelException.class, () -> OnnxModelFile.read(file),
                    "truncated at " + cut + " of " + bytes.length + " bytes was accepted");
            assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
        }
    }

    @Test
    void rejectsGarbageAndMissingFiles() throws Exception {
        Path garbage = dir.resolve("garbage.onnx");
        Files.writeString(garbage, "this is not a protobuf \u0000\u00ff\u00fe");
        OnnxModelException e = assertThrows(OnnxModelException.class, () -> OnnxModelFile.read(garbage));
        assertTrue(e.getMessage().contains("garbage.onnx"), e.getMessage());
        OnnxModelException missing = assertThrows(OnnxModelException.class, () -> OnnxModelFile.read(dir.resolve("none.onnx")));
        assertTrue(missing.getMessage().endsWith("none.onnx: no such file"), missing.getMessage());
    }

    @Test
    void builderRejectsForeignValuesUnknownAttributesAndDuplicateNames() {
        GraphBuilder a = new GraphBuilder();
        GraphBuilder b = new GraphBuilder();
        Value x = a.input("x", "batch", 4);
        assertThrows(IllegalArgumentException.class, () -> b.op(OnnxOp.RELU, List.of(x)));
        assertThrows(IllegalArgumentException.class, () -> a.op(OnnxOp.RELU, List.of(x), Attribute.integer("axis", 1)));
        assertThrows(IllegalArgumentException.class, () -> a.op(OnnxOp.ADD, List.of(x)));
        a.parameter("w", FloatTensor.filled(1f, 2));
        assertThrows(IllegalArgumentException.class, () -> a.parameter("w", FloatTensor.filled(1f, 2)));
    }

    @Test
    void scopesNameParametersLikeAStateDict() {
        GraphBuilder g = new GraphBuilder();
        try (var s = g.scope("stageA"); var t = g.scope("0")) {
            assertEquals("stageA.0.conv.weight", g.parameter("conv.weight", FloatTensor.filled(0f, 1)).name());
        }
        assertEquals("", g.scopePath());
    }
}
