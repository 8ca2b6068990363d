package org.blockbench.bench.sweep;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.blockbench.bench.profile.OrtProfile;
import org.blockbench.bench.result.PreflightFacts;
import org.blockbench.onnx.OnnxModelFile;
import org.blockbench.ort.ChildJvm;
import org.blockbench.ort.InferenceSession;
import org.blockbench.ort.ModelOrigin;
import org.blockbench.ort.OptimizationLevel;
import org.blockbench.ort.OrtCallException;
import org.blockbench.ort.Provider;
import org.blockbench.ort.SessionSettings;

/**
 * The part of {@link Preflight} that runs ONNX Runtime, done in a child JVM
 * ({@link ChildJvm}): opens the session exactly as the benchmark will, runs one profiled
 * inference, and checks from the profile that the requested provider ran the nodes.
 */
public final class PreflightProbe implements ChildJvm.Task<PreflightProbe.Request, PreflightFacts> {

    /**
     * What to probe, in serializable terms.
     *
     * @param file     the model file
     * @param origin   who built it (a zoo model or the user's file)
     * @param scratch  directory for the profile, deleted afterwards
     */
    public record Request(String file, ModelOrigin origin, String provider, int intraOpThreads, String optLevel,
                          int batch, String scratch) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** Needed by {@link ChildJvm}. */
    public PreflightProbe() {
    }

    @Override
    public PreflightFacts run(Request request) {
        Path file = Path.of(request.file());
        Provider provider = Provider.parse(request.provider());
        SessionSettings settings = new SessionSettings(provider, request.intraOpThreads(),
                OptimizationLevel.parse(request.optLevel())).withProfiling(Path.of(request.scratch(), "preflight"));
        try {
            Files.createDirectories(Path.of(request.scratch()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + request.scratch(), e);
        }
        Path profile = null;
        try (InferenceSession session = InferenceSession.open(file, settings, request.batch(), request.origin())) {
            session.run().close();
            profile = session.endProfiling();
            Map<String, Integer> used = OrtProfile.read(profile).nodesByProvider();
            if (!used.containsKey(provider.executionProviderName())) {
                throw new OrtCallException("provider " + provider.cliName() + " requested, but no node ran on "
                        + provider.executionProviderName() + " (nodes by provider: " + used + ")");
            }
            if (provider == Provider.CPU && used.size() > 1) {
                throw new OrtCallException("provider cpu requested, but nodes ran on " + used.keySet());
            }
            return new PreflightFacts(file.toString(), OnnxModelFile.sha256(file), session.input().toString(),
                    session.outputsPinned(), used);
        } finally {
            if (profile != null) {
                try {
                    Files.deleteIfExists(profile);
                } catch (IOException e) {
                    System.err.println("blockbench: cannot delete the pre-check profile " + profile + ": " + e.getMessage());
                }
            }
        }
    }
}
