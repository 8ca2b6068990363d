package org.blockbench.quant;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.blockbench.data.CalibrationSet;
import org.blockbench.ort.HostTensor;
import org.blockbench.ort.InferenceSession;
import org.blockbench.ort.IntermediateOutputs;
import org.blockbench.ort.ModelOrigin;
import org.blockbench.stats.SignalToNoise;

/**
 * Activation ranges of a float graph on a {@link CalibrationSet}, computed through ONNX Runtime
 * with the values to calibrate exposed as outputs ({@link IntermediateOutputs}, no graph
 * rewrites). MinMax needs one pass over the set; Percentile and Entropy a second one, so that
 * every batch falls into one histogram over the set's whole range (ORT widens and re-bins its
 * histogram batch by batch; with a single batch both agree). {@link CalibrationMethod#AUTO} computes
 * all three ranges of each tensor and, in a third pass, keeps the one whose Q/DQ round trip of that
 * tensor's own values has the highest SNR ({@link SignalToNoise}) on the set. See {@link CalibrationMethod}.
 */
public final class Calibrator {

    /** Histogram bins of Percentile and Entropy (ORT's percentile default; TensorRT's entropy default). */
    public static final int BINS = 2048;
    /** Quantized levels the Entropy method compares against (ORT's and TensorRT's 128). */
    public static final int QUANTIZED_BINS = 128;

    /**
     * A calibrated range.
     *
     * @param min    the smallest value kept
     * @param max    the largest value kept
     * @param method the method that chose it: the settings' own, or for {@link CalibrationMethod#AUTO}
     *               the one whose range gave this tensor the highest SNR
     */
    public record Range(float min, float max, CalibrationMethod method) {
    }

    private Calibrator() {
    }

    /** Ranges of the float values {@code tensors} of {@code model}, by name, in name order. */
    public static Map<String, Range> calibrate(ModelProto model, Set<String> tensors, CalibrationSet set,
                                               QuantSettings settings) {
        Set<String> names = new java.util.TreeSet<>(tensors);
        Set<String> graphInputs = new java.util.HashSet<>();
        model.getGraph().getInputList().forEach(i -> graphInputs.add(i.getName()));
        Map<String, Integer> exposed = new TreeMap<>();
        names.stream().filter(t -> !graphInputs.contains(t)).forEach(t -> exposed.put(t, TensorProto.DataType.FLOAT_VALUE));
        Map<String, float[]> minMax = new TreeMap<>();
        try (InferenceSession session = IntermediateOutputs.open(model, exposed, ModelOrigin.BLOCKBENCH)) {
            String input = session.inputNames().get(0);
            for (HostTensor batch : set.batches()) {
                Map<String, HostTensor> out = session.evaluate(Map.of(input, batch));
                for (String t : names) {
                    float[] data = values(out, t, input, batch);
                    float[] mm = minMax.computeIfAbsent(t, k -> new float[] {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY});
                    for (float v : data) {
                        mm[0] = Math.min(mm[0], v);
                        mm[1] = Math.max(mm[1], v);
                    }
                }
            }
            Map<String, Range> ranges = new LinkedHashMap<>();
            if (settings.method() == CalibrationMethod.MIN_MAX) {
                minMax.forEach((t, mm) -> ranges.put(t, new Range(mm[0], mm[1], CalibrationMethod.MIN_MAX)));
                return ranges;
            }
            boolean percentile = settings.method() != CalibrationMethod.ENTROPY;
            boolean entropy = settings.method() != CalibrationMethod.PERCENTILE;
            Map<String, long[]> absolute = new TreeMap<>();
            Map<String, long[]> signed = new TreeMap<>();
            for (HostTensor batch : set.batches()) {
                Map<String, HostTensor> out = session.evaluate(Map.of(input, batch));
                for (String t : names) {
                    float threshold = threshold(minMax.get(t));
                    float[] data = values(out, t, input, batch);
                    if (percentile) {
                        Histograms.add(absolute.computeIfAbsent(t, k -> new long[BINS]), data, 0f, threshold, true);
                    }
                    if (entropy) {
                        Histograms.add(signed.computeIfAbsent(t, k -> new long[BINS]), data, -threshold, threshold, false);
                    }
                }
            }
            Map<String, List<Range>> candidates = new TreeMap<>();
            for (String t : names) {
                float[] mm = minMax.get(t);
                float threshold = threshold(mm);
                List<Range> c = new ArrayList<>();
                if (settings.method() == CalibrationMethod.AUTO) {
                    c.add(new Range(mm[0], mm[1], CalibrationMethod.MIN_MAX));
                }
                if (percentile) {
                    c.add(clipped(Histograms.percentile(absolute.get(t), threshold, settings.percentile()), mm,
                            CalibrationMethod.PERCENTILE));
                }
                if (entropy) {
                    c.add(clipped(Histograms.entropy(signed.get(t), threshold, QUANTIZED_BINS), mm, CalibrationMethod.ENTROPY));
                }
                candidates.put(t, c);
            }
            if (settings.method() != CalibrationMethod.AUTO) {
                candidates.forEach((t, c) -> ranges.put(t, c.get(0)));
                return ranges;
            }
            // AUTO: a third pass measures each candidate range by the tensor's own SNR through its Q/DQ
            Map<String, SignalToNoise[]> snr = new TreeMap<>();
            for (HostTensor batch : set.batches()) {
                Map<String, HostTensor> out = session.evaluate(Map.of(input, batch));
                for (String t : names) {
                    float[] x = values(out, t, input, batch);
                    List<Range> c = candidates.get(t);
                    SignalToNoise[] acc = snr.computeIfAbsent(t, k -> {
                        SignalToNoise[] a = new SignalToNoise[c.size()];
                        java.util.Arrays.fill(a, SignalToNoise.EMPTY);
                        return a;
                    });
                    float[] y = new float[x.length];
                    for (int i = 0; i < c.size(); i++) {
                        ActivationParams p = ActivationParams.of(c.get(i).min(), c.get(i).max());
                        for (int j = 0; j < x.length; j++) {
                            y[j] = p.roundTrip(x[j]);
                        }
                        acc[i] = acc[i].plus(SignalToNoise.of(x, y));
                    }
                }
            }
            for (String t : names) {
                ranges.put(t, best(candidates.get(t), snr.get(t)));
            }
            return ranges;
        }
    }

    /**
     * The candidate with the highest SNR; MinMax (listed first) keeps a tie, and so does any
     * tensor measured as NaN (all zeros), so AUTO leaves MinMax's range wherever it cannot improve it.
     */
    static Range best(List<Range> candidates, SignalToNoise[] snr) {
        int best = 0;
        for (int i = 1; i < candidates.size(); i++) {
            if (snr[i].db() > snr[best].db()) {
                best = i;
            }
        }
        return candidates.get(best);
    }

    private static float threshold(float[] minMax) {
        return Math.max(Math.abs(minMax[0]), Math.abs(minMax[1]));
    }

    /** As ORT: a threshold beyond what was seen is cut back to the data's own range. */
    private static Range clipped(float[] chosen, float[] minMax, CalibrationMethod method) {
        return new Range(Math.max(chosen[0], minMax[0]), Math.min(chosen[1], minMax[1]), method);
    }

    private static float[] values(Map<String, HostTensor> out, String t, String input, HostTensor batch) {
        HostTensor v = t.equals(input) ? batch : out.get(t);
        if (v == null || v.data() == null) {
            throw new IllegalStateException("calibration: value '" + t + "' was not returned as float32 by ONNX Runtime");
        }
        return v.data();
    }
}
