package org.blockbench.stats;

/**
 * Signal-to-noise ratio of an approximation against a reference, as ONNX Runtime's
 * {@code qdq_loss_debug.compute_signal_to_quantized_noise_ratio}: {@code 10 log10(Σ x² / Σ (x − y)²)}
 * in dB over every element, summed in double. Powers add, so tensors and batches combine with
 * {@link #plus}. An exact approximation is +∞ dB; a zero reference with a nonzero error is −∞.
 *
 * @param signalPower Σ x² of the reference
 * @param noisePower  Σ (x − y)² of the difference
 * @param elements    how many values were compared
 */
public record SignalToNoise(double signalPower, double noisePower, long elements) {

    /** Nothing compared yet. */
    public static final SignalToNoise EMPTY = new SignalToNoise(0, 0, 0);

    /** {@code approx} against {@code reference}, element by element (same length). */
    public static SignalToNoise of(float[] reference, float[] approx) {
        if (reference.length != approx.length) {
            throw new IllegalArgumentException("reference has " + reference.length + " values, approximation "
                    + approx.length);
        }
        double signal = 0;
        double noise = 0;
        for (int i = 0; i < reference.length; i++) {
            double d = (double) reference[i] - approx[i];
            signal += (double) reference[i] * reference[i];
            noise += d * d;
        }
        return new SignalToNoise(signal, noise, reference.length);
    }

    /** Both comparisons as one: powers and counts add. */
    public SignalToNoise plus(SignalToNoise other) {
        return new SignalToNoise(signalPower + other.signalPower, noisePower + other.noisePower,
                elements + other.elements);
    }

    /** The ratio in dB; NaN when nothing (or only zeros against zeros) was compared. */
    public double db() {
        if (noisePower == 0) {
            return signalPower == 0 ? Double.NaN : Double.POSITIVE_INFINITY;
        }
        return 10 * Math.log10(signalPower / noisePower);
    }
}
