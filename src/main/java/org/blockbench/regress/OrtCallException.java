package org.blockbench.regress;

/**
 * A call into ONNX Runtime failed. Carries the checked {@code OrtException} as its cause and
 * says what was being done (model file, option), so that the failure can be read without a
 * debugger. Thrown only at the native boundary ({@link OrtModelRunner}).
 */
public final class OrtCallException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OrtCallException(String context, Throwable cause) {
        super(context + ": " + cause.getMessage(), cause);
    }
}
