package org.blockbench.train.interp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.blockbench.onnx.FloatTensor;
import org.blockbench.onnx.OrtEval;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every supported operator, two ways: (1) its eval-mode forward pass equals ONNX Runtime's
 * on the same graph (the mapping to torch ops is right), and (2) its gradients, in training
 * and in eval mode, equal central finite differences in float64 (autograd flows through
 * every input and parameter).
 */
class OperatorTest {

    /** Finite-difference step, float64. */
    private static final double EPS = 1e-6;
    /** Coordinates checked per tensor (spread by a seeded generator). */
    private static final int COORDINATES = 12;

    @BeforeAll
    static void singleThread() {
        TorchRuntime.setThreads(1);
    }

    static Stream<OpCase> cases() {
        return OpCase.all().stream();
    }

    @Test
    void everySupportedOperatorHasACase() {
        TreeSet<String> covered = new TreeSet<>();
        OpCase.all().forEach(c -> c.model().getGraph().getNodeList().forEach(n -> covered.add(n.getOpType())));
        assertEquals(TorchGraph.supportedOps(), covered, "operators without a forward/gradient case");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void forwardMatchesOnnxRuntime(OpCase c) {
        FloatTensor x = MiniGraph.random(100, -2f, 2f, c.inputShape());
        FloatTensor expected;
        expected = OrtEval.run(c.model(), x);
        for (MemoryLayout layout : MemoryLayout.values()) {
            try (TorchGraph g = TorchGraph.compile(c.model(), c.name(), Precision.FLOAT32, layout);
                 PointerScope scope = new PointerScope()) {
                Tensor input = TorchTensors.fromFloatTensor(x, ScalarType.Float);
                if (layout == MemoryLayout.CHANNELS_LAST) {
                    input = input.contiguous(layout.format());
                }
                FloatTensor actual = TorchTensors.toFloatTensor(g.forward(input, false));
                assertArrayEquals(expected.shape(), actual.shape(), c.name() + " " + layout + ": output shape");
                for (int i = 0; i < expected.size(); i++) {
                    float e = expected.data()[i];
                    float a = actual.data()[i];
                    assertTrue(Math.abs(e - a) <= 2e-5f * (1 + Math.abs(e)),
                            c.name() + " " + layout + ": element " + i + " ORT " + e + " torch " + a);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientsMatchFiniteDifferences(OpCase c) {
        boolean dropout = c.model().getGraph().getNodeList().stream().anyMatch(n -> n.getOpType().equals("Dropout"));
        for (boolean training : dropout ? new boolean[] {false} : new boolean[] {false, true}) {
            checkGradients(c, training);
        }
    }

    private static void checkGradients(OpCase c, boolean training) {
        String label = c.name() + (training ? " [train]" : " [eval]");
        try (TorchGraph g = TorchGraph.compile(c.model(), c.name(), Precision.FLOAT64, MemoryLayout.NCHW);
             PointerScope scope = new PointerScope()) {
            FloatTensor x0 = MiniGraph.random(200, -2f, 2f, c.inputShape());
            Tensor x = TorchTensors.fromFloatTensor(x0, ScalarType.Double);
            x.requires_grad_(true);
            Tensor y = g.forward(x, training);
            long[] outShape = TorchTensors.shape(y);
            Tensor r = TorchTensors.fromFloatTensor(MiniGraph.random(300, -1f, 1f, outShape), ScalarType.Double);
            y.mul(r).sum().backward();

            Map<String, Tensor> checked = new LinkedHashMap<>();
            checked.put("x", x);
            for (String name : g.parameters().trainableNames()) {
                checked.put(name, g.parameters().tensor(name));
            }
            int compared = 0;
            for (Map.Entry<String, Tensor> e : checked.entrySet()) {
                Tensor t = e.getValue();
                Tensor gradTensor = t.grad();
                if (!gradTensor.defined()) {
                    continue;
                }
                double[] grad = TorchTensors.doubles(gradTensor);
                DoublePointer data = t.data_ptr_double();
                for (int i : coordinates(grad.length, e.getKey().hashCode())) {
                    double v = data.get(i);
                    data.put(i, v + EPS);
                    double plus = loss(g, x, r, training);
                    data.put(i, v - EPS);
                    double minus = loss(g, x, r, training);
                    data.put(i, v);
                    double fd = (plus - minus) / (2 * EPS);
                    assertTrue(Math.abs(fd - grad[i]) <= 1e-5 + 1e-4 * Math.abs(fd),
                            label + ": d/d" + e.getKey() + "[" + i + "] autograd " + grad[i] + ", finite difference " + fd);
                    compared++;
                }
            }
            assertTrue(compared > 0, label + ": no gradient was checked");
        }
    }

    private static double loss(TorchGraph g, Tensor x, Tensor r, boolean training) {
        try (PointerScope scope = new PointerScope(); NoGradGuard guard = new NoGradGuard()) {
            return g.forward(x, training).mul(r).sum().item_double();
        }
    }

    private static List<Integer> coordinates(int n, long seed) {
        List<Integer> out = new ArrayList<>();
        if (n <= COORDINATES) {
            for (int i = 0; i < n; i++) {
                out.add(i);
            }
            return out;
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < COORDINATES; i++) {
            out.add(r.nextInt(n));
        }
        return out;
    }
}
