package org.blockbench.train.interp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.blockbench.onnx.FloatTensor;
import org.blockbench.onnx.OrtEval;
import org.blockbench.zoo.BuiltModel;
import org.blockbench.zoo.Form;
import org.blockbench.zoo.InitMode;
import org.blockbench.zoo.ModelId;
import org.blockbench.zoo.Position;
import org.blockbench.zoo.ScaffoldConfig;
import org.blockbench.zoo.build.Zoo;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Zoo models in train form: every operator of every model (14 blocks × 3 positions, GWO
 * networks) is supported; and for each block at its late position and each GWO network, the
 * interpreter compiles it, its eval-mode logits equal ONNX Runtime's, its trainable element
 * count equals the zoo's, and one training-mode backward pass reaches every parameter.
 * Randomised initialisation makes BN statistics and layer scales non-trivial; a 16×16 input
 * keeps it quick.
 */
class ZooCoverageTest {

    @BeforeAll
    static void threads() {
        TorchRuntime.setThreads(1);
    }

    /** Late position (SE and HardSwish variants live there) and the GWO networks: every block once. */
    static Stream<ModelId> models() {
        return Zoo.allModels().stream().filter(id -> id.isGwoNetwork() || id.position().equals(Position.LATE.id()));
    }

    @Test
    void everyZooTrainGraphUsesOnlySupportedOperators() {
        TreeSet<String> used = new TreeSet<>();
        ScaffoldConfig config = new ScaffoldConfig(10, 8, 0, InitMode.PYTORCH);
        for (ModelId id : Zoo.allModels()) {
            Zoo.build(id, Form.TRAIN, id.isGwoNetwork() ? new ScaffoldConfig(10, 32, 0, InitMode.PYTORCH) : config).model().getGraph()
                    .getNodeList().forEach(n -> used.add(n.getOpType()));
        }
        used.removeAll(TorchGraph.supportedOps());
        assertEquals(new TreeSet<>(), used, "zoo operators the interpreter lacks");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void trainFormRunsLikeOnnxRuntimeAndTrainsEveryParameter(ModelId id) {
        int size = id.isGwoNetwork() ? 32 : 16;
        ScaffoldConfig config = new ScaffoldConfig(10, size, 3, InitMode.RANDOMIZED);
        BuiltModel built = Zoo.build(id, Form.TRAIN, config);
        FloatTensor x = MiniGraph.random(5, -2f, 2f, 2, 3, size, size);
        FloatTensor expected;
        expected = OrtEval.run(built.model(), x);
        try (TorchGraph g = TorchGraph.compile(built.model(), id.toString(), Precision.FLOAT32, MemoryLayout.NCHW)) {
            assertEquals(built.trainableParams(), g.parameters().trainableElements(), id + ": trainable elements");
            assertEquals(built.bufferElements(), g.parameters().bufferElements(), id + ": buffer elements");
            try (PointerScope scope = new PointerScope()) {
                FloatTensor actual = TorchTensors.toFloatTensor(g.forward(TorchTensors.fromFloatTensor(x, ScalarType.Float), false));
                assertArrayEquals(expected.shape(), actual.shape());
                float scale = 0;
                for (float v : expected.data()) {
                    scale = Math.max(scale, Math.abs(v));
                }
                for (int i = 0; i < expected.size(); i++) {
                    assertTrue(Math.abs(expected.data()[i] - actual.data()[i]) <= 1e-3f * Math.max(1f, scale),
                            id + ": logit " + i + " ORT " + expected.data()[i] + " torch " + actual.data()[i]);
                }
            }
            try (PointerScope scope = new PointerScope()) {
                Tensor logits = g.forward(TorchTensors.fromFloatTensor(x, ScalarType.Float), true);
                logits.pow(new org.bytedeco.pytorch.Scalar(2.0)).sum().backward();
                List<String> noGradient = new ArrayList<>();
                for (String name : g.parameters().trainableNames()) {
                    Tensor grad = g.parameters().tensor(name).grad();
                    if (!grad.defined()) {
                        noGradient.add(name);
                    }
                }
                assertEquals(List.of(), noGradient, id + ": parameters the backward pass does not reach");
            }
        }
    }
}
