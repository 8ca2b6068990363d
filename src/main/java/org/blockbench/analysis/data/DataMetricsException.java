package org.blockbench.analysis.data;

import org.blockbench.BadInputException;

/**
 * ONNX Runtime could not load or run the model while measuring data metrics: the model uses
 * an operator or a type ORT lacks, or its inputs do not fit it. Wraps the checked
 * {@code OrtException} at the native boundary, keeping it as the cause; the message names the
 * model and the step and ends with ORT's first message line. It is the user's model that
 * cannot run, so the CLI reports it as bad input (exit 2, one line).
 */
public class DataMetricsException extends BadInputException {
    private static final long serialVersionUID = 1L;

    public DataMetricsException(String context, Throwable cause) {
        super(context + ": " + firstLine(cause.getMessage()), cause);
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "(no message from ONNX Runtime)";
        }
        return message.strip().lines().findFirst().orElse("").strip();
    }
}
