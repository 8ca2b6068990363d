/**
 * Running a sweep: one JMH {@code Runner.run} per config
 * ({@link org.blockbench.bench.sweep.ConfigExecutor}), each config's JMH JSON written
 * atomically into the run directory ({@link org.blockbench.bench.sweep.RunDirectory}) as soon
 * as it finishes, so that a killed sweep loses at most the config in flight and
 * {@code --resume} skips what is done (the run's options in
 * {@link org.blockbench.bench.sweep.BenchRunFile}, {@code bench-run.json}); a host-side check before each config
 * ({@link org.blockbench.bench.sweep.Preflight}) turns a missing or corrupt model, a
 * non-image input or an unavailable provider into that config's one-line failure, and
 * records which execution provider actually ran the nodes. Its ONNX Runtime part
 * ({@link org.blockbench.bench.sweep.PreflightProbe}) runs in a child JVM with a time limit,
 * so a native crash or hang on a user's model fails that config, not the sweep.
 */
package org.blockbench.bench.sweep;
