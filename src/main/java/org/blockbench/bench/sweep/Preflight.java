package org.blockbench.bench.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.blockbench.BadInputException;
import org.blockbench.bench.BenchConfig;
import org.blockbench.bench.SweepSelection.PlannedConfig;
import org.blockbench.bench.ort.InferenceSession;
import org.blockbench.onnx.OrtCallException;
import org.blockbench.bench.ort.Provider;
import org.blockbench.bench.profile.OrtProfile;
import org.blockbench.onnx.OnnxModelFile;

/**
 * Checks a config in the sweep's own process before JMH forks for it: the model file exists
 * and is a valid ONNX model, ONNX Runtime loads it with the requested provider, its input is
 * an image batch, and one profiled inference runs. The profile says which execution provider
 * ran each node; a CUDA config whose nodes did not run on CUDA fails here, so a result never
 * claims a provider that did not run.
 */
public final class Preflight {

    private Preflight() {
    }

    /**
     * Checks {@code planned}; throws {@link BadInputException} or {@link OrtCallException} with a
     * one-line message when the config cannot run. {@code scratch} receives the profile,
     * which is deleted afterwards.
     */
    public static PreflightFacts check(PlannedConfig planned, Path scratch) {
        BenchConfig config = planned.config();
        Path file = planned.model().file(config.form()).orElseThrow(() -> new BadInputException("model "
                + config.model() + " has no " + config.form().id() + " graph; it has "
                + planned.model().files().keySet()));
        OnnxModelFile.read(file);
        try {
            Files.createDirectories(scratch);
        } catch (IOException e) {
            throw new org.blockbench.io.OutputWriteException(scratch, e);
        }
        Path profile = null;
        try (InferenceSession session = InferenceSession.open(file,
                config.sessionSettings().withProfiling(scratch.resolve("preflight")), config.batch())) {
            session.run().close();
            profile = session.endProfiling();
            Map<String, Integer> used = OrtProfile.read(profile).nodesByProvider();
            if (!used.containsKey(config.provider().executionProviderName())) {
                throw new OrtCallException("provider " + config.provider().cliName() + " requested, but no node ran on "
                        + config.provider().executionProviderName() + " (nodes by provider: " + used + ")");
            }
            if (config.provider() == Provider.CPU && used.size() > 1) {
                throw new OrtCallException("provider cpu requested, but nodes ran on " + used.keySet());
            }
            return new PreflightFacts(file.toString(), OnnxModelFile.sha256(file), session.input().toString(),
                    session.outputsPinned(), used);
        } finally {
            if (profile != null) {
                try {
                    Files.deleteIfExists(profile);
                } catch (IOException e) {
                    // a leftover scratch profile is harmless, but say it stays
                    System.err.println("preflight: left the scratch profile " + profile + " in place ("
                            + org.blockbench.io.OutputWriteException.describe(e) + ")");
                }
            }
        }
    }
}
