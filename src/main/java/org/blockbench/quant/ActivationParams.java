package org.blockbench.quant;

/**
 * Per-tensor uint8 asymmetric quantization of an activation, as ONNX Runtime's
 * {@code compute_scale_zp(rmin, rmax, 0, 255, symmetric=False)}: the range is widened to hold
 * zero, {@code scale = (rmax - rmin) / 255}, {@code zero_point = round(-rmin / scale)} (half to
 * even, as numpy); a range narrower than float32's smallest normal gives scale 1, zero point 0.
 *
 * @param scale     the real value of one integer step
 * @param zeroPoint the integer that stands for 0.0, in [0, 255]
 */
public record ActivationParams(float scale, int zeroPoint) {

    public static ActivationParams of(float min, float max) {
        float rmin = Math.min(min, 0f);
        float rmax = Math.max(max, 0f);
        float scale = (rmax - rmin) / 255f;
        if (!(scale >= Float.MIN_NORMAL) || !Float.isFinite(scale)) {
            return new ActivationParams(1f, 0);
        }
        int zp = (int) Math.rint(0 - rmin / scale);
        return new ActivationParams(scale, Math.max(0, Math.min(255, zp)));
    }

    /** {@code x} quantized and dequantized, as QuantizeLinear then DequantizeLinear compute it. */
    public float roundTrip(float x) {
        float q = Math.max(0, Math.min(255, (float) Math.rint(x / scale) + zeroPoint));
        return (q - zeroPoint) * scale;
    }
}
