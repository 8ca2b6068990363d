/**
 * The machine and checkout a number was measured on: {@link org.blockbench.host.CpuFeatures}
 * (CPU model, the vector extensions that decide which kernels ONNX Runtime and LibTorch run, and
 * whether the CPU has an INT8 dot-product instruction) and {@link org.blockbench.host.GitCheckout}
 * (the source revision, "unknown (why)" where there is none). Every latency, accuracy and INT8
 * variant records them. {@link org.blockbench.host.ShortCommand} is the one way a short external
 * command that asks about the machine ({@code git}, {@code taskset}, {@code scontrol}) is run:
 * bounded, its output read while it runs.
 */
package org.blockbench.host;
