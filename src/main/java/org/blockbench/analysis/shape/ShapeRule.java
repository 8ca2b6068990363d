package org.blockbench.analysis.shape;

import java.util.List;

/** Infers the outputs of one operator type from its inputs and attributes. */
@FunctionalInterface
interface ShapeRule {

    /**
     * One entry per output the node declares (trailing optional outputs may be left out).
     * Throws {@link UnknownShapeException} when the shape depends on run-time values, and
     * {@link org.blockbench.onnx.OnnxModelException} when the inputs are inconsistent.
     */
    List<TensorInfo> infer(ShapedNode node);
}
