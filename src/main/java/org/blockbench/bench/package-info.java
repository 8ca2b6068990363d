/**
 * The latency suite: which configs a sweep covers and what each one means. A
 * {@link org.blockbench.bench.jmh.ModelCatalog} lists the benchmarkable models (the exported zoo's
 * manifest, or a user's {@code .onnx} files); a {@link org.blockbench.bench.SweepSelection}
 * turns it into a deterministic plan of {@link org.blockbench.bench.BenchConfig}s, each one
 * parameter combination of {@link org.blockbench.bench.jmh.OrtInferenceBenchmark};
 * {@link org.blockbench.bench.Shard} splits the plan; {@link org.blockbench.bench.JmhSettings}
 * holds JMH's run options. The benchmark and what its forks need (the catalog, CPU pinning) live
 * in {@code jmh}, below this package; running lives in {@code sweep}, result files in
 * {@code result}, the native boundary in {@code ort}, profiles in {@code profile}, harness
 * overhead in {@code overhead}, energy counters in {@code energy}.
 */
package org.blockbench.bench;
