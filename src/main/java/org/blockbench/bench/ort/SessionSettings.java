package org.blockbench.bench.ort;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession.SessionOptions;
import java.nio.file.Path;
import java.util.Optional;
import org.blockbench.onnx.OrtCallException;

/**
 * How a benchmark session is configured: execution provider, intra-op threads (0 = ONNX
 * Runtime's default, one per physical core), graph optimisation level, and optionally a
 * profiling file prefix. Inter-op threads are fixed at 1 and execution is sequential, so
 * that {@code intraOpThreads} is the only parallelism knob.
 */
public record SessionSettings(Provider provider, int intraOpThreads, OptimizationLevel optimizationLevel,
                              Optional<Path> profilePrefix) {

    public SessionSettings {
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("intraOpThreads must be >= 0 (0 = ONNX Runtime default), found " + intraOpThreads);
        }
    }

    /** Settings without profiling. */
    public SessionSettings(Provider provider, int intraOpThreads, OptimizationLevel optimizationLevel) {
        this(provider, intraOpThreads, optimizationLevel, Optional.empty());
    }

    /** The same settings with ONNX Runtime session profiling written to files starting with {@code prefix}. */
    public SessionSettings withProfiling(Path prefix) {
        return new SessionSettings(provider, intraOpThreads, optimizationLevel, Optional.of(prefix));
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
