/**
 * Benchmarking the analyser itself: {@link org.blockbench.analysis.bench.TorchvisionResNet}
 * writes torchvision's ResNet-18 and ResNet-50 layer by layer as PyTorch exports them, and
 * {@link org.blockbench.analysis.bench.AnalyzeBenchmark} times the analysis of ResNet-50
 * (25.6 M parameters) with JMH.
 */
package org.blockbench.analysis.bench;
