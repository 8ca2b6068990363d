package org.blockbench.analysis.data;

/**
 * ONNX Runtime failed while measuring data metrics. Wraps the checked {@code OrtException}
 * at the native boundary, keeping it as the cause and naming the model and the step.
 */
public class DataMetricsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DataMetricsException(String message, Throwable cause) {
        super(message, cause);
    }
}
