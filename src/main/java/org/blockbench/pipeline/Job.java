package org.blockbench.pipeline;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;
import org.blockbench.BadInputException;
import org.blockbench.analysis.ZooAnalysis;
import org.blockbench.bench.JmhSettings;
import org.blockbench.bench.Shard;
import org.blockbench.bench.SweepSelection;
import org.blockbench.bench.overhead.OverheadRequest;
import org.blockbench.bench.overhead.OverheadSweep;
import org.blockbench.bench.sweep.SweepRequest;
import org.blockbench.bench.sweep.SweepRunner;
import org.blockbench.export.ExportRequest;
import org.blockbench.export.ExportResult;
import org.blockbench.export.Exporter;
import org.blockbench.ort.OptimizationLevel;
import org.blockbench.ort.Provider;
import org.blockbench.pack.BlockPackReader;
import org.blockbench.pack.RefusedPack;
import org.blockbench.report.LatencySelection;
import org.blockbench.report.LeaderboardJob;
import org.blockbench.report.LeaderboardRequest;
import org.blockbench.report.LeaderboardSettings;
import org.blockbench.report.Targets;
import org.blockbench.text.OneLine;
import org.blockbench.text.Progress;
import org.blockbench.train.TrainingSweep;
import org.blockbench.zoo.build.BlockRegistry;
import org.blockbench.zoo.Form;
import org.blockbench.zoo.ModelId;
import org.blockbench.zoo.ScaffoldConfig;
import org.blockbench.zoo.build.ZooSelection;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The main job: export → analyse → JMH sweep (→ overhead breakdown) → training → leaderboard,
 * each step a typed call of its stage's service, every file where the request's
 * {@link Workspace} puts it. Every block pack is checked, ONNX Runtime probe included, before
 * any step: a bad pack is left out and the job runs the rest. A step's own findings (a failed
 * config or run, exit 1) let the job go on; any other failure stops it.
 */
public final class Job {

    /** The board's settings when a job makes it: the leaderboard command's defaults. */
    private static final LeaderboardSettings BOARD = new LeaderboardSettings(1.0, new Targets(50, 10, 32),
            new LatencySelection("deploy", 1, "cpu", 1, "all"));

    /** The breakdown's short profiled run: 1 fork, 1 x 200 ms warm-up, 1 x 300 ms measured. */
    private static final JmhSettings BREAKDOWN_JMH = new JmhSettings(Optional.of(1), Optional.of(1),
            Optional.of(TimeValue.milliseconds(200)), Optional.of(1), Optional.of(TimeValue.milliseconds(300)),
            JmhSettings.quick().modes(), JmhSettings.quick().timeUnit());

    private final PrintWriter out;
    private final PrintWriter err;
    private final ShardedTraining sharded;
    private final ToIntFunction<RuntimeException> failures;
    private final Progress.Factory progress;

    /**
     * A job printing each step's output on {@code out} and {@code err}; {@code sharded} trains a
     * step in shard processes when the request asks for more than one; {@code failures} says what
     * a step's exception means, as an exit status (1: a finding, the job goes on; other: it stops);
     * the bench step's progress goes to {@code progress}.
     */
    public Job(PrintWriter out, PrintWriter err, ShardedTraining sharded, ToIntFunction<RuntimeException> failures,
            Progress.Factory progress) {
        this.out = out;
        this.err = err;
        this.sharded = sharded;
        this.failures = failures;
        this.progress = progress;
    }

    /**
     * A job for a library caller: each step's output on {@code out} and {@code err}, training in
     * this process only (a request for more processes is refused), a step's exception thrown on
     * to the caller, and the bench step's progress to {@code progress}
     * ({@link Progress.Factory#NONE} for none, {@link Progress#lines} for plain lines).
     */
    public Job(PrintWriter out, PrintWriter err, Progress.Factory progress) {
        this(out, err, (step, processes, limit) -> {
            throw new BadInputException("this job trains in its own process; ask for 1 training process, found " + processes);
        }, e -> {
            throw e;
        }, progress);
    }

    /** What the job hears as it goes. */
    public interface Listener {

        /** A pack was refused before any step, and is left out. */
        default void refused(RefusedPack pack) {
        }

        /** Step {@code index} (0-based) of {@code count} starts (or is skipped). */
        default void starting(int index, int count, Step step) {
        }
    }

    /**
     * One step's outcome.
     *
     * @param step    the step
     * @param skipped whether it was skipped
     * @param seconds its wall time
     * @param exit    its exit status (0 done, 1 findings, other: the job stopped there)
     */
    public record Outcome(Step step, boolean skipped, double seconds, int exit) {
    }

    /**
     * The job's outcome.
     *
     * @param refusedPacks the packs left out before any step
     * @param nothingLeft  every block the selection named was refused: no step ran
     * @param outcomes     each step's outcome, up to the one that stopped the job
     * @param seconds      the job's wall time
     */
    public record Result(List<RefusedPack> refusedPacks, boolean nothingLeft, List<Outcome> outcomes, double seconds) {

        public Result {
            refusedPacks = List.copyOf(refusedPacks);
            outcomes = List.copyOf(outcomes);
        }

        /** The step that stopped the job, if one did. */
        public Optional<Outcome> stoppedAt() {
            return outcomes.stream().filter(o -> o.exit() > 1).findFirst();
        }

        /** 0: everything ran clean; 1: a refused pack or a step's findings; else the stopping step's status. */
        public int exit() {
            Optional<Outcome> stop = stoppedAt();
            if (stop.isPresent()) {
                return stop.get().exit();
            }
            boolean findings = !refusedPacks.isEmpty() || outcomes.stream().anyMatch(o -> o.exit() == 1);
            return findings ? 1 : 0;
        }
    }

    /** Runs {@code request}. */
    public Result run(JobRequest request, Listener listener) {
        long start = System.nanoTime();
        List<Path> packs = new ArrayList<>();
        List<String> refusedNames = new ArrayList<>();
        List<RefusedPack> refused = new ArrayList<>();
        List<String> taken = new ArrayList<>(BlockRegistry.names());
        for (Path dir : request.blockPacks()) {
            try {
                taken.add(BlockPackReader.read(dir, ScaffoldConfig.defaults().inputSize(), taken).name());
                packs.add(dir);
            } catch (RuntimeException e) {
                if (!RefusedPack.ownedByPack(e)) {
                    throw e;
                }
                RefusedPack r = RefusedPack.of(dir, e);
                refused.add(r);
                listener.refused(r);
                refusedName(dir).ifPresent(refusedNames::add);
            }
        }
        refusedNames.removeIf(taken::contains); // a zoo block's or an accepted pack's name stays selected
        List<String> blocks = request.selection().blocks();
        if (blocks != null && !blocks.isEmpty() && packs.isEmpty() && refusedNames.containsAll(blocks)) {
            return new Result(refused, true, List.of(), (System.nanoTime() - start) / 1e9);
        }
        List<Step> steps = plan(request, packs, refusedNames);
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            listener.starting(i, steps.size(), step);
            if (step.stage().isPresent() && request.skip().contains(step.stage().get())) {
                outcomes.add(new Outcome(step, true, 0, 0));
                continue;
            }
            long t0 = System.nanoTime();
            int exit;
            try {
                exit = execute(step, request);
            } catch (RuntimeException e) {
                exit = failures.applyAsInt(e);
            }
            outcomes.add(new Outcome(step, false, (System.nanoTime() - t0) / 1e9, exit));
            if (exit > 1) {
                break;
            }
        }
        return new Result(refused, false, outcomes, (System.nanoTime() - start) / 1e9);
    }

    /** The name in a refused pack's descriptor, if it has a readable one (to drop it from the selection). */
    private static Optional<String> refusedName(Path dir) {
        try {
            return Optional.of(BlockPackReader.name(dir));
        } catch (BadInputException e) {
            return Optional.empty();
        }
    }

    /** The steps of {@code request}, for the packs {@code request} gives (all of them checked). */
    public static List<Step> plan(JobRequest request) {
        return plan(request, request.blockPacks(), List.of());
    }

    /**
     * The steps for the selected models and the packs in {@code packDirs}; {@code refusedNames},
     * the blocks of refused packs, are dropped from the selection.
     */
    static List<Step> plan(JobRequest request, List<Path> packDirs, List<String> refusedNames) {
        Workspace w = request.workspace();
        // only the packs' names here: each step reads and validates the packs itself
        List<String> packBlocks = packDirs.stream().map(BlockPackReader::name).toList();
        List<String> known = new ArrayList<>(packBlocks);
        known.addAll(refusedNames);
        List<ModelId> ids = new ArrayList<>(request.selection().models(known).stream()
                .filter(id -> !refusedNames.contains(id.block())).toList());
        // a pack given to a job is always exported, trained and on the board, as if the selection named it
        packBlocks.forEach(b -> request.selection().positionList().forEach(p -> ids.add(new ModelId(b, p.id()))));
        List<ModelId> scaffold = ids.stream().filter(id -> !id.isGwoNetwork()).distinct().toList();
        List<ModelId> gwo = ids.stream().filter(ModelId::isGwoNetwork).toList();
        ZooSelection shown = request.selection().withPacks(packBlocks, refusedNames);
        List<Step> steps = new ArrayList<>();
        // variants (opt-in): exported for bench and analyze, and made again from the trained weights by train
        steps.add(new Step.Export(new ExportRequest(w.modelDir(), ScaffoldConfig.defaults(), request.variants(), false, shown,
                packDirs)));
        steps.add(new Step.Analyze(w.manifest()));
        List<Form> forms = new ArrayList<>(List.of(Form.DEPLOY));
        forms.addAll(request.variants().ordered());
        SweepSelection sweep = new SweepSelection(List.of(), List.of(), forms, List.of(1), List.of(Provider.CPU), List.of(1),
                List.of(OptimizationLevel.ALL));
        steps.add(new Step.Bench(new SweepRequest(List.of(w.modelDir()), sweep, request.jmh(), Shard.of(null, System.getenv()),
                w.jmhResults(), Optional.empty(), request.resume(), List.of(), false, true, request.rounds()),
                request.ignoreJmhLock()));
        if (request.breakdown()) {
            steps.add(new Step.Overhead(new OverheadRequest(List.of(w.modelDir()),
                    new SweepSelection(List.of(), List.of(), List.of(Form.DEPLOY), List.of(1), List.of(Provider.CPU), List.of(1),
                            List.of(OptimizationLevel.ALL)),
                    BREAKDOWN_JMH, w.overhead(), "run", List.of(), 10, false, true)));
        }
        if (!scaffold.isEmpty()) {
            steps.add(new Step.Train("train", training(request, scaffold, packDirs, request.protocol().scaffold()),
                    request.trainProcesses()));
        }
        if (!gwo.isEmpty()) {
            steps.add(new Step.Train("train-gwo", training(request, gwo, List.of(), request.protocol().gwoNetworks()),
                    request.trainProcesses()));
        }
        steps.add(new Step.Leaderboard(new LeaderboardRequest(w.manifest(), w.analysisFile(), w.jmhResults(), w.training(),
                w.overhead(), List.of(), BOARD, shown, w.analysis())));
        return steps;
    }

    private static TrainingStep training(JobRequest request, List<ModelId> models, List<Path> packDirs,
            org.blockbench.train.TrainingProtocol.Budget budget) {
        Workspace w = request.workspace();
        return new TrainingStep(models, packDirs, w.manifest(), request.protocol(), budget, request.dataset(), request.seeds(),
                w.training(), request.retrain(), request.variants());
    }

    /** Runs one step; its exit status (0 or 1; a sharded training step's may be worse). */
    private int execute(Step step, JobRequest request) {
        if (step instanceof Step.Export s) {
            ExportResult r = Exporter.run(s.request(), pack -> {
                err.println("blockbench: " + pack.line());
                err.flush();
            }, Progress.Factory.NONE);
            r.summary(s.request().out()).forEach(out::println);
            r.refusedVariants().forEach(line -> err.println("blockbench: " + OneLine.of(line)));
            out.flush();
            err.flush();
            return r.findings() ? 1 : 0;
        }
        if (step instanceof Step.Analyze s) {
            ZooAnalysis.Result r = ZooAnalysis.writeBeside(s.manifest());
            r.warnings().forEach(w -> err.println(OneLine.of("blockbench: warning: " + w)));
            out.println("analysed " + r.models() + " models (train and deploy); wrote " + r.file());
            out.flush();
            err.flush();
            return 0;
        }
        if (step instanceof Step.Bench s) {
            if (s.ignoreJmhLock()) {
                System.setProperty("jmh.ignoreLock", "true");
            }
            return new SweepRunner(System.out, System.err, progress).run(s.request()).failures().isEmpty() ? 0 : 1;
        }
        if (step instanceof Step.Overhead s) {
            return new OverheadSweep(System.out, System.err).run(s.request()).failures().isEmpty() ? 0 : 1;
        }
        if (step instanceof Step.Train s) {
            if (s.processes() > 1) {
                return sharded.train(s.step(), s.processes(), request.trainTimeLimit());
            }
            return TrainingSweep.run(s.step().request(Shard.ALL), TrainingSweep.printing(out, System.err, Progress.Factory.NONE)).findings() ? 1 : 0;
        }
        Step.Leaderboard s = (Step.Leaderboard) step;
        LeaderboardJob.Result r = LeaderboardJob.run(s.request());
        r.summary().forEach(out::println);
        out.println("wrote:");
        r.written().forEach(p -> out.println("  " + p));
        out.flush();
        return 0;
    }
}
