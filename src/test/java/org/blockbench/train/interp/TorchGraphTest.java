package org.blockbench.train.interp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.blockbench.onnx.Attribute;
import org.blockbench.onnx.FloatTensor;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Graph-level behaviour: initializer roles, BN running statistics, failures before training. */
class TorchGraphTest {

    @BeforeAll
    static void threads() {
        TorchRuntime.setThreads(1);
    }

    @Test
    void batchNormTrainingUpdatesRunningStatisticsWithOnnxMomentum() {
        // x: 4 samples, 2 channels, 1x1; channel 0 = 1,2,3,4 (mean 2.5, unbiased var 5/3), channel 1 = 0,0,0,8
        float[] x = {1, 0, 2, 0, 3, 0, 4, 8};
        var model = new MiniGraph().input("x", 2, 1, 1)
                .param("s", FloatTensor.filled(1f, 2)).param("b", FloatTensor.filled(0f, 2))
                .param("m", new FloatTensor(new long[] {2}, new float[] {10f, -1f}))
                .param("v", new FloatTensor(new long[] {2}, new float[] {1f, 2f}))
                .node("BatchNormalization", List.of("x", "s", "b", "m", "v"), "y", Attribute.real("momentum", 0.8f))
                .output("y").build();
        try (TorchGraph g = TorchGraph.compile(model, "bn", Precision.FLOAT64, MemoryLayout.NCHW);
             PointerScope scope = new PointerScope()) {
            assertEquals(List.of("s", "b"), g.parameters().trainableNames());
            assertEquals(List.of("m", "v"), g.parameters().bufferNames());
            Tensor input = TorchTensors.fromFloatTensor(new FloatTensor(new long[] {4, 2, 1, 1}, x), ScalarType.Double);
            g.forward(input, false);
            assertArrayEquals(new double[] {10, -1}, TorchTensors.doubles(g.parameters().tensor("m")), 0, "eval changed stats");
            double[] y = TorchTensors.doubles(g.forward(input, true));
            // ONNX momentum m = 0.8 (as float32): running = m * running + (1 - m) * batch (PyTorch momentum 1 - m)
            double m = 0.8f;
            assertArrayEquals(new double[] {m * 10 + (1 - m) * 2.5, m * -1 + (1 - m) * 2},
                    TorchTensors.doubles(g.parameters().tensor("m")), 1e-12);
            assertArrayEquals(new double[] {m * 1 + (1 - m) * (5.0 / 3), m * 2 + (1 - m) * 16},
                    TorchTensors.doubles(g.parameters().tensor("v")), 1e-12);
            // training mode normalises with the batch's biased variance: (1 - 2.5) / sqrt(1.25 + 1e-5)
            assertEquals(-1.5 / Math.sqrt(1.25 + 1e-5), y[0], 1e-9);
        }
    }

    @Test
    void initializersAtShapeAndBoundPositionsAreNotTrained() {
        var model = new MiniGraph().input("x", 3, 2, 2)
                .scalar("lo", 0f).scalar("hi", 6f).ints("shape", 0, -1)
                .param("w", FloatTensor.filled(0.5f, 12, 4))
                .node("Clip", List.of("x", "lo", "hi"), "c").node("Reshape", List.of("c", "shape"), "r")
                .node("MatMul", List.of("r", "w"), "y").output("y").build();
        try (TorchGraph g = TorchGraph.compile(model, "roles", Precision.FLOAT32, MemoryLayout.NCHW)) {
            assertEquals(List.of("w"), g.parameters().trainableNames());
            assertEquals(48, g.parameters().trainableElements());
            assertEquals(List.of(), g.parameters().bufferNames());
        }
    }

    @Test
    void unsupportedOperatorsAreAllNamedBeforeAnythingIsBuilt() {
        var model = new MiniGraph().input("x", 3, 4, 4)
                .node("Celu", List.of("x"), "a").node("Resize", List.of("a"), "b").node("Celu", List.of("b"), "y")
                .output("y").build();
        ModelNotTrainableException e = assertThrows(ModelNotTrainableException.class,
                () -> TorchGraph.compile(model, "odd.onnx", Precision.FLOAT32, MemoryLayout.NCHW));
        assertTrue(e.getMessage().startsWith("odd.onnx: the trainer does not support operators Celu (2 nodes, first 'Celu_0'),"
                + " Resize (1 node, first 'Resize_1'); supported: [Add, AveragePool, "), e.getMessage());
    }

    @Test
    void unsupportedAttributeValueAndUsedExtraOutputFailAtCompile() {
        var grid = new MiniGraph().input("x", 3, 4, 4).param("g", FloatTensor.filled(0f, 1, 2, 2, 2))
                .node("GridSample", List.of("x", "g"), "y", Attribute.string("mode", "cubic")).output("y").build();
        ModelNotTrainableException e = assertThrows(ModelNotTrainableException.class,
                () -> TorchGraph.compile(grid, "g", Precision.FLOAT32, MemoryLayout.NCHW));
        assertEquals("node 'GridSample_0' (GridSample): mode='cubic' is not supported, expected one of"
                + " [bicubic, bilinear, nearest]", e.getMessage());

        var pool = new MiniGraph().input("x", 3, 4, 4)
                .node("MaxPool", List.of("x"), List.of("y", "idx"), Attribute.ints("kernel_shape", 2, 2))
                .node("Add", List.of("y", "idx"), "z").output("z").build();
        e = assertThrows(ModelNotTrainableException.class, () -> TorchGraph.compile(pool, "p", Precision.FLOAT32, MemoryLayout.NCHW));
        assertTrue(e.getMessage().contains("the Indices output is not supported"), e.getMessage());
    }

    @Test
    void moreThanOneDataInputIsRejected() {
        var model = new MiniGraph().input("x", 3).input("z", 3).node("Add", List.of("x", "z"), "y").output("y").build();
        ModelNotTrainableException e = assertThrows(ModelNotTrainableException.class,
                () -> TorchGraph.compile(model, "two", Precision.FLOAT32, MemoryLayout.NCHW));
        assertEquals("two: the trainer needs exactly one graph input (the image batch), found 2 [x, z]", e.getMessage());
    }

    @Test
    void closedGraphRefusesUse() {
        var model = new MiniGraph().input("x", 3).node("Relu", List.of("x"), "y").output("y").build();
        TorchGraph g = TorchGraph.compile(model, "r", Precision.FLOAT32, MemoryLayout.NCHW);
        g.close();
        g.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, g::parameters);
        assertTrue(e.getMessage().contains("TorchGraph"), e.getMessage());
    }
}
