package org.blockbench.quant;

/**
 * The INT8 choices a user can make: the calibration method and, for {@link CalibrationMethod#PERCENTILE},
 * the percentile. Everything else follows ONNX Runtime's QDQ defaults (docs/quantization.md).
 *
 * @param method     how activation ranges are chosen
 * @param percentile the percentile of |x| kept by {@link CalibrationMethod#PERCENTILE}, in (0, 100]
 */
public record QuantSettings(CalibrationMethod method, double percentile) {

    /** ONNX Runtime's default percentile. */
    public static final double DEFAULT_PERCENTILE = 99.999;

    /** MinMax, ONNX Runtime's default method. */
    public static final QuantSettings DEFAULT = new QuantSettings(CalibrationMethod.MIN_MAX, DEFAULT_PERCENTILE);

    public QuantSettings {
        if (!(percentile > 0 && percentile <= 100)) {
            throw new org.blockbench.BadInputException("percentile must be in (0, 100], found " + percentile);
        }
    }
}
