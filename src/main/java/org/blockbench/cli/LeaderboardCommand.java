package org.blockbench.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.blockbench.pipeline.Workspace;
import org.blockbench.report.LatencySelection;
import org.blockbench.report.LeaderboardJob;
import org.blockbench.report.LeaderboardRequest;
import org.blockbench.report.LeaderboardSettings;
import org.blockbench.report.Targets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code blockbench leaderboard}: merges every result into leaderboards, CSV/JSON/Markdown/HTML and plots. */
@Command(name = "leaderboard", mixinStandardHelpOptions = true,
        description = {"Merge the manifest, static analysis, JMH latency results, training results and GWO complexity"
                + " into one leaderboard per dataset, and write analysis/: results.csv (BlockZoo's columns),"
                + " benchmark_results.csv (the GWO benchmark's columns), leaderboard.csv, leaderboard-blocks.csv,"
                + " leaderboard.json, leaderboard.md, leaderboard.html and plots/.",
            "Missing inputs leave empty cells and a note; they are never invented."})
public final class LeaderboardCommand implements Callable<Integer> {

    @Mixin
    ModelSelection selection;

    @Option(names = "--model-dir", defaultValue = Workspace.MODEL_DIR, paramLabel = "DIR",
            description = "Directory of the exported models, with manifest.json (default: ${DEFAULT-VALUE})")
    Path modelDir;

    @Option(names = "--models", hidden = true, paramLabel = "DIR")
    Path oldModels;

    @Option(names = "--analysis", description = "Static analysis file (default: <model-dir>/analysis.json)")
    Path analysis;

    @Option(names = "--jmh-results", defaultValue = Workspace.JMH_RESULTS, description = "Directory of JMH JSON results (default: ${DEFAULT-VALUE})")
    Path jmhResults;

    @Option(names = "--training", defaultValue = Workspace.TRAINING,
            description = "Directory of training results (default: ${DEFAULT-VALUE})")
    Path training;

    @Option(names = "--import-accuracy", paramLabel = "FILE",
            description = "Accuracy measured by another tool: BlockZoo's results.csv, or gwo-benchmark's benchmark_results.csv"
                    + " or leaderboard CSV (recognised by the header); repeatable. Shown marked and apart from measured"
                    + " accuracy, never averaged with it (docs/report.md).")
    List<Path> importAccuracy = new java.util.ArrayList<>();

    @Option(names = "--overhead", defaultValue = Workspace.OVERHEAD, paramLabel = "DIR",
            description = "Reports of `overhead --breakdown` (overhead.json) giving each model's time by operator type"
                    + " (default: ${DEFAULT-VALUE}; missing: no breakdown)")
    Path overhead;

    @Option(names = {"-o", "--out"}, defaultValue = Workspace.ANALYSIS, description = "Output directory (default: ${DEFAULT-VALUE})")
    Path output;

    @Option(names = "--output", hidden = true, paramLabel = "DIR")
    Path oldOutput;

    @Option(names = "--alpha", defaultValue = "1.0", description = "Weight of C_P in Omega = C_D + alpha*C_P (default: ${DEFAULT-VALUE})")
    double alpha;

    @Option(names = "--target-accuracy", defaultValue = "50", description = "Accuracy target, percent (default: ${DEFAULT-VALUE})")
    double targetAccuracy;

    @Option(names = "--max-latency-ms", defaultValue = "10", description = "Latency limit, ms (p90, or mean without percentiles) (default: ${DEFAULT-VALUE})")
    double maxLatencyMs;

    @Option(names = "--max-memory-mib", defaultValue = "32",
            description = "Memory limit, MiB (parameters + buffers + peak activations) (default: ${DEFAULT-VALUE})")
    double maxMemoryMib;

    @Option(names = "--form", defaultValue = "deploy", description = "Latency of this form: train or deploy (default: ${DEFAULT-VALUE})")
    String form;

    @Option(names = "--batch", defaultValue = "1", description = "Latency at this batch size (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--provider", defaultValue = "cpu", description = "Latency on this provider: cpu or cuda (default: ${DEFAULT-VALUE})")
    String provider;

    @Option(names = "--threads", defaultValue = "1", description = "Latency at this many intra-op threads (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--opt-level", defaultValue = "all", description = "Latency at this graph optimisation level (default: ${DEFAULT-VALUE})")
    String optLevel;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        java.io.PrintWriter out = spec.commandLine().getOut();
        LeaderboardSettings settings = new LeaderboardSettings(alpha, new Targets(targetAccuracy, maxLatencyMs, maxMemoryMib),
                new LatencySelection(form, batch, provider, threads, optLevel));
        Path modelDir = OldSpelling.pick(spec, "--models DIR", oldModels, "--model-dir DIR", this.modelDir);
        Path output = OldSpelling.pick(spec, "--output", oldOutput, "--out", this.output);
        Workspace workspace = new Workspace(modelDir, jmhResults, training, output, overhead);
        LeaderboardJob.Result result = LeaderboardJob.run(new LeaderboardRequest(workspace.manifest(),
                analysis != null ? analysis : workspace.analysisFile(), jmhResults, training, overhead, importAccuracy, settings,
                selection.selection(), output));
        result.summary().forEach(out::println);
        out.println("wrote:");
        result.written().forEach(p -> out.println("  " + p));
        out.flush();
        return ExitCodes.OK;
    }
}
