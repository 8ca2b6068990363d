/**
 * Shape inference over an ONNX graph, from the graph alone: every value's element type and
 * static shape, computed node by node in topological order, with constant sub-graphs
 * (Constant, Shape → Gather → Unsqueeze → Concat → Reshape, Cast, Slice, integer arithmetic)
 * folded so that the shapes after them are known. Entry point:
 * {@link org.blockbench.analysis.shape.ShapeInference}. Operators it does not know are
 * reported by name ({@link org.blockbench.analysis.shape.InferredShapes#unsupportedOps()}),
 * never guessed.
 */
package org.blockbench.analysis.shape;
