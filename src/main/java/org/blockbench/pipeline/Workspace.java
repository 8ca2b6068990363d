package org.blockbench.pipeline;

import java.nio.file.Path;
import org.blockbench.analysis.ZooAnalysis;
import org.blockbench.export.Manifest;

/**
 * Where one job's files live: the exported models with their manifest and analysis, the JMH
 * results, the training runs, the leaderboard and the overhead breakdowns. The one place that
 * names a job's directories and files; every command's defaults are these.
 *
 * @param modelDir   the exported models, {@code manifest.json} and {@code analysis.json}
 * @param jmhResults the JMH results root (one directory per run)
 * @param training   the training runs
 * @param analysis   the leaderboard's directory
 * @param overhead   the reports of {@code overhead --breakdown}, which the board reads
 */
public record Workspace(Path modelDir, Path jmhResults, Path training, Path analysis, Path overhead) {

    /** Default {@link #modelDir()}. */
    public static final String MODEL_DIR = "onnx-models";

    /** Default {@link #manifest()}. */
    public static final String MANIFEST = MODEL_DIR + "/" + Manifest.FILE_NAME;

    /** Default {@link #jmhResults()}. */
    public static final String JMH_RESULTS = "jmh-results";

    /** Default {@link #training()}, where {@code blockbench train} writes its runs. */
    public static final String TRAINING = "analysis/training";

    /** Where {@code blockbench fidelity} writes, beside the training runs, where the board reads its figure. */
    public static final String FIDELITY = "analysis/" + org.blockbench.report.LeaderboardInputs.FIDELITY_DIR;

    /** Default {@link #analysis()}. */
    public static final String ANALYSIS = "analysis";

    // never jmh-results: a profiled and a plain run of one config there made the next leaderboard exit 2
    /** Default {@link #overhead()}, where {@code run --breakdown} writes the reports the board reads. */
    public static final String OVERHEAD = "overhead-results";

    /** The default layout, relative to the working directory. */
    public static Workspace defaults() {
        return under(Path.of(""));
    }

    /** The default layout under {@code root}. */
    public static Workspace under(Path root) {
        return new Workspace(root.resolve(MODEL_DIR), root.resolve(JMH_RESULTS), root.resolve(TRAINING), root.resolve(ANALYSIS),
                root.resolve(OVERHEAD));
    }

    /** The export manifest. */
    public Path manifest() {
        return modelDir.resolve(Manifest.FILE_NAME);
    }

    /** The static analysis of the exported models. */
    public Path analysisFile() {
        return modelDir.resolve(ZooAnalysis.FILE_NAME);
    }
}
