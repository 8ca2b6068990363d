package org.blockbench.regress;

import java.nio.file.Path;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Latency of one ONNX Runtime CPU inference of one model, the unit the A/B mode of the
 * regression checker ({@code blockbench ab}) times fork by fork.
 *
 * <p>Hypothesis: two configurations (model files, thread counts or optimisation levels)
 * differ in latency by a given fraction. Baseline: the A side of the pair; the B side is
 * the candidate. Session, options and input tensor are made once per trial in
 * {@link Model#open} and closed in {@link Model#close}; the measured method only calls
 * {@code session.run} and closes its outputs.
 *
 * <p>Run: {@code java -cp target/blockbench.jar org.openjdk.jmh.Main
 * 'org.blockbench.regress.AbLatencyBenchmark' -p model=onnx-models/x.onnx -p threads=1
 * -bm avgt -tu ms}, or let {@code blockbench ab} interleave two configurations.
 */
public class AbLatencyBenchmark {

    /** One model opened in ONNX Runtime for the whole trial. */
    @State(Scope.Benchmark)
    public static class Model {
        /** Path of the ONNX file. */
        @Param({""})
        public String model;
        /** ORT intra-op threads. */
        @Param({"1"})
        public int threads;
        /** ORT graph optimisation level: all, extended, basic, none. */
        @Param({"all"})
        public String optimization;
        /** Value of the symbolic batch dimension of the first input. */
        @Param({"1"})
        public int batch;

        OrtModelRunner runner;

        @Setup(Level.Trial)
        public void open() {
            runner = OrtModelRunner.open(Path.of(model), threads, optimization, batch);
        }

        @TearDown(Level.Trial)
        public void close() {
            if (runner != null) {
                runner.close();
            }
        }
    }

    /** One inference; the returned output count keeps the call alive. */
    @Benchmark
    public long infer(Model m) {
        return m.runner.run();
    }
}
