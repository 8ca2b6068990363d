package org.blockbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.blockbench.pack.BlockPackReader;
import org.blockbench.pack.RefusedPack;
import org.blockbench.zoo.build.BlockRegistry;
import org.blockbench.BadInputException;
import org.blockbench.train.TrainingProtocol;
import org.blockbench.data.DatasetName;
import org.blockbench.zoo.ModelId;
import org.blockbench.zoo.ScaffoldConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code blockbench run}: the main job in one command, on CPU — export → analyse → quick JMH
 * sweep → quick-protocol training on Fashion-MNIST or the synthetic dataset (docs/protocol.md §Quick protocol) → leaderboard — each step being the
 * corresponding subcommand with the options shown, so that any step can be rerun by hand.
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

    @Option(names = "--models", defaultValue = "onnx-models", description = "Models directory (default: ${DEFAULT-VALUE})")
    Path models;

    @Option(names = "--jmh-results", defaultValue = "jmh-results", description = "JMH results root (default: ${DEFAULT-VALUE})")
    Path jmhResults;

    @Option(names = {"-o", "--output"}, defaultValue = "analysis", description = "Leaderboard directory (default: ${DEFAULT-VALUE})")
    Path output;

    @Option(names = "--training", defaultValue = LeaderboardCommand.DEFAULT_TRAINING_DIR,
            description = "Training results directory (default: ${DEFAULT-VALUE})")
    Path training;

    @Option(names = "--forks", defaultValue = "1", description = "JMH forks per config (default: ${DEFAULT-VALUE})")
    int forks;

    @Option(names = "--warmup-iterations", defaultValue = "1", description = "JMH warm-up iterations (default: ${DEFAULT-VALUE})")
    int warmupIterations;

    // 3 rounds x 3 x 550 ms after 100 ms of warm-up: what limits the board's latency test is the machine's drift between
    // forks, not the samples inside one, so three forks a config resolve more per minute than two long ones (a third block
    // per position; docs/bench.md §Interleaved forks); the third iteration and the short warm-up (the 300 ms one read
    // the same as the measured ones) brought the share of wall time inside measurement to 59.7 % at 500 ms, and 550 ms
    // takes it past 60 % for 20 s more of a main job that stays under 15 minutes
    @Option(names = "--iterations", defaultValue = "3", description = "JMH measurement iterations (default: ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--iteration-time", defaultValue = "550ms", description = "JMH measurement iteration time (default: ${DEFAULT-VALUE})")
    String iterationTime;

    @Option(names = "--warmup-time", defaultValue = "100ms", description = "JMH warm-up iteration time (default: ${DEFAULT-VALUE})")
    String warmupTime;

    // three rounds, each measuring one position's configs back to back (bench.sweep.RoundOrder): the rank test takes
    // each (position, round) as a block, so a drift of the machine between rounds is not noise (docs/report.md §Ranks)
    @Option(names = "--rounds", defaultValue = "3", description = "Passes over the sweep, forks interleaved across configs"
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

    @Option(names = "--train-time-limit", paramLabel = "MIN", defaultValue = "360",
            description = "Minutes the sharded training steps may take; past it they are stopped, finished runs kept"
                    + " (--resume continues) and the job ends with exit 1 (default: ${DEFAULT-VALUE})")
    long trainTimeLimit;

    @Option(names = "--seeds", defaultValue = "0,1", split = ",", description = "Training seeds, comma-separated (default: ${DEFAULT-VALUE})")
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

    /** One step: a subcommand, its arguments, and how many shard processes run it at once (1: in this JVM). */
    record Step(String name, List<String> args, int processes) {
        Step(String name, List<String> args) {
            this(name, args, 1);
        }

        String commandLine() {
            return "blockbench " + String.join(" ", args);
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (String s : skip) {
            if (!List.of("export", "analyze", "bench", "train", "leaderboard").contains(s)) {
                throw org.blockbench.BadInputException.unknown("step", s, List.of("export", "analyze", "bench", "train", "leaderboard"));
            }
        }
        List<String> report = new ArrayList<>();
        int exit = ExitCodes.OK;
        long start = System.nanoTime();
        // Every pack is checked, ONNX Runtime probe included, before any step: a bad pack is left
        // out in one line and the job runs the rest (exit 1), so nothing of it is written.
        List<Path> packs = new ArrayList<>();
        List<String> refusedNames = new ArrayList<>();
        List<String> taken = new ArrayList<>(BlockRegistry.names());
        for (Path dir : blockPacks) {
            try {
                taken.add(BlockPackReader.read(dir, ScaffoldConfig.defaults().inputSize(), taken).name());
                packs.add(dir);
            } catch (RuntimeException e) {
                if (!RefusedPack.ownedByPack(e)) {
                    throw e;
                }
                RefusedPack refused = RefusedPack.of(dir, e);
                spec.commandLine().getErr().println("blockbench: " + refused.line());
                spec.commandLine().getErr().flush();
                report.add(String.format(Locale.ROOT, "%-12s REFUSED: %s", "block pack", refused.line()));
                exit = ExitCodes.FINDINGS;
                refusedName(dir).ifPresent(refusedNames::add);
            }
        }
        refusedNames.removeIf(taken::contains); // a zoo block's or an accepted pack's name stays selected
        if (selection.blocks != null && !selection.blocks.isEmpty() && packs.isEmpty()
                && refusedNames.containsAll(selection.blocks.stream().map(String::trim).toList())) {
            out.printf("%n== blockbench run: nothing left to run, every block --blocks names was refused%n");
            report.forEach(r -> out.println("  " + r));
            out.flush();
            return exit;
        }
        List<Step> steps = plan(packs, refusedNames);
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            out.printf("%n== step %d/%d, %s: %s%s%n", i + 1, steps.size(), step.name(), step.commandLine(),
                    step.processes() > 1 ? "  (as " + step.processes() + " processes, --shard i/" + step.processes() + ")" : "");
            out.flush();
            if (skip.contains(step.args().get(0))) {
                report.add(String.format(Locale.ROOT, "%-12s skipped (--skip)", step.name()));
                continue;
            }
            CommandLine cli = BlockBench.commandLine();
            if (!cli.getSubcommands().containsKey(step.args().get(0))) {
                report.add(String.format(Locale.ROOT, "%-12s MISSING: `blockbench %s` is not in this build", step.name(),
                        step.args().get(0)));
                exit = Math.max(exit, ExitCodes.FINDINGS);
                continue;
            }
            cli.setOut(out);
            cli.setErr(spec.commandLine().getErr());
            long t0 = System.nanoTime();
            int code = step.processes() > 1
                    ? ShardProcesses.run(step.args(), step.processes(), Duration.ofMinutes(trainTimeLimit), spec.commandLine().getErr())
                    : cli.execute(step.args().toArray(String[]::new));
            double seconds = (System.nanoTime() - t0) / 1e9;
            report.add(String.format(Locale.ROOT, "%-12s %8.1f s  exit %d", step.name(), seconds, code));
            if (code == ExitCodes.FINDINGS) {
                exit = Math.max(exit, ExitCodes.FINDINGS);
            } else if (code != ExitCodes.OK) {
                out.printf("%nstep %s failed (exit %d); stopping.%n", step.name(), code);
                report.forEach(r -> out.println("  " + r));
                out.flush();
                return code;
            }
        }
        double total = (System.nanoTime() - start) / 1e9;
        out.printf("%n== blockbench run: %d steps in %.1f s (%.1f min)%n", steps.size(), total, total / 60);
        report.forEach(r -> out.println("  " + r));
        if (!skip.contains("train")) {
            out.printf("accuracy: %s%n  a quick protocol that ranks blocks on a small task, not the published protocol"
                    + " (base_channels=64, 3 blocks/stage, 50 epochs of CIFAR-100); its fidelity: `blockbench fidelity`"
                    + " (docs/accuracy.md)%n", protocol().describe(dataset().id()));
        }
        out.println("outputs:");
        output(out, "manifest", models.resolve("manifest.json"));
        output(out, "analysis", models.resolve("analysis.json"));
        output(out, "latency", jmhResults);
        output(out, "training", training);
        for (String f : List.of("leaderboard.html", "leaderboard.md", "leaderboard.json", "leaderboard.csv", "leaderboard-blocks.csv",
                "results.csv", "benchmark_results.csv", "plots")) {
            output(out, "leaderboard", output.resolve(f));
        }
        out.flush();
        return exit;
    }

    private static void output(PrintWriter out, String what, Path p) {
        out.printf("  %-12s %s%s%n", what, p, java.nio.file.Files.exists(p) ? "" : "  (not produced)");
    }

    /** The name in a refused pack's descriptor, if it has a readable one (to drop it from --blocks). */
    private static java.util.Optional<String> refusedName(Path dir) {
        try {
            return java.util.Optional.of(BlockPackReader.name(dir));
        } catch (org.blockbench.BadInputException e) {
            return java.util.Optional.empty();
        }
    }

    /** The steps with their arguments, for the selected models and every pack given. */
    List<Step> plan() {
        return plan(blockPacks, List.of());
    }

    /**
     * The steps for the selected models and the packs in {@code packDirs}; {@code refusedNames},
     * the blocks of refused packs, are dropped from {@code --blocks}.
     */
    List<Step> plan(List<Path> packDirs, List<String> refusedNames) {
        // Only the packs' names here: each step reads and validates the packs itself.
        List<String> packBlocks = packDirs.stream().map(BlockPackReader::name).toList();
        List<String> known = new ArrayList<>(packBlocks);
        known.addAll(refusedNames);
        List<ModelId> ids = new ArrayList<>(selection.models(known).stream()
                .filter(id -> !refusedNames.contains(id.block())).toList());
        // A pack given to run is always exported, trained and on the board, as if --blocks named it.
        packBlocks.forEach(b -> selection.positions().forEach(p -> ids.add(new ModelId(b, p.id()))));
        List<String> scaffold = ids.stream().filter(id -> !id.isGwoNetwork()).map(ModelId::toString).distinct().toList();
        List<String> gwo = ids.stream().filter(ModelId::isGwoNetwork).map(ModelId::toString).toList();
        Path manifest = models.resolve("manifest.json");
        List<Step> steps = new ArrayList<>();
        List<String> packArgs = new ArrayList<>();
        packDirs.forEach(p -> packArgs.addAll(List.of("--block-pack", p.toString())));
        // --variants (opt-in): exported for bench and analyze, and made again from the trained weights by train
        steps.add(new Step("export", concat(concat(concat(List.of("export", "-q", "-o", models.toString()),
                selectionArgs(packBlocks, refusedNames)), packArgs), variantOptions.arguments())));
        steps.add(new Step("analyze", List.of("analyze", "--manifest", manifest.toString())));
        List<String> bench = new ArrayList<>(List.of("bench", "--models", models.toString(), "--all", "-o", jmhResults.toString(),
                "-f", Integer.toString(forks), "-wi", Integer.toString(warmupIterations), "-w", warmupTime,
                "-i", Integer.toString(iterations), "-r", iterationTime, "--rounds", Integer.toString(rounds)));
        List<String> variantIds = variantOptions.options().ordered().stream().map(org.blockbench.zoo.Form::id).toList();
        if (!variantIds.isEmpty()) {
            bench.addAll(List.of("--forms", "deploy," + String.join(",", variantIds)));
        }
        if (resume) {
            bench.add("--resume");
        }
        if (ignoreJmhLock) {
            bench.add("--ignore-jmh-lock");
        }
        steps.add(new Step("bench", bench));
        if (breakdown) {
            steps.add(new Step("overhead", List.of("overhead", "--models", models.toString(), "--all", "-o",
                    LeaderboardCommand.DEFAULT_OVERHEAD_DIR, "--run", "run", "--breakdown", "-f", "1", "-wi", "1", "-w", "200ms",
                    "-i", "1", "-r", "300ms")));
        }
        TrainingProtocol protocol = protocol();
        List<String> trainCommon = List.of("--manifest", manifest.toString(), "--dataset", dataset().id(),
                "--train-size", Integer.toString(protocol.trainSize()), "--val-size", Integer.toString(protocol.valSize()),
                "--seeds", String.join(",", seeds.stream().map(String::valueOf).toList()), "-o", training.toString(), "-q");
        if (retrain) {
            trainCommon = concat(trainCommon, List.of("--force"));
        }
        trainCommon = concat(trainCommon, variantOptions.arguments());
        if (!scaffold.isEmpty()) {
            steps.add(new Step("train", concat(concat(concat(List.of("train", "--models", String.join(",", scaffold)),
                    recipeArgs(protocol, protocol.scaffold())), packArgs), trainCommon), processes()));
        }
        if (!gwo.isEmpty()) {
            steps.add(new Step("train-gwo", concat(concat(List.of("train", "--models", String.join(",", gwo)),
                    recipeArgs(protocol, protocol.gwoNetworks())), trainCommon), processes()));
        }
        steps.add(new Step("leaderboard", concat(List.of("leaderboard", "--models", models.toString(), "--jmh-results",
                jmhResults.toString(), "--training", training.toString(), "-o", output.toString()),
                selectionArgs(packBlocks, refusedNames))));
        return steps;
    }

    /** Training processes at once: --train-processes, else the cores, at most 2. */
    int processes() {
        int n = trainProcesses != null ? trainProcesses : Math.min(2, Runtime.getRuntime().availableProcessors());
        if (n < 1) {
            throw new org.blockbench.BadInputException("--train-processes must be at least 1, found " + n);
        }
        return n;
    }

    /** The quick protocol with the options given here overriding it. */
    /** --dataset, or the quick protocol's default on this machine; only the two quick tasks are offered. */
    DatasetName dataset() {
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

    TrainingProtocol protocol() {
        TrainingProtocol q = TrainingProtocol.QUICK;
        return new TrainingProtocol(q.name(), baseChannels != null ? baseChannels : q.baseChannels(),
                blocksPerStage != null ? blocksPerStage : q.blocksPerStage(), trainSize != null ? trainSize : q.trainSize(),
                valSize != null ? valSize : q.valSize(), budget(q.scaffold()), budget(q.gwoNetworks()));
    }

    private TrainingProtocol.Budget budget(TrainingProtocol.Budget b) {
        return new TrainingProtocol.Budget(b.recipe(), epochs != null ? epochs : b.epochs(),
                trainBatch != null ? trainBatch : b.batchSize(), b.learningRate(), b.schedule());
    }

    /** train's options for budget {@code b} under {@code protocol}: recipe, scaffold size, epochs, batch, learning rate. */
    private static List<String> recipeArgs(TrainingProtocol protocol, TrainingProtocol.Budget b) {
        return List.of("--recipe", b.recipe(), "--base-channels", Integer.toString(protocol.baseChannels()),
                "--blocks-per-stage", Integer.toString(protocol.blocksPerStage()), "--epochs", Integer.toString(b.epochs()),
                "--batch", Integer.toString(b.batchSize()), "--lr", Double.toString(b.learningRate()),
                "--schedule", b.schedule().kind().id());
    }

    /**
     * The --blocks/--positions/--gwo-network options as given, to pass on to export and the board:
     * {@code packBlocks} added to --blocks (a pack given to run is always run, as if named; with
     * --gwo-network alone, --blocks is then the packs), {@code refusedNames} dropped from it.
     */
    private List<String> selectionArgs(List<String> packBlocks, List<String> refusedNames) {
        List<String> a = new ArrayList<>();
        boolean gwoAlone = selection.blocks == null && selection.positions == null && Boolean.TRUE.equals(selection.gwoNetwork);
        if (selection.blocks != null || gwoAlone && !packBlocks.isEmpty()) {
            List<String> blocks = new ArrayList<>(selection.blocks == null ? List.of() : selection.blocks);
            blocks.removeIf(b -> refusedNames.contains(b.trim()));
            packBlocks.stream().filter(b -> !blocks.contains(b)).forEach(blocks::add);
            a.add("--blocks");
            a.add(String.join(",", blocks));
        }
        if (selection.positions != null) {
            a.add("--positions");
            a.add(String.join(",", selection.positions));
        }
        if (selection.gwoNetwork != null) {
            a.add(selection.gwoNetwork ? "--gwo-network" : "--no-gwo-network");
        }
        return a;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> c = new ArrayList<>(a);
        c.addAll(b);
        return c;
    }
}
