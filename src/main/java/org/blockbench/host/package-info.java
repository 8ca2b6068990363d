/**
 * The machine a number was measured on: {@link org.blockbench.host.CpuFeatures} (CPU model, the
 * vector extensions that decide which kernels ONNX Runtime and LibTorch run, and whether the CPU
 * has an INT8 dot-product instruction). Every latency, accuracy and INT8 variant records it.
 */
package org.blockbench.host;
