/**
 * The one ONNX Runtime boundary of BlockBench. {@link org.blockbench.ort.InferenceSession}
 * owns every session (options, session, seeded input, pinned outputs), opened for
 * benchmarking or loaded for evaluation on given inputs (with intermediate values exposed by
 * {@link org.blockbench.ort.IntermediateOutputs}); {@link org.blockbench.ort.SessionSettings}
 * says how (provider, threads, optimisation level, profiling, time limit);
 * {@link org.blockbench.ort.SeededInput} is the one generator of synthetic inputs;
 * {@link org.blockbench.ort.OrtBuild} and {@link org.blockbench.ort.Provider} describe the
 * build. Checked {@code OrtException}s stop here and become
 * {@link org.blockbench.ort.OrtCallException}, which keeps the model and the option that
 * failed and says whom it blames ({@link org.blockbench.ort.ModelOrigin}). Work on a user's
 * model that could crash or hang the JVM runs in a child JVM with a time limit
 * ({@link org.blockbench.ort.ChildJvm}).
 */
package org.blockbench.ort;
