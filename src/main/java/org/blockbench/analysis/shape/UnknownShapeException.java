package org.blockbench.analysis.shape;

/**
 * Signals that a node's output shape cannot be known from the graph alone (it depends on a
 * value computed at run time). Inference records the reason on the node and carries on with
 * unknown shapes downstream; it never escapes {@link ShapeInference}.
 */
final class UnknownShapeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnknownShapeException(String message) {
        super(message, null, false, false);
    }
}
