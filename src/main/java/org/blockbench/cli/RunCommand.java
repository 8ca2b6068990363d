package org.blockbench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.blockbench.BadInputException;
import org.blockbench.bench.JmhSettings;
import org.blockbench.pack.RefusedPack;
import org.blockbench.train.FidelityResult;
import org.blockbench.pipeline.Job;
import org.blockbench.pipeline.JobRequest;
import org.blockbench.pipeline.Stage;
import org.blockbench.pipeline.Step;
import org.blockbench.pipeline.Workspace;
import org.blockbench.report.LeaderboardWriter;
import org.blockbench.train.TrainingProtocol;
import org.blockbench.data.DatasetName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code blockbench run}: the main job in one command, on CPU — export → analyse → quick JMH
 * sweep → quick-protocol training on Fashion-MNIST or the synthetic dataset (docs/protocol.md §Quick protocol) → leaderboard —
 * as the options' {@link JobRequest} to {@link Job}, which calls each stage's service in this process (training in shard
 * processes, {@link ShardProcesses}). Each step is printed as the subcommand that does the same ({@link StepCommands}), so
 * that any step can be rerun by hand.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"The main job on CPU: export the zoo, analyse it, a quick JMH latency sweep (on the full scaffold),"
                + " training under the quick protocol (reduced scaffold: base_channels 16, 1 block/stage; 2,048"
                + " Fashion-MNIST images where Debian's package is installed, else synthetic texture x layout images; 2 seeds; the blockzoo recipe; docs/protocol.md §Quick protocol),"
                + " and the leaderboard. Prints each step's command, its time, and the paths written.",
            "A step that fails with bad input or an I/O error stops the job; a benchmark config or training run that"
                + " fails is reported, the job goes on, and the exit code is 1. So is a --block-pack that fails its"
                + " checks (files, shapes, ONNX Runtime, finite outputs): it is refused in one line before any step and"
                + " the job runs the rest."})
public final class RunCommand implements Callable<Integer> {

    @Mixin
    ModelSelection selection;

    @Mixin
    VariantCliOptions variantOptions;

    @Option(names = "--model-dir", defaultValue = Workspace.MODEL_DIR, paramLabel = "DIR",
            description = "Directory of the exported models, with manifest.json (default: ${DEFAULT-VALUE})")
    Path modelDir;

    @Option(names = "--models", hidden = true, paramLabel = "DIR")
    Path oldModels;

    @Option(names = "--jmh-results", defaultValue = Workspace.JMH_RESULTS, description = "JMH results root (default: ${DEFAULT-VALUE})")
    Path jmhResults;

    @Option(names = {"-o", "--out"}, defaultValue = Workspace.ANALYSIS, description = "Leaderboard directory (default: ${DEFAULT-VALUE})")
    Path output;

    @Option(names = "--output", hidden = true, paramLabel = "DIR")
    Path oldOutput;

    @Option(names = "--training", defaultValue = Workspace.TRAINING,
            description = "Training results directory (default: ${DEFAULT-VALUE})")
    Path training;

    @Option(names = "--forks", defaultValue = JobRequest.FORKS, description = "JMH forks per config (default: ${DEFAULT-VALUE})")
    int forks;

    @Option(names = "--warmup-iterations", defaultValue = JobRequest.WARMUP_ITERATIONS, description = "JMH warm-up iterations (default: ${DEFAULT-VALUE})")
    int warmupIterations;

    @Option(names = "--iterations", defaultValue = JobRequest.ITERATIONS, description = "JMH measurement iterations (default: ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--iteration-time", defaultValue = JobRequest.ITERATION_TIME, description = "JMH measurement iteration time (default: ${DEFAULT-VALUE})")
    String iterationTime;

    @Option(names = "--warmup-time", defaultValue = JobRequest.WARMUP_TIME, description = "JMH warm-up iteration time (default: ${DEFAULT-VALUE})")
    String warmupTime;

    @Option(names = "--rounds", defaultValue = JobRequest.ROUNDS, description = "Passes over the sweep, forks interleaved across configs"
            + " (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--breakdown", description = "Also profile each model once (overhead --breakdown, short: 1 fork, 1 x 300 ms"
            + " measured) so the board shows where the time goes by operator type; costs two more JMH forks per model")
    boolean breakdown;

    @Option(names = "--dataset", description = "The quick protocol's task: synthetic or fashion-mnist (default: fashion-mnist"
            + " where Debian's dataset-fashion-mnist is installed, it ranks blocks closer to the long protocol; synthetic"
            + " otherwise; docs/accuracy.md)")
    String dataset;

    @Option(names = "--epochs",
            description = "Training epochs, overriding the quick protocol's (scaffold models 1, GWO networks 3; docs/protocol.md §Quick protocol)")
    Integer epochs;

    @Option(names = "--train-batch", description = "Training batch size, overriding the quick protocol's (16)")
    Integer trainBatch;

    @Option(names = "--train-size", description = "Training images, overriding the quick protocol's (2048)")
    Integer trainSize;

    @Option(names = "--val-size", description = "Validation images, overriding the quick protocol's (2048)")
    Integer valSize;

    @Option(names = "--base-channels",
            description = "Scaffold width of the trained models, overriding the quick protocol's (16; the published scaffold,"
                    + " which export and bench measure, has 64)")
    Integer baseChannels;

    @Option(names = "--blocks-per-stage",
            description = "Scaffold blocks per stage of the trained models, overriding the quick protocol's (1; published: 3)")
    Integer blocksPerStage;

    // one single-threaded run per core keeps every run bit-reproducible and was faster than LibTorch's own
    // threads on the quick protocol's small tensors; the shards train exactly the unsharded runs (bench.Shard)
    @Option(names = "--train-processes", paramLabel = "N",
            description = "Training runs at once, as N shard processes (train --shard i/N) into one directory"
                    + " (default: the cores, at most 2; 1: in this process)")
    Integer trainProcesses;

    @Option(names = "--train-time-limit", paramLabel = "MIN", defaultValue = JobRequest.TRAIN_TIME_LIMIT_MINUTES,
            description = "Minutes the sharded training steps may take; past it they are stopped, finished runs kept"
                    + " (--resume continues) and the job ends with exit 1 (default: ${DEFAULT-VALUE})")
    long trainTimeLimit;

    @Option(names = "--seeds", defaultValue = JobRequest.SEEDS, split = ",", description = "Training seeds, comma-separated (default: ${DEFAULT-VALUE})")
    List<Long> seeds;

    @Option(names = "--resume",
            description = "Continue an interrupted job: the sweep measures only the configs its latest run lacks (bench --resume);"
                    + " finished training runs are kept")
    boolean resume;

    @Option(names = "--retrain", description = "Redo training runs that already finished (train --force), e.g. after changing"
            + " --epochs or the sizes, which train otherwise refuses for an existing run")
    boolean retrain;

    @Option(names = "--ignore-jmh-lock", description = "Benchmark even while another JMH run holds /tmp/jmh.lock (results may be disturbed)")
    boolean ignoreJmhLock;

    @Option(names = "--skip", split = ",", paramLabel = "STEP",
            description = "Steps to skip: export, analyze, bench, train, leaderboard (their earlier results are used)")
    List<String> skip = new ArrayList<>();

    @Option(names = "--block-pack", paramLabel = "DIR",
            description = "A block pack (docs/own-block.md) exported, analysed, benchmarked,"
                    + " trained and shown beside the zoo (and, with --blocks, on the board as if named there); repeatable")
    List<Path> blockPacks = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        JobRequest request = request();
        ExitCodes exitCodes = new ExitCodes();
        Job job = new Job(out, err, (step, processes, limit) -> ShardProcesses.run(StepCommands.train(step), processes, limit, err),
                e -> exitCodes.handleExecutionException(e, spec.commandLine(), null), ConsoleProgress.of(false));
        List<String> report = new ArrayList<>();
        Job.Result result = job.run(request, new Job.Listener() {
            @Override
            public void refused(RefusedPack pack) {
                err.println("blockbench: " + pack.line());
                err.flush();
                report.add(String.format(Locale.ROOT, "%-12s REFUSED: %s", "block pack", pack.line()));
            }

            @Override
            public void starting(int index, int count, Step step) {
                int processes = step instanceof Step.Train t ? t.processes() : 1;
                out.printf("%n== step %d/%d, %s: blockbench %s%s%n", index + 1, count, step.name(),
                        String.join(" ", StepCommands.arguments(step)),
                        processes > 1 ? "  (as " + processes + " processes, --shard i/" + processes + ")" : "");
                out.flush();
            }
        });
        if (result.nothingLeft()) {
            out.printf("%n== blockbench run: nothing left to run, every block --blocks names was refused%n");
            report.forEach(r -> out.println("  " + r));
            out.flush();
            return result.exit();
        }
        for (Job.Outcome o : result.outcomes()) {
            report.add(o.skipped() ? String.format(Locale.ROOT, "%-12s skipped (--skip)", o.step().name())
                    : String.format(Locale.ROOT, "%-12s %8.1f s  exit %d", o.step().name(), o.seconds(), o.exit()));
        }
        if (result.stoppedAt().isPresent()) {
            Job.Outcome stop = result.stoppedAt().get();
            out.printf("%nstep %s failed (exit %d); stopping.%n", stop.step().name(), stop.exit());
            report.forEach(r -> out.println("  " + r));
            out.flush();
            return stop.exit();
        }
        out.printf("%n== blockbench run: %d steps in %.1f s (%.1f min)%n", result.outcomes().size(), result.seconds(),
                result.seconds() / 60);
        report.forEach(r -> out.println("  " + r));
        if (!request.skip().contains(Stage.TRAIN)) {
            String dataset = request.dataset().id();
            String fidelity = FidelityResult.reference(dataset).filter(f -> f.quick().equals(request.protocol().describe(dataset)))
                    .map(f -> String.format(Locale.ROOT, "Spearman ρ %.2f against a longer, wider protocol on %s, measured %s"
                            + " (docs/accuracy.md); `blockbench fidelity` measures it here", f.spearmanRho(), dataset,
                            f.finishedAt().substring(0, 10)))
                    .orElse("`blockbench fidelity` (docs/accuracy.md)");
            out.printf("accuracy: %s%n  a quick protocol that ranks blocks on a small task, not the published protocol"
                    + " (base_channels=64, 3 blocks/stage, 50 epochs of CIFAR-100); its fidelity: %s%n",
                    request.protocol().describe(dataset), fidelity);
        }
        Workspace w = request.workspace();
        out.println("outputs:");
        output(out, "manifest", w.manifest());
        output(out, "analysis", w.analysisFile());
        output(out, "latency", w.jmhResults());
        output(out, "training", w.training());
        for (String f : List.of(LeaderboardWriter.HTML, LeaderboardWriter.MARKDOWN, LeaderboardWriter.JSON,
                LeaderboardWriter.FULL_CSV, LeaderboardWriter.BLOCKS_CSV, LeaderboardWriter.BLOCKZOO_CSV, LeaderboardWriter.GWO_CSV,
                LeaderboardWriter.PLOTS_DIR)) {
            output(out, "leaderboard", w.analysis().resolve(f));
        }
        out.flush();
        return result.exit();
    }

    private static void output(PrintWriter out, String what, Path p) {
        out.printf("  %-12s %s%s%n", what, p, Files.exists(p) ? "" : "  (not produced)");
    }

    /** The job these options ask for. */
    JobRequest request() {
        Set<Stage> skipped = skip.stream().map(Stage::parse).collect(Collectors.toSet());
        Workspace workspace = new Workspace(OldSpelling.pick(spec, "--models DIR", oldModels, "--model-dir DIR", modelDir),
                jmhResults, training, OldSpelling.pick(spec, "--output", oldOutput, "--out", output), Path.of(Workspace.OVERHEAD));
        JmhSettings quick = JmhSettings.quick();
        JmhSettings jmh = new JmhSettings(Optional.of(forks), Optional.of(warmupIterations), Optional.of(JmhOptions.time(warmupTime)),
                Optional.of(iterations), Optional.of(JmhOptions.time(iterationTime)), quick.modes(), quick.timeUnit());
        return new JobRequest(workspace, selection.selection(), blockPacks, variantOptions.options(), jmh, rounds, breakdown,
                protocol(), dataset(), seeds, processes(), Duration.ofMinutes(trainTimeLimit), resume, retrain, ignoreJmhLock,
                skipped);
    }

    /** Training processes at once: --train-processes, else the cores, at most 2. */
    private int processes() {
        return trainProcesses != null ? trainProcesses : Math.min(2, Runtime.getRuntime().availableProcessors());
    }

    /** --dataset, or the quick protocol's default on this machine; only the two quick tasks are offered. */
    private DatasetName dataset() {
        if (dataset == null) {
            return DatasetName.quickDefault();
        }
        DatasetName d = DatasetName.parse(dataset);
        if (d != DatasetName.SYNTHETIC && d != DatasetName.FASHION_MNIST) {
            throw new BadInputException("run --dataset takes synthetic or fashion-mnist (the quick protocol's budget is"
                    + " for them); train " + d.id() + " with `blockbench train --dataset " + d.id() + "`");
        }
        return d;
    }

    /** The quick protocol with the options given here overriding it. */
    private TrainingProtocol protocol() {
        TrainingProtocol q = TrainingProtocol.QUICK;
        return new TrainingProtocol(q.name(), baseChannels != null ? baseChannels : q.baseChannels(),
                blocksPerStage != null ? blocksPerStage : q.blocksPerStage(), trainSize != null ? trainSize : q.trainSize(),
                valSize != null ? valSize : q.valSize(), budget(q.scaffold()), budget(q.gwoNetworks()));
    }

    private TrainingProtocol.Budget budget(TrainingProtocol.Budget b) {
        return new TrainingProtocol.Budget(b.recipe(), epochs != null ? epochs : b.epochs(),
                trainBatch != null ? trainBatch : b.batchSize(), b.learningRate(), b.schedule());
    }
}
