package org.blockbench.regress;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import org.blockbench.bench.CpuSet;
import org.openjdk.jmh.annotations.AuxCounters;
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
            CpuSet.pinFromProperty();
            runner = OrtModelRunner.open(Path.of(model), threads, optimization, batch);
        }

        @TearDown(Level.Trial)
        public void close() {
            if (runner != null) {
                runner.close();
            }
        }
    }

    /**
     * CPU time the benchmark thread spent per inference in the current iteration, reported by
     * JMH as the secondary metric {@value #CPU_METRIC} (one value per iteration, unit "#", read
     * as ns/op). With one intra-op thread ORT computes on the calling thread, so this is the
     * compute time without the time the thread waited for a CPU: on a shared machine, wall time
     * measures the machine's load as well as the model, CPU time much less so.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CpuTime {
        /** CPU nanoseconds per call so far in this iteration. */
        public double cpuNanosPerOp;
        private long cpuNanos;
        private long calls;

        @Setup(Level.Iteration)
        public void reset() {
            cpuNanosPerOp = 0;
            cpuNanos = 0;
            calls = 0;
        }

        void add(long nanos) {
            cpuNanos += nanos;
            calls++;
            cpuNanosPerOp = (double) cpuNanos / calls;
        }
    }

    /** Name of the secondary metric holding CPU nanoseconds per inference. */
    public static final String CPU_METRIC = "cpuNanosPerOp";

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * One inference; the returned output count keeps the call alive. The two thread-CPU-time
     * reads around it cost well under a microsecond each (clock_gettime), the same on both
     * sides of a comparison.
     */
    @Benchmark
    public long infer(Model m, CpuTime cpu) {
        long start = THREADS.getCurrentThreadCpuTime();
        long outputs = m.runner.run();
        cpu.add(THREADS.getCurrentThreadCpuTime() - start);
        return outputs;
    }
}
