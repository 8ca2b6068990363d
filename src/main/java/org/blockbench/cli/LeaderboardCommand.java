package org.blockbench.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.blockbench.gwo.GwoComplexity;
import org.blockbench.report.Leaderboard;
import org.blockbench.report.LeaderboardBuilder;
import org.blockbench.report.LeaderboardInputs;
import org.blockbench.report.LeaderboardSettings;
import org.blockbench.report.LatencySelection;
import org.blockbench.model.ModelRef;
import org.blockbench.report.LeaderboardWriter;
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

    @Option(names = "--models", defaultValue = "onnx-models", description = "Directory with manifest.json (default: ${DEFAULT-VALUE})")
    Path models;

    @Option(names = "--analysis", description = "Static analysis file (default: <models>/analysis.json)")
    Path analysis;

    @Option(names = "--jmh-results", defaultValue = "jmh-results", description = "Directory of JMH JSON results (default: ${DEFAULT-VALUE})")
    Path jmhResults;

    @Option(names = "--training", defaultValue = DEFAULT_TRAINING_DIR,
            description = "Directory of training results (default: ${DEFAULT-VALUE})")
    Path training;

    /** Where {@code blockbench train} writes its run results. */
    public static final String DEFAULT_TRAINING_DIR = "analysis/training";

    @Option(names = "--import-accuracy", paramLabel = "FILE",
            description = "Accuracy measured by another tool: BlockZoo's results.csv, or gwo-benchmark's benchmark_results.csv"
                    + " or leaderboard CSV (recognised by the header); repeatable. Shown marked and apart from measured"
                    + " accuracy, never averaged with it (docs/report.md).")
    List<Path> importAccuracy = new java.util.ArrayList<>();

    @Option(names = "--overhead", defaultValue = DEFAULT_OVERHEAD_DIR, paramLabel = "DIR",
            description = "Reports of `overhead --breakdown` (overhead.json) giving each model's time by operator type"
                    + " (default: ${DEFAULT-VALUE}; missing: no breakdown)")
    Path overhead;

    /** Where {@code run --breakdown} writes the overhead reports the board reads. */
    public static final String DEFAULT_OVERHEAD_DIR = "overhead-results";

    @Option(names = {"-o", "--output"}, defaultValue = "analysis", description = "Output directory (default: ${DEFAULT-VALUE})")
    Path output;

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
        new GwoComplexity(0, 0).omega(alpha); // validates alpha before any work
        Path analysisFile = analysis != null ? analysis : models.resolve("analysis.json");
        LeaderboardInputs inputs = LeaderboardInputs.load(models.resolve("manifest.json"), analysisFile, jmhResults, training)
                .withImportedAccuracy(importAccuracy);
        List<String> breakdownNotes = new java.util.ArrayList<>();
        Leaderboard lb = LeaderboardBuilder.build(inputs, settings, filter(inputs)).withTimeByOpType(
                org.blockbench.report.OpTimeShares.readDirectory(overhead, settings.latency(), breakdownNotes), breakdownNotes);
        List<Path> written = LeaderboardWriter.write(lb, output);
        for (var b : lb.boards()) {
            long trained = b.rows().stream().filter(r -> r.accuracy() != null).count();
            long timed = b.rows().stream().filter(r -> r.latency() != null).count();
            long imported = b.rows().stream().filter(r -> r.imported() != null).count();
            out.printf("dataset %s: %d models, %d with latency, %d with accuracy%s%n", b.dataset(), b.rows().size(), timed, trained,
                    imported == 0 ? "" : ", " + imported + " with imported accuracy");
        }
        lb.notes().forEach(n -> out.println("note: " + n));
        out.println("wrote:");
        written.forEach(p -> out.println("  " + p));
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * Every model unless --blocks/--positions/--gwo-network narrow the zoo (users' files then drop out
     * too); --blocks may also name the blocks of packs exported into the manifest.
     */
    private Predicate<ModelRef> filter(LeaderboardInputs inputs) {
        if (selection.blocks == null && selection.positions == null && selection.gwoNetwork == null) {
            return k -> true;
        }
        List<String> packBlocks = inputs.manifest() == null ? List.of() : inputs.manifest().models().stream()
                .filter(e -> !e.position().equals(org.blockbench.zoo.ModelId.GWO_NETWORK))
                .map(org.blockbench.export.ManifestEntry::block)
                .filter(b -> !org.blockbench.zoo.build.BlockRegistry.names().contains(b)).distinct().toList();
        Set<String> chosen = selection.models(packBlocks).stream().map(Object::toString)
                .collect(Collectors.toCollection(java.util.HashSet::new));
        selection.packModels(packBlocks).forEach(id -> chosen.add(id.toString()));
        return k -> !k.isFile() && chosen.contains(k.label());
    }
}
