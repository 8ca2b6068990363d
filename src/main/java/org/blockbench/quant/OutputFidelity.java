package org.blockbench.quant;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.util.Arrays;
import java.util.Map;
import org.blockbench.ort.HostTensor;
import org.blockbench.ort.InferenceSession;
import org.blockbench.ort.ModelOrigin;
import org.blockbench.ort.OptimizationLevel;
import org.blockbench.ort.SessionSettings;
import org.blockbench.stats.SignalToNoise;

/**
 * How closely a variant's output follows the FP32 deploy graph's on held-out images, checked when
 * the variant is made, so that no variant that computes nothing (an output that is the same for
 * every input, or noise) is ever written: {@link #FLOOR_DB} is the documented floor
 * (docs/quantization.md §Output check).
 *
 * @param snr            the output's SNR against FP32 over all {@code images}
 * @param images         how many seeded inputs were compared
 * @param dependsOnInput whether the variant's output differs between inputs (FP32's always does in the zoo)
 */
public record OutputFidelity(SignalToNoise snr, int images, boolean dependsOnInput) {

    /**
     * The floor below which a variant is refused. Every zoo model's INT8 variant measures well
     * above it (docs/quantization.md §Measured on AVX2); an output at 10 dB has noise at a tenth of
     * the signal's power, which no deployable INT8 model has.
     */
    public static final double FLOOR_DB = 10.0;
    /** Held-out images compared, one batch: export and train draw them from the dataset's validation split. */
    public static final int IMAGES = 16;

    /** Whether the variant passes: its output depends on its input and its SNR is at least {@link #FLOOR_DB}. */
    public boolean acceptable() {
        return dependsOnInput && snr.db() >= FLOOR_DB;
    }

    /** One line for a refusal or a log: "output SNR 0.0 dB against FP32 on 16 held-out images". */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "output SNR %.1f dB against FP32 on %d held-out images%s", snr.db(),
                images, dependsOnInput ? "" : ", the same output for every input");
    }

    /**
     * Runs {@code fp32} and {@code variant} (both one float input, one float output) on {@code batch},
     * images held out from calibration and drawn with a seed, normalised as calibration's.
     */
    public static OutputFidelity measure(ModelProto fp32, ModelProto variant, HostTensor batch) {
        Edges edges = new Edges(new GraphIndex(fp32));
        Edges.Io in = edges.inputs().get(0);
        int images = (int) batch.shape()[0];
        String out = edges.outputs().get(0).name();
        float[] reference = run(fp32, "fp32", in.name(), batch, out);
        float[] approx = run(variant, "variant", in.name(), batch, out);
        int per = approx.length / images;
        boolean varies = false;
        for (int i = 1; i < images && !varies; i++) {
            varies = !Arrays.equals(approx, 0, per, approx, i * per, (i + 1) * per);
        }
        return new OutputFidelity(SignalToNoise.of(reference, approx), images, varies);
    }

    private static float[] run(ModelProto m, String name, String input, HostTensor batch, String output) {
        try (InferenceSession s = InferenceSession.load(name, m.toByteArray(), ModelOrigin.BLOCKBENCH,
                SessionSettings.cpu(1, OptimizationLevel.ALL))) {
            return s.evaluate(Map.of(input, batch)).get(output).data();
        }
    }
}
