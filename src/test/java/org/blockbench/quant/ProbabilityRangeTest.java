package org.blockbench.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.blockbench.data.CalibrationSet;
import org.blockbench.onnx.Attribute;
import org.blockbench.onnx.FloatTensor;
import org.blockbench.onnx.GraphBuilder;
import org.blockbench.onnx.OnnxOp;
import org.blockbench.onnx.TensorProtos;
import org.blockbench.onnx.Value;
import org.blockbench.ort.HostTensor;
import org.junit.jupiter.api.Test;

/**
 * A Softmax over 1,024 keys, as SelfAttention at the early position has, read by a MatMul: its
 * probabilities sit near 1/1,024, below half of ONNX Runtime's fixed step of 1/255. Their range is
 * 4 × the calibrated maximum, at most 1 ({@link QdqQuantizer#probabilityRange}).
 */
class ProbabilityRangeTest {

    private static final int KEYS = 1024;
    private static final int OUT = 4;

    private static ModelProto attentionLike() {
        GraphBuilder b = new GraphBuilder();
        Value scores = b.input("scores", "batch", KEYS);
        Value probs = b.opNamed("probs", OnnxOp.SOFTMAX, List.of(scores), Attribute.integer("axis", 1));
        float[] v = new float[KEYS * OUT];
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (2 * random.nextDouble() - 1);
        }
        Value mixed = b.op(OnnxOp.MAT_MUL, List.of(probs, b.parameter("values", new FloatTensor(new long[] {KEYS, OUT}, v))));
        b.output(b.opNamed("out", OnnxOp.IDENTITY, List.of(mixed)), "batch", OUT);
        return b.build("attention-like", "softmax over 1024 keys", Map.of("blockbench.form", "deploy"));
    }

    /** {@code images} rows of standard-normal scores, with {@code peak} added to key 0 of each. */
    private static HostTensor scores(int images, long seed, float peak) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] data = new float[images * KEYS];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) gaussian(random);
        }
        for (int n = 0; n < images; n++) {
            data[n * KEYS] += peak;
        }
        return HostTensor.floats(new long[] {images, KEYS}, data);
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** The softmax of row {@code n} of {@code x}, computed here in double. */
    private static double[] probabilities(float[] x, int n) {
        double top = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < KEYS; k++) {
            top = Math.max(top, x[n * KEYS + k]);
        }
        double[] p = new double[KEYS];
        double sum = 0;
        for (int k = 0; k < KEYS; k++) {
            p[k] = Math.exp(x[n * KEYS + k] - top);
            sum += p[k];
        }
        for (int k = 0; k < KEYS; k++) {
            p[k] /= sum;
        }
        return p;
    }

    /** The largest softmax probability over the rows of {@code scores}. */
    private static double maxProbability(HostTensor scores) {
        double max = 0;
        for (int n = 0; n < scores.data().length / KEYS; n++) {
            for (double p : probabilities(scores.data(), n)) {
                max = Math.max(max, p);
            }
        }
        return max;
    }

    private static float[] initializer(ModelProto model, String name) {
        return TensorProtos.floats(model.getGraph().getInitializerList().stream().filter(i -> i.getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no initializer " + name)));
    }

    @Test
    void diffuseProbabilitiesGetFourTimesTheirCalibratedMaximum() {
        HostTensor calibration = scores(8, 1, 0f);
        QdqQuantizer.Result int8 = QdqQuantizer.quantize(attentionLike(),
                new CalibrationSet("scores", 1, 8, 8, List.of(calibration)), QuantSettings.DEFAULT);
        double max = maxProbability(calibration);
        assertTrue(max < 0.05, "diffuse: the largest probability is " + max);
        assertEquals(4 * max / 255, initializer(int8.model(), "probs_scale")[0], 1e-6 * max);
        // measured 21.5 dB with 7-bit weights; the step of ORT's fixed [0, 1] alone leaves 6.0 dB, below the 10 dB floor
        HostTensor heldOut = scores(16, 2, 0f);
        OutputFidelity held = OutputFidelity.measure(attentionLike(), int8.model(), heldOut);
        assertTrue(held.snr().db() > 15, held.describe());
        double unitStep = unitStepSnrDb(heldOut);
        assertTrue(unitStep < OutputFidelity.FLOOR_DB, "probabilities rounded to steps of 1/255: " + unitStep + " dB");
    }

    /**
     * The SNR of the graph's output, computed here in double, when only its probabilities are
     * rounded to ORT's fixed uint8 step of 1/255 and everything else is exact.
     */
    private static double unitStepSnrDb(HostTensor scores) {
        float[] x = scores.data();
        float[] v = initializer(attentionLike(), "values");
        double signal = 0;
        double noise = 0;
        for (int n = 0; n < x.length / KEYS; n++) {
            double[] p = probabilities(x, n);
            for (int o = 0; o < OUT; o++) {
                double exact = 0;
                double rounded = 0;
                for (int k = 0; k < KEYS; k++) {
                    exact += p[k] * v[k * OUT + o];
                    rounded += Math.rint(p[k] * 255) / 255 * v[k * OUT + o];
                }
                signal += exact * exact;
                noise += (exact - rounded) * (exact - rounded);
            }
        }
        return 10 * Math.log10(signal / noise);
    }

    @Test
    void aPeakedSoftmaxKeepsTheWholeUnitRange() {
        HostTensor calibration = scores(8, 1, 12f);
        QdqQuantizer.Result int8 = QdqQuantizer.quantize(attentionLike(),
                new CalibrationSet("scores", 1, 8, 8, List.of(calibration)), QuantSettings.DEFAULT);
        assertTrue(maxProbability(calibration) > 0.25);
        assertEquals(1f / 255, initializer(int8.model(), "probs_scale")[0], 1e-9);
    }
}
