package org.blockbench.ort;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession.SessionOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How a benchmark session is configured: execution provider, intra-op threads (0 = ONNX
 * Runtime's default, one per physical core), graph optimisation level, and optionally a
 * profiling file prefix. Inter-op threads are fixed at 1 and execution is sequential, so
 * that {@code intraOpThreads} is the only parallelism knob. {@code timeLimit} bounds the wait
 * for session creation and for every call on caller-given inputs (see {@link InferenceSession}).
 */
public record SessionSettings(Provider provider, int intraOpThreads, OptimizationLevel optimizationLevel,
                              Optional<Path> profilePrefix, Duration timeLimit, Optional<Path> optimizedModelFile) {

    static {
        OrtNatives.initialize();
    }

    /** How long session creation or one evaluation may take unless a caller says otherwise. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofMinutes(5);

    public SessionSettings {
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("intraOpThreads must be >= 0 (0 = ONNX Runtime default), found " + intraOpThreads);
        }
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be positive, found " + timeLimit);
        }
    }

    /** Settings without profiling, with {@link #DEFAULT_TIME_LIMIT}. */
    public SessionSettings(Provider provider, int intraOpThreads, OptimizationLevel optimizationLevel) {
        this(provider, intraOpThreads, optimizationLevel, Optional.empty(), DEFAULT_TIME_LIMIT, Optional.empty());
    }

    /**
     * CPU settings for evaluating a graph on given inputs: one intra-op thread unless said
     * otherwise, and the given optimisation level ({@link OptimizationLevel#NONE} computes every
     * intermediate value exactly as the graph states it).
     */
    public static SessionSettings cpu(int intraOpThreads, OptimizationLevel optimizationLevel) {
        return new SessionSettings(Provider.CPU, intraOpThreads, optimizationLevel);
    }

    /** The same settings with ONNX Runtime session profiling written to files starting with {@code prefix}. */
    public SessionSettings withProfiling(Path prefix) {
        return new SessionSettings(provider, intraOpThreads, optimizationLevel, Optional.of(prefix), timeLimit,
                optimizedModelFile);
    }

    /** The same settings with another bound on session creation and evaluations. */
    public SessionSettings withTimeLimit(Duration limit) {
        return new SessionSettings(provider, intraOpThreads, optimizationLevel, profilePrefix, limit, optimizedModelFile);
    }

    /**
     * The same settings with ONNX Runtime writing the graph it optimised to {@code file} when the
     * session is created (what runs, e.g. whether an INT8 model got integer kernels).
     */
    public SessionSettings withOptimizedModelFile(Path file) {
        return new SessionSettings(provider, intraOpThreads, optimizationLevel, profilePrefix, timeLimit, Optional.of(file));
    }

    /**
     * Fails with one line when this ONNX Runtime build cannot give {@link #provider()}: the CPU
     * build has no CUDA execution provider.
     */
    public void requireProviderAvailable() {
        if (!OrtEnvironment.getAvailableProviders().contains(provider.ortProvider())) {
            throw new OrtCallException("provider " + provider.cliName() + " requested, but this ONNX Runtime build ("
                    + OrtBuild.describe() + ") offers only " + OrtBuild.availableProviderNames()
                    + (provider == Provider.CUDA ? "; CUDA needs the onnxruntime_gpu build (mvn -Pcuda package) and a CUDA device" : ""));
        }
    }

    /** New native session options for these settings; the caller owns (closes) them. */
    SessionOptions toSessionOptions() {
        requireProviderAvailable();
        SessionOptions options = new SessionOptions();
        try {
            options.setOptimizationLevel(optimizationLevel.ortLevel());
            options.setExecutionMode(SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            if (optimizedModelFile.isPresent()) {
                options.setOptimizedModelFilePath(optimizedModelFile.get().toString());
            }
            if (profilePrefix.isPresent()) {
                options.enableProfiling(profilePrefix.get().toString());
            }
            if (provider == Provider.CUDA) {
                addCuda(options);
            }
            return options;
        } catch (OrtException | RuntimeException e) {
            options.close();
            if (e instanceof OrtCallException failure) {
                throw failure;
            }
            throw new OrtCallException("cannot configure an ONNX Runtime session (" + this + ")", e);
        }
    }

    private static void addCuda(SessionOptions options) {
        try {
            options.addCUDA(0);
        } catch (OrtException e) {
            throw new OrtCallException("provider cuda: ONNX Runtime could not start the CUDA execution provider on device 0", e);
        }
    }
}
