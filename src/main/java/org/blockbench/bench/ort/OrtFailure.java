package org.blockbench.bench.ort;

/**
 * An ONNX Runtime call failed. The message names what was being done (the model file, the
 * provider, the option) and ends with ONNX Runtime's own first message line; the original
 * {@code OrtException} is the cause.
 */
public final class OrtFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OrtFailure(String context, Throwable cause) {
        super(context + ": " + firstLine(cause.getMessage()), cause);
    }

    public OrtFailure(String message) {
        super(message);
    }

    /** The first non-blank line of a native message, which is the one that says what went wrong. */
    static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "(no message from ONNX Runtime)";
        }
        return message.strip().lines().findFirst().orElse("").strip();
    }
}
