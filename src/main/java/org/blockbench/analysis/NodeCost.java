package org.blockbench.analysis;

import java.util.List;

/**
 * The costs of one node. Numbers are null where they are not known (unsupported operator,
 * unknown input shapes); they are never silently zero.
 *
 * @param index             position in the graph's node list
 * @param name              the node's name (may be empty in foreign files)
 * @param opType            {@code op_type}, prefixed {@code domain:} outside the default domain
 * @param status            "ok", "unsupported", "unknown_input_shape" or "data_dependent_shape"
 * @param reason            why costs are missing ("" when status is ok)
 * @param outputs           the node's outputs with element type and shape
 * @param paramElements     parameter elements this node reads (per use)
 * @param bufferElements    buffer elements this node reads (per use)
 * @param macs              multiply-accumulates ({@link Conventions#MACS})
 * @param flopsAllOperator  all-operator FLOPs ({@link Conventions#FLOPS})
 * @param outputBytes       bytes of the node's outputs; 0 for values known before the graph runs
 */
public record NodeCost(int index, String name, String opType, String status, String reason, List<Output> outputs,
                       long paramElements, long bufferElements, Long macs, Long flopsAllOperator, Long outputBytes) {

    public NodeCost {
        outputs = List.copyOf(outputs);
    }

    /** True when every number of the node is known. */
    public boolean known() {
        return macs != null && flopsAllOperator != null && outputBytes != null;
    }

    /**
     * One output value.
     *
     * @param name        value name
     * @param elementType ONNX element type name ("float")
     * @param shape       static shape, null when unknown
     * @param constant    true when the value is known before the graph runs (not an activation)
     */
    public record Output(String name, String elementType, long[] shape, boolean constant) {
        @Override
        public long[] shape() {
            return shape == null ? null : shape.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Output x && name.equals(x.name) && elementType.equals(x.elementType)
                    && java.util.Arrays.equals(shape, x.shape) && constant == x.constant;
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + java.util.Arrays.hashCode(shape);
        }

        @Override
        public String toString() {
            return name + ":" + elementType + java.util.Arrays.toString(shape);
        }
    }
}
