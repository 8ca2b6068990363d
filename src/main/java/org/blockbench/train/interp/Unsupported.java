package org.blockbench.train.interp;

import java.util.Set;
import org.blockbench.onnx.NodeView;

/**
 * What the interpreter refuses about a node it can read: an attribute value or an output it
 * does not implement. Malformed nodes (wrong attribute types) fail in {@link NodeView} instead.
 */
final class Unsupported {

    private Unsupported() {
    }

    /** A {@link ModelNotTrainableException} about {@code node}. */
    static ModelNotTrainableException at(NodeView node, String what) {
        return new ModelNotTrainableException(node.describe() + ": " + what);
    }

    /** {@code value}, or a failure unless it is one of {@code valid}. */
    static String oneOf(NodeView node, String attribute, String value, Set<String> valid) {
        if (!valid.contains(value)) {
            throw at(node, attribute + "=" + NodeView.quote(value) + " is not supported, expected one of "
                    + valid.stream().sorted().toList());
        }
        return value;
    }
}
