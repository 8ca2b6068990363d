package org.blockbench.analysis.shape;

/**
 * How inference went for one node.
 *
 * @param status what is known about the node's outputs
 * @param reason why the outputs are not known (empty when {@link Status#INFERRED})
 */
public record NodeShapes(Status status, String reason) {

    /** What is known about a node's outputs. */
    public enum Status {
        /** Output shapes were computed by a rule. */
        INFERRED,
        /** The operator is not supported; outputs known only if the file declares static shapes for them. */
        UNSUPPORTED,
        /** An input's shape was unknown (downstream of an unsupported operator). */
        UNKNOWN_INPUT,
        /** The output shape depends on a value computed at run time. */
        DATA_DEPENDENT
    }

    static final NodeShapes INFERRED = new NodeShapes(Status.INFERRED, "");
}
