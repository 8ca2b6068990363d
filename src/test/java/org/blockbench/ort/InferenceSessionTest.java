package org.blockbench.ort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.blockbench.bench.TinyModels;
import org.blockbench.onnx.OnnxModelFile;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InferenceSessionTest {

    private static final SessionSettings CPU = new SessionSettings(Provider.CPU, 1, OptimizationLevel.ALL);

    @TempDir
    Path dir;

    /** The pinned output equals an independent Java evaluation of the same conv net on the same seeded input. */
    @Test
    void pinnedOutputMatchesAJavaReferenceOnTheSeededInput() {
        Path model = TinyModels.convNet(dir.resolve("net.onnx"), 5, 3, 42);
        int batch = 2;
        try (InferenceSession session = InferenceSession.open(model, CPU, batch)) {
            assertTrue(session.outputsPinned());
            assertEquals(new ImageInput("input", new long[] {2, 3, 5, 5}), session.input());
            try (OrtSession.Result result = session.run()) {
                assertEquals(1, result.size());
            }
            OnnxTensor logits = session.pinnedOutputs().get("logits");
            assertArrayEquals(new long[] {2, 2}, logits.getInfo().getShape());
            float[] actual = new float[4];
            logits.getFloatBuffer().get(actual);
            float[] expected = reference(model, SeededInput.directStandardNormal(SeededInput.SEED, 2 * 3 * 5 * 5), batch, 5, 3);
            assertArrayEquals(expected, actual, 1e-5f);
        }
    }

    /**
     * A benchmark session is opened on the validated bytes, not the path: a model-local function
     * whose Constant reads external data beside the model (which ONNX Runtime, given the path,
     * would open and feed to the graph) is refused before ONNX Runtime sees it.
     */
    @Test
    void openRefusesExternalDataInAFunctionBeforeOnnxRuntimeSeesIt() throws Exception {
        Files.write(dir.resolve("w.bin"), new byte[12]);
        ai.onnx.proto.OnnxMl.TypeProto type = ai.onnx.proto.OnnxMl.TypeProto.newBuilder().setTensorType(
                ai.onnx.proto.OnnxMl.TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE)
                        .setShape(ai.onnx.proto.OnnxMl.TensorShapeProto.newBuilder().addDim(
                                ai.onnx.proto.OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(3)))).build();
        TensorProto external = TensorProto.newBuilder().setDataType(TensorProto.DataType.FLOAT_VALUE).addDims(3)
                .setDataLocation(TensorProto.DataLocation.EXTERNAL).addExternalData(
                        ai.onnx.proto.OnnxMl.StringStringEntryProto.newBuilder().setKey("location").setValue("w.bin")).build();
        ai.onnx.proto.OnnxMl.FunctionProto f = ai.onnx.proto.OnnxMl.FunctionProto.newBuilder().setName("F").setDomain("local")
                .addInput("fx").addOutput("fy")
                .addOpsetImport(ai.onnx.proto.OnnxMl.OperatorSetIdProto.newBuilder().setVersion(17))
                .addNode(ai.onnx.proto.OnnxMl.NodeProto.newBuilder().setName("c").setOpType("Constant").addOutput("c")
                        .addAttribute(ai.onnx.proto.OnnxMl.AttributeProto.newBuilder().setName("value")
                                .setType(ai.onnx.proto.OnnxMl.AttributeProto.AttributeType.TENSOR).setT(external)))
                .addNode(ai.onnx.proto.OnnxMl.NodeProto.newBuilder().setName("add").setOpType("Add").addInput("fx")
                        .addInput("c").addOutput("fy")).build();
        ai.onnx.proto.OnnxMl.ModelProto model = ai.onnx.proto.OnnxMl.ModelProto.newBuilder().setIrVersion(8)
                .addOpsetImport(ai.onnx.proto.OnnxMl.OperatorSetIdProto.newBuilder().setVersion(17))
                .addOpsetImport(ai.onnx.proto.OnnxMl.OperatorSetIdProto.newBuilder().setDomain("local").setVersion(1))
                .addFunctions(f)
                .setGraph(ai.onnx.proto.OnnxMl.GraphProto.newBuilder().setName("g")
                        .addInput(ai.onnx.proto.OnnxMl.ValueInfoProto.newBuilder().setName("x").setType(type))
                        .addOutput(ai.onnx.proto.OnnxMl.ValueInfoProto.newBuilder().setName("y").setType(type))
                        .addNode(ai.onnx.proto.OnnxMl.NodeProto.newBuilder().setName("call").setOpType("F").setDomain("local")
                                .addInput("x").addOutput("y")))
                .build();
        Path file = Files.write(dir.resolve("fn.onnx"), model.toByteArray());
        org.blockbench.onnx.OnnxModelException e = assertThrows(org.blockbench.onnx.OnnxModelException.class,
                () -> InferenceSession.open(file, CPU, 1));
        assertEquals(file + ": function 'local:F' node 'c' (Constant) attribute 'value' uses external data at 'w.bin';"
                + " BlockBench reads weights only from the model file itself, re-save the model with its data inside"
                + " (onnx.save_model(..., save_as_external_data=False))", e.getMessage());
    }

    /** Conv 3x3 pad 1 → ReLU → global average → Gemm(transB), straight from the initializers. */
    private static float[] reference(Path model, FloatBuffer input, int batch, int side, int channels) {
        Map<String, float[]> w = new HashMap<>();
        for (TensorProto t : OnnxModelFile.read(model).getGraph().getInitializerList()) {
            FloatBuffer fb = ByteBuffer.wrap(t.getRawData().toByteArray()).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            float[] values = new float[fb.remaining()];
            fb.get(values);
            w.put(t.getName(), values);
        }
        float[] x = new float[input.remaining()];
        input.get(x);
        float[] conv = w.get("conv.weight");
        float[] out = new float[batch * 2];
        for (int n = 0; n < batch; n++) {
            double[] pooled = new double[channels];
            for (int co = 0; co < channels; co++) {
                for (int i = 0; i < side; i++) {
                    for (int j = 0; j < side; j++) {
                        double acc = 0;
                        for (int ci = 0; ci < 3; ci++) {
                            for (int ki = 0; ki < 3; ki++) {
                                for (int kj = 0; kj < 3; kj++) {
                                    int ii = i + ki - 1;
                                    int jj = j + kj - 1;
                                    if (ii >= 0 && ii < side && jj >= 0 && jj < side) {
                                        acc += conv[((co * 3 + ci) * 3 + ki) * 3 + kj] * x[((n * 3 + ci) * side + ii) * side + jj];
                                    }
                                }
                            }
                        }
                        pooled[co] += Math.max(0, acc);
                    }
                }
                pooled[co] /= side * side;
            }
            for (int k = 0; k < 2; k++) {
                double acc = w.get("fc.bias")[k];
                for (int c = 0; c < channels; c++) {
                    acc += w.get("fc.weight")[k * channels + c] * pooled[c];
                }
                out[n * 2 + k] = (float) acc;
            }
        }
        return out;
    }

    @Test
    void theSeededInputIsTheSameEveryTime() {
        FloatBuffer a = SeededInput.directStandardNormal(SeededInput.SEED, 64);
        FloatBuffer b = SeededInput.directStandardNormal(SeededInput.SEED, 64);
        assertEquals(a, b);
        assertTrue(a.isDirect());
    }

    @Test
    void aVectorInputIsRejectedSayingWhatTheModelDeclares() {
        Path model = TinyModels.vectorNet(dir.resolve("vector.onnx"));
        OrtCallException e = assertThrows(OrtCallException.class, () -> InferenceSession.open(model, CPU, 1));
        assertEquals(model + ": input 'features' is float [batch, 16], expected a float32 image tensor [N, C, H, W]",
                e.getMessage());
    }

    @Test
    void aCorruptFileFailsNamingTheFile() throws Exception {
        Path model = Files.write(dir.resolve("corrupt.onnx"), new byte[] {1, 2, 3, 4, 5});
        // refused by the validation of the bytes ONNX Runtime would be given, before it sees them
        org.blockbench.onnx.OnnxModelException e = assertThrows(org.blockbench.onnx.OnnxModelException.class,
                () -> InferenceSession.open(model, CPU, 1));
        assertTrue(e.getMessage().startsWith(model + ": not a valid ONNX model (protobuf: "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void onlyTheBytesTheSweepValidatedSkipValidation() throws Exception {
        Path valid = TinyModels.convNet(dir.resolve("net.onnx"), 5, 3, 42);
        Path model = Files.write(dir.resolve("corrupt.onnx"), new byte[] {1, 2, 3, 4, 5});
        // another file's hash: these bytes are validated, and refused before ONNX Runtime sees them
        Optional<String> other = Optional.of(OnnxModelFile.sha256(valid));
        assertThrows(org.blockbench.onnx.OnnxModelException.class,
                () -> InferenceSession.open(model, CPU, 1, ModelOrigin.USER, other));
        // their own hash: not validated again, so ONNX Runtime's parser is what refuses them
        Optional<String> own = Optional.of(OnnxModelFile.sha256(model));
        OrtCallException e = assertThrows(OrtCallException.class, () -> InferenceSession.open(model, CPU, 1, ModelOrigin.USER, own));
        assertTrue(e.getMessage().startsWith(model.toString()), e.getMessage());
        try (InferenceSession session = InferenceSession.open(valid, CPU, 1, ModelOrigin.USER,
                Optional.of(OnnxModelFile.sha256(valid)))) {
            assertTrue(session.outputsPinned());
        }
    }

    @Test
    void aMissingFileFailsNamingTheFile() {
        Path model = dir.resolve("absent.onnx");
        OrtCallException e = assertThrows(OrtCallException.class, () -> InferenceSession.open(model, CPU, 1));
        assertEquals(model + ": no such model file", e.getMessage());
    }

    @Test
    void closingTwiceIsHarmlessAndRunningAfterCloseSaysWhatIsClosed() {
        Path model = TinyModels.convNet(dir.resolve("net.onnx"), 4, 2, 1);
        InferenceSession session = InferenceSession.open(model, CPU, 1);
        session.close();
        session.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, session::run);
        assertTrue(e.getMessage().startsWith("InferenceSession is closed"), e.getMessage());
    }

    @Test
    void cudaOnTheCpuBuildFailsInOneLineNamingTheBuild() {
        org.junit.jupiter.api.Assumptions.assumeFalse(ai.onnxruntime.OrtEnvironment.getAvailableProviders()
                .contains(ai.onnxruntime.OrtProvider.CUDA), "this ONNX Runtime build has CUDA");
        Path model = TinyModels.convNet(dir.resolve("net.onnx"), 4, 2, 1);
        OrtCallException e = assertThrows(OrtCallException.class,
                () -> InferenceSession.open(model, new SessionSettings(Provider.CUDA, 1, OptimizationLevel.ALL), 1));
        assertTrue(e.getMessage().startsWith("provider cuda requested, but this ONNX Runtime build (onnxruntime-"), e.getMessage());
        assertTrue(e.getMessage().contains("mvn -Pcuda"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aFixedBatchIsFedOnlyAtThatSize() {
        Path model = TinyModels.convNet(dir.resolve("net.onnx"), 4, 2, 1);
        var proto = OnnxModelFile.read(model).toBuilder();
        proto.getGraphBuilder().getInputBuilder(0).getTypeBuilder().getTensorTypeBuilder().getShapeBuilder()
                .getDimBuilder(0).setDimValue(4);
        Path fixed = dir.resolve("fixed.onnx");
        OnnxModelFile.write(fixed, proto.build());
        OrtCallException e = assertThrows(OrtCallException.class, () -> InferenceSession.open(fixed, CPU, 1));
        assertEquals(fixed + ": input 'input' has a fixed batch of 4, so batch 1 cannot be fed; valid batch: [4]", e.getMessage());
        try (InferenceSession session = InferenceSession.open(fixed, CPU, 4)) {
            assertArrayEquals(new long[] {4, 3, 4, 4}, session.input().shape());
        }
    }

    @Test
    void aModelWithoutInputsIsNotAnImageModel() {
        OrtCallException e = assertThrows(OrtCallException.class, () -> ImageInput.of("m.onnx", Map.of(), 1));
        assertEquals("m.onnx: expected one image input [N, C, H, W], found 0 inputs []", e.getMessage());
    }

    /** Evaluation mode: the same owner type loads bytes, evaluates given batches, and equals the benchmark mode's pinned output. */
    @Test
    void evaluationOnGivenInputsMatchesTheBenchmarkModeAndOwnsItsHandles() throws Exception {
        Path model = TinyModels.convNet(dir.resolve("net.onnx"), 5, 3, 42);
        float[] pinned = new float[4];
        try (InferenceSession bench = InferenceSession.open(model, CPU, 2)) {
            bench.run().close();
            bench.pinnedOutputs().get("logits").getFloatBuffer().get(pinned);
        }
        InferenceSession eval = InferenceSession.load("net", Files.readAllBytes(model), ModelOrigin.USER, CPU);
        Map<String, HostTensor> out = eval.evaluate(Map.of("input", HostTensor.floats(new long[] {2, 3, 5, 5},
                SeededInput.standardNormal(SeededInput.SEED, 2 * 3 * 5 * 5))));
        assertArrayEquals(pinned, out.get("logits").data(), 0f);
        IllegalStateException noInput = assertThrows(IllegalStateException.class, eval::run);
        assertTrue(noInput.getMessage().startsWith("InferenceSession for net was loaded for evaluation"), noInput.getMessage());
        eval.close();
        eval.close(); // a second close is harmless
        IllegalStateException closed = assertThrows(IllegalStateException.class, () -> eval.evaluate(Map.of()));
        assertEquals("InferenceSession is closed (net)", closed.getMessage());
    }

    /** Session creation waits at most the settings' limit; the caller gets one line naming the model. */
    @Test
    void sessionCreationPastItsTimeLimitFailsInOneLine() throws Exception {
        Path model = TinyModels.convNet(dir.resolve("net.onnx"), 5, 3, 42);
        byte[] bytes = Files.readAllBytes(model);
        OrtCallException e = assertThrows(OrtCallException.class, () -> InferenceSession.load("net.onnx", bytes,
                ModelOrigin.USER, CPU.withTimeLimit(java.time.Duration.ofNanos(1))));
        assertTrue(e.getMessage().startsWith("net.onnx: creating the session: ONNX Runtime timed out after 0"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    /** Whom a failure blames: the user's file is bad input, a graph BlockBench built is a defect (exit 2 vs 70). */
    @Test
    void aRejectedGraphBlamesWhoeverBuiltIt() {
        byte[] junk = {8, 1, 18, 3, 'a', 'b'};
        OrtCallException user = assertThrows(OrtCallException.class,
                () -> InferenceSession.load("user.onnx", junk, ModelOrigin.USER, CPU));
        OrtCallException ours = assertThrows(OrtCallException.class,
                () -> InferenceSession.load("zoo/Block", junk, ModelOrigin.BLOCKBENCH, CPU));
        assertEquals(ModelOrigin.USER, user.origin());
        assertEquals(ModelOrigin.BLOCKBENCH, ours.origin());
        org.blockbench.cli.ExitCodes codes = new org.blockbench.cli.ExitCodes();
        assertEquals(org.blockbench.cli.ExitCodes.BAD_INPUT, codes.getExitCode(user));
        assertEquals(org.blockbench.cli.ExitCodes.INTERNAL_ERROR, codes.getExitCode(ours));
        assertTrue(ours.getMessage().startsWith("zoo/Block: ONNX Runtime cannot load the model: "), ours.getMessage());
    }

    /** The one generator: same seed, same values; a buffer and an array agree. */
    @Test
    void seededInputIsOneGenerator() {
        float[] a = SeededInput.standardNormal(SeededInput.SEED, 64);
        float[] b = new float[64];
        SeededInput.directStandardNormal(SeededInput.SEED, 64).get(b);
        assertArrayEquals(a, b, 0f);
        assertEquals(new java.util.SplittableRandom(SeededInput.SEED).nextGaussian(), a[0], 1e-6);
    }
}
