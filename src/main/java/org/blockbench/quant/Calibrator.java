package org.blockbench.quant;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.blockbench.ort.HostTensor;
import org.blockbench.ort.InferenceSession;
import org.blockbench.ort.IntermediateOutputs;
import org.blockbench.ort.ModelOrigin;

/**
 * Activation ranges of a float graph on a {@link CalibrationSet}, computed through ONNX Runtime
 * with the values to calibrate exposed as outputs ({@link IntermediateOutputs}, no graph
 * rewrites). MinMax needs one pass over the set; Percentile and Entropy a second one, so that
 * every batch falls into one histogram over the set's whole range (ORT widens and re-bins its
 * histogram batch by batch; with a single batch both agree). See {@link CalibrationMethod}.
 */
public final class Calibrator {

    /** Histogram bins of Percentile and Entropy (ORT's percentile default; TensorRT's entropy default). */
    public static final int BINS = 2048;
    /** Quantized levels the Entropy method compares against (ORT's and TensorRT's 128). */
    public static final int QUANTIZED_BINS = 128;

    /** A calibrated range. */
    public record Range(float min, float max) {
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
                minMax.forEach((t, mm) -> ranges.put(t, new Range(mm[0], mm[1])));
                return ranges;
            }
            boolean absolute = settings.method() == CalibrationMethod.PERCENTILE;
            Map<String, long[]> histograms = new TreeMap<>();
            for (HostTensor batch : set.batches()) {
                Map<String, HostTensor> out = session.evaluate(Map.of(input, batch));
                for (String t : names) {
                    float[] mm = minMax.get(t);
                    float threshold = Math.max(Math.abs(mm[0]), Math.abs(mm[1]));
                    long[] hist = histograms.computeIfAbsent(t, k -> new long[BINS]);
                    Histograms.add(hist, values(out, t, input, batch), absolute ? 0f : -threshold, threshold, absolute);
                }
            }
            for (String t : names) {
                float[] mm = minMax.get(t);
                float threshold = Math.max(Math.abs(mm[0]), Math.abs(mm[1]));
                long[] hist = histograms.get(t);
                float[] chosen = absolute
                        ? Histograms.percentile(hist, threshold, settings.percentile())
                        : Histograms.entropy(hist, threshold, QUANTIZED_BINS);
                // as ORT: a threshold beyond what was seen is cut back to the data's own range
                ranges.put(t, new Range(Math.max(chosen[0], mm[0]), Math.min(chosen[1], mm[1])));
            }
            return ranges;
        }
    }

    private static float[] values(Map<String, HostTensor> out, String t, String input, HostTensor batch) {
        HostTensor v = t.equals(input) ? batch : out.get(t);
        if (v == null || v.data() == null) {
            throw new IllegalStateException("calibration: value '" + t + "' was not returned as float32 by ONNX Runtime");
        }
        return v.data();
    }
}
