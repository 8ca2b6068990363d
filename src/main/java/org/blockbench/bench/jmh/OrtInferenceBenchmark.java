package org.blockbench.bench.jmh;

import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.blockbench.zoo.Form;
import org.blockbench.ort.InferenceSession;
import org.blockbench.ort.OptimizationLevel;
import org.blockbench.ort.Provider;
import org.blockbench.ort.SessionSettings;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import org.blockbench.bench.profile.MeasurementWindows;

/**
 * Latency of one ONNX Runtime inference call from Java.
 *
 * <p>Hypothesis: the time of {@code OrtSession.run} seen from Java is the model's native
 * run time plus a small, fixed binding cost, so the JMH score is within 2 % of ONNX Runtime's
 * own {@code model_run} time for models that take milliseconds.
 * Baseline: the native {@code model_run} durations from ONNX Runtime's session profiler for
 * the same session and input ({@code blockbench overhead}).
 *
 * <p>The session, the input tensor (seeded N(0, 1) values shaped to the model's declared
 * input, batch set by {@code batch}) and the output tensors are created once per trial in
 * {@link #open()}; the measured method runs inference and closes the result, which
 * ONNX Runtime Java requires, and nothing else. The iteration-level fixtures only note the
 * measured iterations' times when profiling is on (for {@code blockbench overhead}); they run
 * outside the measured region.
 *
 * <p>{@code bench} measures {@link #run}; {@code ab} measures {@link #runWithCpuTime}, the same
 * call on the same session, input and parameters between two reads of the thread's CPU
 * clock (two {@code clock_gettime} calls, well under a microsecond, the same on both sides
 * of an A/B pair), which JMH reports as the secondary metric {@value #CPU_METRIC}.
 *
 * <p>Run: {@code java -jar target/blockbench.jar bench --blocks ResNetBasicBlock} or, with
 * JMH's own options, {@code java -cp target/blockbench.jar org.openjdk.jmh.Main
 * OrtInferenceBenchmark -p model=ResNetBasicBlock/early -p batch=1,8
 * -jvmArgsAppend -Dblockbench.models=onnx-models}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class OrtInferenceBenchmark {

    static {
        org.blockbench.ort.OrtNatives.initialize();
    }

    /** Names of the {@code @Param} fields, as they appear in JMH results. */
    public static final String PARAM_MODEL = "model";
    public static final String PARAM_FORM = "form";
    public static final String PARAM_BATCH = "batch";
    public static final String PARAM_PROVIDER = "provider";
    public static final String PARAM_INTRA_OP_THREADS = "intraOpThreads";
    public static final String PARAM_OPT_LEVEL = "optLevel";

    /** The method {@code bench} measures. */
    public static final String METHOD_RUN = "run";
    /** The method {@code ab} measures: {@link #METHOD_RUN} plus the thread's CPU time per call. */
    public static final String METHOD_RUN_WITH_CPU_TIME = "runWithCpuTime";
    /** Name of the secondary metric holding CPU nanoseconds per inference ({@link #runWithCpuTime}). */
    public static final String CPU_METRIC = "cpuNanosPerOp";

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * System property: when set, the session runs with ONNX Runtime profiling on and writes its
     * trace into this directory (used by {@code blockbench overhead}).
     */
    public static final String PROFILE_DIR_PROPERTY = "blockbench.ortProfileDir";

    /**
     * System property: the SHA-256 of the model bytes the sweep validated before it started this
     * fork; bytes with that hash are not validated again ({@link InferenceSession#open(Path,
     * SessionSettings, int, org.blockbench.ort.ModelOrigin, Optional)}).
     */
    public static final String VALIDATED_SHA256_PROPERTY = "blockbench.validatedSha256";

    /** Manifest id {@code Block/position}, or a path ending in {@code .onnx}. */
    @Param("ResNetBasicBlock/early")
    public String model;

    /** train, deploy, or a deploy variant int8 / fp16 (docs/quantization.md); ignored for a path, which is measured as given. */
    @Param("deploy")
    public String form;

    /** Batch size: the model's symbolic batch dimension is set to this. */
    @Param("1")
    public int batch;

    /** cpu or cuda. */
    @Param("cpu")
    public String provider;

    /** ONNX Runtime intra-op threads; 0 = ONNX Runtime's default (one per physical core). */
    @Param("1")
    public int intraOpThreads;

    /** Graph optimisation level: none, basic, extended, all. */
    @Param("all")
    public String optLevel;

    private InferenceSession session;
    /** Measured-iteration windows on the profile's clock; null unless profiling. */
    private MeasurementWindows windows;

    /** Pins this fork to the CPUs in {@value CpuSet#PROPERTY}, if set; creates the session, input and output tensors. */
    @Setup(Level.Trial)
    public void open() {
        CpuSet.pinFromProperty();
        Path file = ModelLocator.resolve(model, Form.parse(form), ModelLocator.modelsDir());
        SessionSettings settings = new SessionSettings(Provider.parse(provider), intraOpThreads,
                OptimizationLevel.parse(optLevel));
        String profileDir = System.getProperty(PROFILE_DIR_PROPERTY);
        if (profileDir != null) {
            try {
                Files.createDirectories(Path.of(profileDir));
            } catch (IOException e) {
                throw new org.blockbench.io.OutputWriteException("cannot create the profile directory " + profileDir + ": "
                        + org.blockbench.io.OutputWriteException.describe(e), e);
            }
            settings = settings.withProfiling(Path.of(profileDir, "ort-profile"));
        }
        session = InferenceSession.open(file, settings, batch, org.blockbench.ort.ModelOrigin.USER,
                Optional.ofNullable(System.getProperty(VALIDATED_SHA256_PROPERTY)));
        if (profileDir != null) {
            windows = new MeasurementWindows(session.profilingStartNanos());
        }
    }

    /** With profiling on, notes when a measured iteration starts (outside the measured region). */
    @Setup(Level.Iteration)
    public void beginIteration(IterationParams iteration) {
        if (windows != null && iteration.getType() == IterationType.MEASUREMENT) {
            windows.begin();
        }
    }

    /** With profiling on, notes when a measured iteration ends. */
    @TearDown(Level.Iteration)
    public void endIteration(IterationParams iteration) {
        if (windows != null && iteration.getType() == IterationType.MEASUREMENT) {
            windows.end();
        }
    }

    /** One inference; the result is closed (outputs stay in the pinned tensors) and sunk. */
    @Benchmark
    public void run(Blackhole sink) {
        try (OrtSession.Result result = session.run()) {
            sink.consume(result);
        }
    }

    /**
     * {@link #run} between two reads of this thread's CPU clock. With one intra-op thread ONNX
     * Runtime computes on the calling thread, so the CPU time is the compute time without the
     * time the thread waited for a CPU: on a shared machine, wall time measures the machine's
     * load as well as the model, CPU time much less so.
     */
    @Benchmark
    public void runWithCpuTime(Blackhole sink, CpuTime cpu) {
        long start = THREADS.getCurrentThreadCpuTime();
        run(sink);
        cpu.add(THREADS.getCurrentThreadCpuTime() - start);
    }

    /**
     * CPU time the benchmark thread spent per inference in the current iteration, reported by
     * JMH as the secondary metric {@value #CPU_METRIC} (one value per iteration, unit "#",
     * read as ns/op).
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CpuTime {
        /** CPU nanoseconds per call so far in this iteration. */
        public double cpuNanosPerOp;
        private long cpuNanos;
        private long calls;

        /** Starts the iteration's count afresh. */
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

    /** Ends profiling when it was on, then closes everything {@link #open()} created. */
    @TearDown(Level.Trial)
    public void close() {
        if (session != null) {
            try {
                if (windows != null) {
                    windows.writeBeside(session.endProfiling());
                }
            } finally {
                session.close();
                session = null;
            }
        }
    }
}
