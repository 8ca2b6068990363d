/**
 * The machine and checkout a number was measured on: {@link org.blockbench.host.CpuFeatures}
 * (CPU model, the vector extensions that decide which kernels ONNX Runtime and LibTorch run, and
 * whether the CPU has an INT8 dot-product instruction) and {@link org.blockbench.host.GitCheckout}
 * (the source revision, "unknown (why)" where there is none). Every latency, accuracy and INT8
 * variant records them. {@link org.blockbench.host.BoundedProcess} is the one way BlockBench runs
 * an external process, JMH's forks aside: a short command that asks about the machine
 * ({@code git}, {@code taskset}, {@code scontrol}) with its output read while it runs, a child
 * JVM writing to a log file ({@code ort.ChildJvm}), {@code run}'s shard processes under one
 * deadline; each stopped at its deadline, or when this JVM exits, with every process it started.
 */
package org.blockbench.host;
