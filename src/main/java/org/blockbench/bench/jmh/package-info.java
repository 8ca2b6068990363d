/**
 * The JMH benchmark itself: {@link org.blockbench.bench.jmh.OrtInferenceBenchmark}, one
 * parameterised class whose every parameter combination is one config of a sweep; its
 * parameters, typed, are {@link org.blockbench.bench.jmh.OrtBenchmarkParams}. Run it
 * through {@code blockbench bench}, or directly with JMH's own command line
 * ({@code java -cp target/blockbench.jar org.openjdk.jmh.Main OrtInferenceBenchmark -p ...}).
 *
 * <p>What a fork needs lives here too, below the sweep that plans the configs
 * ({@code org.blockbench.bench} imports this package, never the reverse): its model, resolved
 * from the {@code model} parameter by {@link org.blockbench.bench.jmh.ModelLocator} through the
 * {@link org.blockbench.bench.jmh.ModelCatalog} of {@link org.blockbench.bench.jmh.ModelEntry}s,
 * and the CPUs it pins itself to ({@link org.blockbench.bench.jmh.CpuSet}, within a Slurm task's
 * allocation: {@link org.blockbench.bench.jmh.SlurmTask}).
 */
package org.blockbench.bench.jmh;
