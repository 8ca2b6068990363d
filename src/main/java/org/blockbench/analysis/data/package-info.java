/**
 * NeuroBench data metrics of an ONNX graph, measured by running it in ONNX Runtime with its
 * intermediate values exposed as extra graph outputs: activation sparsity of the activation
 * operators and effective MACs (weight and input both non-zero) against dense MACs, per layer
 * and in total. Entry point: {@link org.blockbench.analysis.data.DataMetrics}; the ONNX
 * Runtime session is an {@link org.blockbench.ort.InferenceSession} over the exposed copy
 * ({@link org.blockbench.ort.IntermediateOutputs}); {@code analyze --data} measures in a
 * child JVM ({@link org.blockbench.analysis.data.DataMetricsTask}) so that a native crash or
 * hang costs one model.
 */
package org.blockbench.analysis.data;
