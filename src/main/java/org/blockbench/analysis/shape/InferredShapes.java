package org.blockbench.analysis.shape;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * The result of shape inference over one graph.
 *
 * @param values         every value by name: graph inputs, initializers, node outputs
 * @param nodes          per node, in graph order, how inference went
 * @param inputShapes    the static shapes used for the graph inputs (not initializers), by name
 * @param assumedDims    symbolic input dimensions nobody set, and the value 1 assumed for them
 *                       (keyed by the dim_param name, or {@code input[axis]} when it has none)
 * @param unsupportedOps operator types without a rule ({@code domain:Op} outside the default domain)
 * @param warnings       inconsistencies that do not stop the analysis (declared vs inferred output shapes)
 * @param opset          the default-domain opset the model imports
 */
public record InferredShapes(Map<String, TensorInfo> values, List<NodeShapes> nodes,
                             SortedMap<String, long[]> inputShapes, SortedMap<String, Long> assumedDims,
                             SortedSet<String> unsupportedOps, List<String> warnings, int opset) {

    /** What is known about a value; {@link TensorInfo#unknown} for a name the graph does not define. */
    public TensorInfo info(String name) {
        TensorInfo t = values.get(name);
        return t == null ? TensorInfo.unknown(0) : t;
    }

    /** True when every node's outputs were inferred. */
    public boolean complete() {
        return nodes.stream().allMatch(n -> n.status() == NodeShapes.Status.INFERRED);
    }
}
