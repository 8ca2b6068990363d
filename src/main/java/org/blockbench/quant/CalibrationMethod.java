package org.blockbench.quant;

import org.blockbench.BadInputException;

/**
 * How activation ranges are chosen from calibration data, as ONNX Runtime's
 * {@code CalibrationMethod} (docs/quantization.md §Calibration):
 * <ul>
 *   <li>{@link #MIN_MAX}: the smallest and largest value seen;</li>
 *   <li>{@link #PERCENTILE}: the given percentile (default 99.999) of |x| over a 2048-bin
 *       histogram, as ORT with {@code CalibTensorRangeSymmetric=True}, clipped to [min, max];</li>
 *   <li>{@link #ENTROPY}: the threshold minimising the KL divergence between the 2048-bin
 *       histogram and its 128-level quantization (TensorRT's method, ORT's
 *       {@code get_entropy_threshold} with {@code CalibNumBins=2048});</li>
 *   <li>{@link #AUTO} (BlockBench's, not ORT's): per tensor, whichever of the three ranges gives
 *       that tensor's own values the highest SNR through its Q/DQ on the calibration set (MinMax
 *       on a tie). It changes scales and zero points only, never the graph's structure.</li>
 * </ul>
 */
public enum CalibrationMethod {
    MIN_MAX("minmax"),
    PERCENTILE("percentile"),
    ENTROPY("entropy"),
    AUTO("auto");

    private final String id;

    CalibrationMethod(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The method called {@code id}; unknown names are bad input listing the valid ones. */
    public static CalibrationMethod parse(String id) {
        return BadInputException.byName("calibration method", id, values(), CalibrationMethod::id);
    }
}
