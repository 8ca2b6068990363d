/**
 * Static cost analysis of any ONNX graph, from the graph alone: parameters (distinct
 * initializer tensors, per-use counts, buffers apart), MACs by the torchvision/fvcore
 * convention, FLOPs (2 × MACs and an all-operator count), activation memory (per node and
 * peak live over the topological schedule), NeuroBench static metrics, and a per-op-type
 * summary. Entry point: {@link org.blockbench.analysis.GraphAnalyzer}; results are the
 * immutable {@link org.blockbench.analysis.GraphAnalysis}, written as deterministic JSON by
 * {@link org.blockbench.analysis.AnalysisJson} or as a table by
 * {@link org.blockbench.analysis.AnalysisTable}. Every convention is stated in
 * {@link org.blockbench.analysis.Conventions}. The zoo's analysis is saved beside its
 * manifest by {@link org.blockbench.analysis.ZooAnalysis}.
 *
 * <p>Sub-packages: {@code shape} (shape inference and constant folding), {@code data}
 * (NeuroBench data metrics through ONNX Runtime), {@code bench} (JMH benchmark of the
 * analyser on a ResNet-50-sized graph).
 */
package org.blockbench.analysis;
