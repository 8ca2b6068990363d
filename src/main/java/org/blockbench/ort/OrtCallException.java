package org.blockbench.ort;

import org.blockbench.text.OneLine;

/**
 * An ONNX Runtime call failed: the model uses an operator or type ORT lacks, its inputs do
 * not fit, a provider or option is unavailable, the call ran past its time limit, or the
 * child process running it died. Wraps the checked {@code OrtException} at the native
 * boundary and keeps it as the cause; the message names what was being done (the model
 * file, the provider, the option) and ends with ORT's own first message line.
 *
 * <p>{@link #origin()} says whom it blames: {@link ModelOrigin#USER} when ORT rejected the
 * user's model file or a provider/option the user chose (the CLI reports bad input),
 * {@link ModelOrigin#BLOCKBENCH} when ORT rejected a graph BlockBench built (a defect).
 */
public class OrtCallException extends RuntimeException {
    private static final long serialVersionUID = 2L;

    private final ModelOrigin origin;

    /** A failure on the user's model or choice; the message is {@code context: <ORT's first line>}. */
    public OrtCallException(String context, Throwable cause) {
        this(ModelOrigin.USER, context, cause);
    }

    /** A failure on the user's model or choice, without a native cause. */
    public OrtCallException(String message) {
        super(OneLine.of(message));
        this.origin = ModelOrigin.USER;
    }

    /** A failure blamed on {@code origin}; the message is {@code context: <ORT's first line>}. */
    public OrtCallException(ModelOrigin origin, String context, Throwable cause) {
        super(OneLine.of(context) + ": " + firstLine(cause.getMessage()), cause);
        this.origin = origin;
    }

    /** Whose model or choice failed. */
    public ModelOrigin origin() {
        return origin;
    }

    /** The first non-blank line of a native message, which is the one that says what went wrong. */
    public static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "(no message from ONNX Runtime)";
        }
        return OneLine.firstLine(message);
    }

}
