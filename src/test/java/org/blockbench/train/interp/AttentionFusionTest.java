package org.blockbench.train.interp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.util.List;
import java.util.function.UnaryOperator;
import org.blockbench.onnx.Attribute;
import org.blockbench.onnx.FloatTensor;
import org.blockbench.zoo.BuiltModel;
import org.blockbench.zoo.Form;
import org.blockbench.zoo.InitMode;
import org.blockbench.zoo.ModelId;
import org.blockbench.zoo.ScaffoldConfig;
import org.blockbench.zoo.build.Zoo;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fused attention step against the unfused nodes it replaces, float32 on one thread: the same
 * logits within {@value #OUTPUT_TOLERANCE} and the same gradients of the q/k/v projection within
 * {@value #GRADIENT_TOLERANCE} of the unfused values' largest magnitude, on SelfAttention at the
 * quick scaffold (1 head, 1024 tokens) and at a 64-channel scaffold (4 heads, 256 tokens); and
 * the chains that must not be fused. Measured when written: logits ≤ 2.5e-7, gradients ≤ 6.1e-6
 * (the bias, a sum over tokens), the small chain ≤ 6.7e-7.
 */
class AttentionFusionTest {

    /** Largest |fused − unfused| allowed in outputs, relative to the unfused values' largest magnitude. */
    private static final double OUTPUT_TOLERANCE = 1e-5;
    /** The same for gradients, which sum over every token and so round more. */
    private static final double GRADIENT_TOLERANCE = 3e-5;

    @BeforeAll
    static void threads() {
        TorchRuntime.setThreads(1);
    }

    @ParameterizedTest(name = "{0} at base {1}")
    @CsvSource({"SelfAttention/early, 16, 1", "SelfAttention/mid, 64, 4"})
    void selfAttentionFusedEqualsUnfusedInLogitsAndGradients(String model, int baseChannels, int heads) {
        ModelId id = ModelId.parse(model);
        BuiltModel built = Zoo.build(id, Form.TRAIN, new ScaffoldConfig(10, 32, 3, InitMode.RANDOMIZED)
                .withSize(baseChannels, 1));
        assertEquals(1, AttentionFusion.find(built.model().getGraph()).size(), "one attention chain");
        assertEquals(heads, attentionHeads(built.model()), "heads");
        FloatTensor x = MiniGraph.random(5, -2f, 2f, 2, 3, 32, 32);
        try (TorchGraph fused = compile(built.model(), true); TorchGraph unfused = compile(built.model(), false)) {
            for (boolean training : new boolean[] {false, true}) {
                try (PointerScope scope = new PointerScope()) {
                    Tensor a = fused.forward(TorchTensors.fromFloatTensor(x, ScalarType.Float), training);
                    Tensor b = unfused.forward(TorchTensors.fromFloatTensor(x, ScalarType.Float), training);
                    assertClose(TorchTensors.floats(b), TorchTensors.floats(a), OUTPUT_TOLERANCE,
                            model + " logits, training " + training);
                    if (training) {
                        a.pow(new Scalar(2.0)).sum().backward();
                        b.pow(new Scalar(2.0)).sum().backward();
                        List<String> projections = fused.parameters().trainableNames().stream()
                                .filter(n -> n.contains("attn.qkv.")).toList();
                        assertEquals(2, projections.size(), "q/k/v projection weight and bias: " + projections);
                        for (String name : projections) {
                            assertClose(TorchTensors.floats(unfused.parameters().tensor(name).grad()),
                                    TorchTensors.floats(fused.parameters().tensor(name).grad()), GRADIENT_TOLERANCE,
                                    model + " gradient of " + name);
                        }
                    }
                }
            }
        }
    }

    @Test
    void smallChainFusedEqualsUnfusedInOutputAndInputGradient() {
        for (long[] dims : new long[][] {{2, 8, 4}, {8, 4}}) { // 4-D input (SDPA), 3-D input (runs unfused)
            ModelProto model = chain(dims, g -> g).build();
            assertEquals(1, AttentionFusion.find(model.getGraph()).size());
            try (TorchGraph fused = compile(model, true); TorchGraph unfused = compile(model, false);
                 PointerScope scope = new PointerScope()) {
                long[] shape = new long[dims.length + 1];
                shape[0] = 3;
                System.arraycopy(dims, 0, shape, 1, dims.length);
                FloatTensor x = MiniGraph.random(7, -2f, 2f, shape);
                Tensor xa = TorchTensors.fromFloatTensor(x, ScalarType.Float).requires_grad_(true);
                Tensor xb = TorchTensors.fromFloatTensor(x, ScalarType.Float).requires_grad_(true);
                Tensor a = fused.forward(xa, true);
                Tensor b = unfused.forward(xb, true);
                assertArrayEquals(TorchTensors.shape(b), TorchTensors.shape(a));
                assertClose(TorchTensors.floats(b), TorchTensors.floats(a), OUTPUT_TOLERANCE, "output");
                a.pow(new Scalar(2.0)).sum().backward();
                b.pow(new Scalar(2.0)).sum().backward();
                assertClose(TorchTensors.floats(xb.grad()), TorchTensors.floats(xa.grad()), GRADIENT_TOLERANCE, "input gradient");
            }
        }
    }

    @Test
    void scoresThatAreAGraphOutputAreNotFused() {
        ModelProto model = chain(new long[] {2, 8, 4}, g -> g.output("scores")).build();
        assertEquals(0, AttentionFusion.find(model.getGraph()).size());
        try (TorchGraph g = compile(model, true); PointerScope scope = new PointerScope()) {
            g.forward(TorchTensors.fromFloatTensor(MiniGraph.random(1, -1f, 1f, 3, 2, 8, 4), ScalarType.Float), false);
        }
    }

    @Test
    void scoresUsedTwiceAreNotFused() {
        ModelProto model = chain(new long[] {2, 8, 4}, g -> g.node("Identity", List.of("scores"), "copy")
                .output("copy")).build();
        assertEquals(0, AttentionFusion.find(model.getGraph()).size());
    }

    @Test
    void weightsUsedTwiceOrScaledScoresReadTwiceAreNotFused() {
        assertEquals(0, AttentionFusion.find(chain(new long[] {2, 8, 4}, g -> g.output("weights")).build().getGraph()).size());
        assertEquals(0, AttentionFusion.find(chain(new long[] {2, 8, 4}, g -> g.node("Add", List.of("scaled", "scaled"),
                "twice").output("twice")).build().getGraph()).size());
    }

    @Test
    void aTrainedScaleOrAnotherSoftmaxAxisIsNotFused() {
        ModelProto trainedScale = new MiniGraph().input("x", 2, 8, 4).scalar("s", 0.5f)
                .node("Transpose", List.of("x"), "kT", Attribute.ints("perm", 0, 1, 3, 2))
                .node("MatMul", List.of("x", "kT"), "scores").node("Mul", List.of("scores", "s"), "scaled")
                .node("Softmax", List.of("scaled"), "weights", Attribute.integer("axis", -1))
                .node("MatMul", List.of("weights", "x"), "y").output("y").build();
        assertEquals(0, AttentionFusion.find(trainedScale.getGraph()).size());
        ModelProto otherAxis = new MiniGraph().input("x", 2, 8, 8)
                .node("Constant", List.of(), "s", Attribute.real("value_float", 0.5f))
                .node("MatMul", List.of("x", "x"), "scores").node("Mul", List.of("s", "scores"), "scaled")
                .node("Softmax", List.of("scaled"), "weights", Attribute.integer("axis", 2))
                .node("MatMul", List.of("weights", "x"), "y").output("y").build();
        assertEquals(0, AttentionFusion.find(otherAxis.getGraph()).size());
    }

    @Test
    void fusedStepNamesItsNodesInErrors() {
        ModelProto model = chain(new long[] {2, 8, 4}, g -> g).build();
        AttentionFusion fusion = AttentionFusion.find(model.getGraph());
        String description = fusion.endingAt(model.getGraph().getNodeCount() - 1).description();
        assertTrue(description.contains("(MatMul)") && description.contains("(Softmax)"), description);
        assertFalse(fusion.absorbs(1), "the Transpose runs alone");
        assertTrue(fusion.absorbs(2) && fusion.absorbs(3) && fusion.absorbs(4), "MatMul, Mul and Softmax run fused");
    }

    /**
     * x → Transpose(kT) → MatMul(x, kT) "scores" → Mul by Constant 0.5 "scaled" → Softmax "weights" →
     * MatMul(weights, x) "y", with q = k = v = x of shape [N, dims…]; {@code extra} adds readers or outputs.
     */
    private static MiniGraph chain(long[] dims, UnaryOperator<MiniGraph> extra) {
        long[] perm = new long[dims.length + 1];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = i;
        }
        perm[perm.length - 1] = perm.length - 2;
        perm[perm.length - 2] = perm.length - 1;
        MiniGraph g = new MiniGraph().input("x", dims)
                .node("Constant", List.of(), "s", Attribute.tensor("value", MiniGraph.floatProto(
                        new FloatTensor(new long[0], new float[] {0.5f}))))
                .node("Transpose", List.of("x"), "kT", Attribute.ints("perm", perm))
                .node("MatMul", List.of("x", "kT"), "scores").node("Mul", List.of("scores", "s"), "scaled")
                .node("Softmax", List.of("scaled"), "weights", Attribute.integer("axis", -1))
                .node("MatMul", List.of("weights", "x"), "y").output("y");
        return extra.apply(g);
    }

    private static TorchGraph compile(ModelProto model, boolean fuse) {
        return TorchGraph.compile(model, "attention", Precision.FLOAT32, MemoryLayout.NCHW, TrainingDevice.CPU, fuse);
    }

    /** The heads of the model's attention: the leading dimension of the q/k/v reshape, [0, tokens, 3, heads, headDim]. */
    private static long attentionHeads(ModelProto model) {
        return model.getGraph().getNodeList().stream().filter(n -> n.getOpType().equals("Constant"))
                .map(n -> n.getAttribute(0).getT()).filter(t -> t.getInt64DataCount() == 5 && t.getInt64Data(2) == 3)
                .mapToLong(t -> t.getInt64Data(3)).findFirst().orElseThrow();
    }

    private static void assertClose(float[] expected, float[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + ": size");
        double scale = 0;
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(scale > 0, what + ": all zero");
        assertTrue(worst <= tolerance * scale, what + ": largest difference " + worst + " against largest magnitude " + scale);
    }
}
