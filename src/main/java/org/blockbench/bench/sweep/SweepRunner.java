package org.blockbench.bench.sweep;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import org.blockbench.bench.BenchConfig;
import org.blockbench.bench.jmh.ModelCatalog;
import org.blockbench.bench.jmh.SlurmTask;
import org.blockbench.bench.SweepSelection.PlannedConfig;
import org.blockbench.bench.jmh.OrtBenchmarkParams;
import org.blockbench.bench.jmh.OrtInferenceBenchmark;
import org.blockbench.bench.result.ConfigMeta;
import org.blockbench.bench.result.JmhJson;
import org.blockbench.bench.result.JmhRecord;
import org.blockbench.bench.result.PreflightFacts;
import org.blockbench.bench.result.ResultRow;
import org.blockbench.bench.result.ResultsMetadata;
import org.blockbench.bench.result.RunEnvironment;
import org.blockbench.bench.result.SummaryTable;
import org.blockbench.BadInputException;
import org.blockbench.io.AtomicFile;
import org.blockbench.stats.Stats;
import org.blockbench.io.OutputWriteException;
import org.blockbench.text.Progress;
import org.openjdk.jmh.results.RunResult;

/**
 * Runs a sweep config by config. Each finished config's JMH JSON is written atomically before
 * the next starts; a failing config (bad model, unavailable provider, error in the fork) is
 * recorded and the sweep goes on. At the end the run's merged JMH JSON, metadata sidecar and
 * summary table are written, covering every finished config of the plan (earlier invocations'
 * included when resuming).
 */
public final class SweepRunner {

    private final PrintStream out;
    private final PrintStream err;
    private final Progress.Factory progress;

    /**
     * Summary to {@code out}; per-config failures to {@code err}; the sweep's progress through
     * {@code progress} when the request asks for it (else one line per config on {@code err}).
     */
    public SweepRunner(PrintStream out, PrintStream err, Progress.Factory progress) {
        this.out = out;
        this.err = err;
        this.progress = progress;
    }

    /**
     * Plans and runs {@code request}. In a Slurm array task the forks get the task's own temporary
     * directory and JMH lock (array tasks on one node share /tmp), removed when the sweep ends: a
     * node runs thousands of tasks over time, and none leaves its directory behind (a killed one's
     * is reused on requeue).
     */
    public SweepReport run(SweepRequest request) {
        Optional<SlurmTask> task = SlurmTask.current();
        try {
            return runPlan(task.map(t -> request.withJvmArg(t.isolateTemporaryFiles())).orElse(request));
        } finally {
            task.ifPresent(SlurmTask::removeTemporaryFiles);
        }
    }

    private SweepReport runPlan(SweepRequest request) {
        long started = System.nanoTime();
        List<PlannedConfig> plan = request.shard().select(request.selection().plan(ModelCatalog.open(request.modelSources())));
        RunDirectory dir = RunDirectory.choose(request.output(), request.run(), request.resume());
        dir.recordOrCheckOptions(request.measurementOptions());
        RunEnvironment environment = RunEnvironment.capture();
        ConfigExecutor executor = new ConfigExecutor(request.jmh(), request.jvmArgs(), request.verbose() ? out : null);
        err.println("bench: " + plan.size() + (plan.size() == 1 ? " config" : " configs") + (request.shard().isAll() ? "" : " (shard " + request.shard() + ")")
                + " -> " + dir.root() + "; energy " + environment.cpuEnergy());
        List<ConfigOutcome> outcomes = new ArrayList<>();
        RuntimeException defect = null;
        int rounds = request.rounds();
        // per config, the JMH results of the rounds so far (forks kept apart, joined when the last round ends)
        Map<String, List<Collection<RunResult>>> partial = new HashMap<>();
        Map<String, ConfigOutcome> settled = new HashMap<>();
        Map<String, Double> seconds = new HashMap<>();
        Map<String, PreflightFacts> preflights = new HashMap<>();
        try (Progress bar = display(request, plan.size() * rounds)) {
            for (int round = 1; round <= rounds; round++) {
                boolean last = round == rounds;
                for (PlannedConfig planned : RoundOrder.of(plan, round)) {
                    String key = planned.config().key();
                    if (bar != null) {
                        bar.message(rounds == 1 ? key : key + " (round " + round + "/" + rounds + ")");
                    }
                    if (settled.containsKey(key)) {
                        if (bar != null) {
                            bar.step();
                        }
                        continue;
                    }
                    ConfigOutcome outcome;
                    try {
                        if (request.resume() && dir.finished(key).isPresent() && sameModel(dir, key, planned)) {
                            outcome = new ConfigOutcome(planned, ConfigOutcome.Status.FINISHED_EARLIER, "", 0);
                        } else {
                            long start = System.nanoTime();
                            outcome = runOne(planned, dir, executor, partial.computeIfAbsent(key, k -> new ArrayList<>()), last,
                                    seconds.getOrDefault(key, 0.0), preflights);
                            seconds.merge(key, (System.nanoTime() - start) / 1e9, Double::sum);
                        }
                    } catch (JmhLockHeldException | OutputWriteException e) {
                        throw e;
                    } catch (RuntimeException e) {
                        // a defect in BlockBench, not the config's failure: the other configs still run (hours of
                        // measuring are not thrown away), then the command ends with this exception (exit 70, stack trace)
                        if (defect == null) {
                            defect = e;
                        } else {
                            defect.addSuppressed(e);
                        }
                        outcome = new ConfigOutcome(planned, ConfigOutcome.Status.FAILED, "defect in BlockBench: "
                                + org.blockbench.text.OneLine.firstLine(e.toString()), 0);
                    }
                    if (outcome == null) { // measured this round, more rounds to come
                        if (bar != null) {
                            bar.step();
                        } else {
                            err.println(String.format(Locale.ROOT, "round %d/%d of %s done", round, rounds, key));
                        }
                        continue;
                    }
                    settled.put(key, outcome);
                    partial.remove(key);
                    if (outcome.status() == ConfigOutcome.Status.FAILED) {
                        String failed = "FAILED " + outcome.failureLine();
                        if (bar == null) {
                            err.println(failed);
                        } else {
                            bar.println(failed);
                        }
                    } else if (bar == null) {
                        err.println(outcome.status() == ConfigOutcome.Status.FINISHED_EARLIER ? "done already " + key
                                : String.format(Locale.ROOT, "finished %s in %.1f s", key, outcome.wallSeconds()));
                    }
                    if (bar != null) {
                        bar.step();
                    }
                }
            }
        }
        for (PlannedConfig planned : plan) {
            outcomes.add(settled.get(planned.config().key()));
        }
        removeIfEmpty(dir.scratch());
        double wall = (System.nanoTime() - started) / 1e9;
        Path results = writeResults(request, dir, plan, outcomes, environment, wall);
        if (defect != null) {
            err.println("bench: a defect in BlockBench failed " + (1 + defect.getSuppressed().length)
                    + " config(s); the results of the others are written; its stack trace follows");
            throw defect;
        }
        return new SweepReport(dir.root(), results, outcomes, wall);
    }

    private Progress display(SweepRequest request, int size) {
        if (!request.progress() || request.verbose()) {
            return null;
        }
        return progress.start("bench", size, Progress.Unit.ITEMS);
    }

    /**
     * Runs one round of a config: its result file is written when {@code last}, joining the forks
     * of every round ({@code rounds} holds the earlier ones); before that, null.
     */
    private ConfigOutcome runOne(PlannedConfig planned, RunDirectory dir, ConfigExecutor executor, List<Collection<RunResult>> rounds,
                                 boolean last, double earlierSeconds, Map<String, PreflightFacts> preflights) {
        long start = System.nanoTime();
        BenchConfig config = planned.config();
        String key = config.key();
        try {
            PreflightFacts facts = preflights.get(key);
            if (facts == null) { // checked once, before the config's first fork
                facts = Preflight.check(planned, dir.scratch());
                preflights.put(key, facts);
            }
            Path log = rounds.isEmpty() ? dir.log(key) : dir.log(key + ".round-" + (rounds.size() + 1));
            // the fork skips validating the bytes the check validated (and nothing else)
            rounds.add(executor.run(config, modelsDirOf(planned),
                    java.util.Map.of(OrtInferenceBenchmark.VALIDATED_SHA256_PROPERTY, facts.modelSha256()), log));
            if (!last) {
                return null;
            }
            Collection<RunResult> results = joinRounds(rounds);
            double seconds = earlierSeconds + (System.nanoTime() - start) / 1e9;
            new ConfigMeta(key, Instant.now().toString(), seconds, dir.root().relativize(dir.log(key)).toString(), config.params(),
                    facts, executor.measuresEnergy()).write(dir.configMeta(key));
            AtomicFile.writeString(dir.configResult(key), JmhJson.write(results));
            return new ConfigOutcome(planned, ConfigOutcome.Status.MEASURED, "", seconds);
        } catch (RuntimeException e) {
            if (!ConfigFailure.ownedByConfig(e)) {
                throw e; // an unwritable output, the JMH lock or a defect: handled by run()
            }
            String message = e.getMessage() == null ? e.getClass().getName() : org.blockbench.text.OneLine.firstLine(e.getMessage());
            return new ConfigOutcome(planned, ConfigOutcome.Status.FAILED, message, earlierSeconds + (System.nanoTime() - start) / 1e9);
        }
    }

    /**
     * One result per mode holding the forks of every round, as {@code ab} joins its forks: the
     * record's {@code rawData} has one row per fork, while its {@code forks} field reads the
     * per-round count (each round was its own JMH run).
     */
    static Collection<RunResult> joinRounds(List<Collection<RunResult>> rounds) {
        if (rounds.size() == 1) {
            return rounds.get(0);
        }
        Map<String, RunResult> first = new java.util.LinkedHashMap<>();
        Map<String, List<org.openjdk.jmh.results.BenchmarkResult>> forks = new HashMap<>();
        for (Collection<RunResult> round : rounds) {
            for (RunResult r : round) {
                String mode = r.getParams().getMode().shortLabel();
                first.putIfAbsent(mode, r);
                forks.computeIfAbsent(mode, m -> new ArrayList<>()).addAll(r.getBenchmarkResults());
            }
        }
        List<RunResult> joined = new ArrayList<>();
        first.forEach((mode, r) -> joined.add(new RunResult(r.getParams(), forks.get(mode))));
        return joined;
    }

    /**
     * Whether the finished result of {@code key} was measured on the model file as it is now
     * (its SHA-256 in the config's metadata); a re-exported or replaced model is measured again,
     * and the line says why.
     */
    private boolean sameModel(RunDirectory dir, String key, PlannedConfig planned) {
        Optional<Path> file = planned.model().file(planned.config().form());
        Optional<String> measured = dir.measuredModelSha256(key);
        if (file.isEmpty() || !Files.isRegularFile(file.get())) {
            return true; // nothing to compare with: the config keeps its result, as before
        }
        String now = org.blockbench.onnx.OnnxModelFile.sha256(file.get());
        if (measured.isPresent() && measured.get().equals(now)) {
            return true;
        }
        err.println("bench: " + key + ": " + file.get() + " has SHA-256 " + now.substring(0, 12) + "…, its result was measured on "
                + measured.map(m -> m.substring(0, Math.min(12, m.length())) + "…").orElse("an unrecorded model")
                + "; measuring it again");
        return false;
    }

    /** The directory a zoo model's id resolves in (the manifest's), or the file's directory for a user's file. */
    private static Path modelsDirOf(PlannedConfig planned) {
        return planned.model().fromManifest() ? planned.model().origin() : planned.model().origin().getParent();
    }

    private Path writeResults(SweepRequest request, RunDirectory dir, List<PlannedConfig> plan, List<ConfigOutcome> outcomes,
                              RunEnvironment environment, double wall) {
        List<JmhRecord> elements = new ArrayList<>();
        List<ResultsMetadata.Config> configs = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (ConfigOutcome outcome : outcomes) {
            String key = outcome.planned().config().key();
            OrtBenchmarkParams params = outcome.planned().config().params();
            Optional<List<JmhRecord>> finished = outcome.status() == ConfigOutcome.Status.FAILED
                    ? Optional.empty() : dir.finished(key);
            if (finished.isPresent()) {
                elements.addAll(finished.get());
                configs.add(new ResultsMetadata.Config(key, outcome.statusLabel(), params,
                        dir.root().relativize(dir.configResult(key)).toString(), null, readMeta(dir.configMeta(key)).orElse(null)));
            } else {
                String message = outcome.status() == ConfigOutcome.Status.FAILED ? outcome.message() : "result file missing";
                configs.add(new ResultsMetadata.Config(key, "failed", params, null, message, null));
                failures.add(key + ": " + message);
            }
        }
        Path results = dir.results(request.shard());
        AtomicFile.writeString(results, JmhJson.array(elements));
        long measuredNow = outcomes.stream().filter(o -> o.status() == ConfigOutcome.Status.MEASURED).count();
        long finishedEarlier = outcomes.stream().filter(o -> o.status() == ConfigOutcome.Status.FINISHED_EARLIER).count();
        // the share of wall time that is evidence: the configs measured now, every round, inside measurement iterations
        double measuring = measuredNow * request.rounds() * request.jmh().measurementSecondsPerConfig();
        ResultsMetadata.Sweep sweep = new ResultsMetadata.Sweep(plan.size(), measuredNow, finishedEarlier, failures.size(), wall,
                measuring, wall > 0 ? measuring / wall : Double.NaN, Stats.of(outcomes.stream()
                        .filter(o -> o.status() == ConfigOutcome.Status.MEASURED).map(ConfigOutcome::wallSeconds).toList()).mean());
        // the environment is captured as the sweep starts, so its time is the run's start
        new ResultsMetadata(ResultsMetadata.FORMAT, results.getFileName().toString(), dir.name(), request.shard().toString(),
                environment.capturedAt(), environment, request.describe(), sweep, configs, null, null, null,
                null).write(dir.resultsMeta(request.shard()));
        String table = SummaryTable.render(elements.stream().map(ResultRow::of).toList(), failures);
        AtomicFile.writeString(dir.summary(request.shard()), table);
        out.print(table);
        out.printf(Locale.ROOT, "%n%d config(s): %d measured, %d finished earlier, %d failed; wall time %s%n", plan.size(),
                measuredNow, finishedEarlier, failures.size(), duration(wall));
        if (measuring > 0 && wall > 0) {
            out.printf(Locale.ROOT, "time inside JMH measurement iterations: %.1f s of %.1f s wall (%.0f %%)%n", measuring, wall,
                    100 * measuring / wall);
        }
        out.println("results: " + results + " (JMH JSON), " + dir.resultsMeta(request.shard()) + " (metadata)");
        return results;
    }

    private Optional<ConfigMeta> readMeta(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(ConfigMeta.read(file)) : Optional.empty();
        } catch (BadInputException e) {
            err.println("bench: " + org.blockbench.text.OneLine.firstLine(e.getMessage())
                    + "; the sidecar leaves that config's 'measured' facts out");
            return Optional.empty();
        }
    }

    private void removeIfEmpty(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (DirectoryNotEmptyException e) {
            // scratch still holds files (a failed preflight's profile): kept for a look, nothing failed
        } catch (IOException e) {
            err.println("bench: left the scratch directory " + dir + " in place (" + OutputWriteException.describe(e) + ")");
        }
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? String.format(Locale.ROOT, "%dm %02ds (%.1f s)", s / 60, s % 60, seconds)
                : String.format(Locale.ROOT, "%.1f s", seconds);
    }
}
