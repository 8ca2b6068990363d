package org.blockbench.onnx;

import org.blockbench.BadInputException;

/**
 * An ONNX Runtime call failed: the model uses an operator or type ORT lacks, its inputs do
 * not fit, or a provider or option is unavailable. Wraps the checked {@code OrtException} at
 * the native boundary and keeps it as the cause; the message names what was being done (the
 * model file, the provider, the option) and ends with ORT's own first message line. It is
 * the user's model or choice that cannot run, so the CLI reports it as bad input.
 */
public class OrtCallException extends BadInputException {
    private static final long serialVersionUID = 1L;

    public OrtCallException(String context, Throwable cause) {
        super(context + ": " + firstLine(cause.getMessage()), cause);
    }

    public OrtCallException(String message) {
        super(message);
    }

    /** The first non-blank line of a native message, which is the one that says what went wrong. */
    public static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "(no message from ONNX Runtime)";
        }
        return message.strip().lines().findFirst().orElse("").strip();
    }
}
