package org.blockbench.bench.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.blockbench.BadInputException;
import org.blockbench.bench.result.PreflightFacts;
import org.blockbench.model.ValidatedModel;
import org.blockbench.bench.BenchConfig;
import org.blockbench.bench.SweepSelection.PlannedConfig;
import org.blockbench.ort.ChildJvm;
import org.blockbench.ort.ModelOrigin;
import org.blockbench.ort.OrtCallException;

/**
 * Checks a config before JMH forks for it: the model file exists and is a valid ONNX model
 * (here), then, in a child JVM ({@link PreflightProbe}), ONNX Runtime loads it with the
 * requested provider, its input is an image batch, and one profiled inference runs. The
 * profile says which execution provider ran each node; a CUDA config whose nodes did not run
 * on CUDA fails here, so a result never claims a provider that did not run. A native crash or
 * a hang in the child fails this config with one line and leaves the sweep running. A graph
 * whose bytes are exactly those BlockBench's exporter wrote from its own blocks (the manifest's
 * SHA-256; never a block pack's or a user's file) is probed in this JVM instead.
 */
public final class Preflight {

    /** How long the child JVM may take (JVM start, session creation, one inference). */
    public static final Duration TIME_LIMIT = Duration.ofMinutes(3);

    private Preflight() {
    }

    /** {@link #check(PlannedConfig, Path, Duration)} with {@link #TIME_LIMIT}. */
    public static PreflightFacts check(PlannedConfig planned, Path scratch) {
        return check(planned, scratch, TIME_LIMIT);
    }

    /**
     * Checks {@code planned}; throws {@link BadInputException} or {@link OrtCallException} with a
     * one-line message when the config cannot run, or when ONNX Runtime crashed or ran past
     * {@code limit} on it. {@code scratch} receives the profile, which is deleted afterwards.
     */
    public static PreflightFacts check(PlannedConfig planned, Path scratch, Duration limit) {
        BenchConfig config = planned.config();
        Path file = planned.model().file(config.form()).orElseThrow(() -> new BadInputException("model "
                + config.model().text() + " has no " + config.form().id() + " graph; it has "
                + planned.model().files().keySet()));
        ValidatedModel model = ValidatedModel.read(config.model(), config.form(), file);
        try {
            Files.createDirectories(scratch);
        } catch (IOException e) {
            throw new org.blockbench.io.OutputWriteException(scratch, e);
        }
        config.sessionSettings().requireProviderAvailable();
        PreflightProbe.Request request = new PreflightProbe.Request(file.toAbsolutePath().toString(),
                planned.model().fromManifest() ? ModelOrigin.BLOCKBENCH : ModelOrigin.USER,
                config.provider().cliName(), config.intraOpThreads(), config.optLevel().cliName(), config.batch(),
                scratch.toAbsolutePath().toString());
        PreflightFacts facts;
        if (planned.model().exportedByBlockBench(config.form(), model.sha256())) {
            // BlockBench's exporter built and validated these very bytes: ONNX Runtime runs them in this
            // JVM in a fraction of a child JVM's start-up, which went to every config of a sweep
            facts = new PreflightProbe().run(request);
        } else {
            facts = ChildJvm.call(PreflightProbe.class, request, file.toString(), limit);
        }
        if (!facts.modelSha256().equals(model.sha256())) {
            // the forks skip validating bytes with the facts' hash: it must be the hash of the validated bytes
            throw new BadInputException(file + ": the file changed while it was checked");
        }
        return facts;
    }
}
