/**
 * The JMH benchmark itself: {@link org.blockbench.bench.jmh.OrtInferenceBenchmark}, one
 * parameterised class whose every parameter combination is one config of a sweep; its
 * parameters, typed, are {@link org.blockbench.bench.jmh.OrtBenchmarkParams}. Run it
 * through {@code blockbench bench}, or directly with JMH's own command line
 * ({@code java -cp target/blockbench.jar org.openjdk.jmh.Main OrtInferenceBenchmark -p ...}).
 */
package org.blockbench.bench.jmh;
