package org.blockbench.onnx;

import org.blockbench.BadInputException;

/**
 * An ONNX model that cannot be read, validated or built. The message names the file (or
 * graph) and the problem; the cause, when there is one, is kept.
 */
public class OnnxModelException extends BadInputException {
    private static final long serialVersionUID = 1L;

    public OnnxModelException(String message) {
        super(message);
    }

    public OnnxModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
