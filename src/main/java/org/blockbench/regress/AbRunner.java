package org.blockbench.regress;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.blockbench.BadInputException;
import org.blockbench.bench.jmh.OrtInferenceBenchmark;
import org.blockbench.bench.sweep.Preflight;
import org.blockbench.bench.sweep.PreflightProbe;
import org.blockbench.RunFailedException;
import org.blockbench.bench.sweep.ConfigExecutor;
import org.blockbench.io.AtomicFile;
import org.blockbench.onnx.OnnxModelFile;
import org.blockbench.ort.ChildJvm;
import org.blockbench.ort.ModelOrigin;
import org.blockbench.ort.OptimizationLevel;
import org.blockbench.ort.Provider;
import org.blockbench.text.NumberText;
import org.blockbench.text.Progress;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Measures two configurations in one session, fork by fork: each fork is one JMH run of
 * {@link OrtInferenceBenchmark} (the class and session {@code bench} measures, through its
 * {@link OrtInferenceBenchmark#runWithCpuTime} method) with {@code forks = 1}, alternating the sides in ABBA order (see
 * {@link AbPlan}), so that machine drift during the session hits both sides alike. The forks
 * of each side are then merged into one standard JMH JSON file ({@code a.json}, {@code b.json};
 * one {@code rawData} row per fork, while the record's {@code forks} field still reads 1
 * because every fork was its own JMH run) and compared with {@link RegressionCheck}, B
 * against A. While another JMH session holds JMH's machine-wide lock, a fork waits for it
 * (up to {@value #LOCK_WAIT_SECONDS} s) instead of measuring alongside it.
 */
public final class AbRunner {

    /** How long a fork waits for another JMH session (which holds JMH's machine-wide lock) to finish. */
    static final long LOCK_WAIT_SECONDS = 1800;
    private static final long LOCK_POLL_MILLIS = 2000;

    private AbRunner() {
    }

    /**
     * What an A/B session produced: the report on the metric the verdict is taken from, and
     * the comparison on the other metric (wall time or CPU time), which the report also notes.
     */
    public record Outcome(Path aJson, Path bJson, ComparisonReport report, Comparison other) {
    }

    /**
     * An A/B session asked for by an {@link AbRequest}: its outcome and the report files.
     *
     * @param outcome the sides' JMH JSON, the report and the comparison on the other metric
     * @param request what was asked for
     * @param reports the report in each format
     */
    public record Result(Outcome outcome, AbRequest request, List<Path> reports) {

        public Result {
            reports = List.copyOf(reports);
        }

        /** Whether B is slower than A on the verdict's metric. */
        public boolean regression() {
            return verdict().verdict() == Verdict.SLOWER;
        }

        /** The verdict with its medians, ratio, interval and p; the other metric's; the files written. */
        public List<String> summary() {
            Comparison c = verdict();
            Comparison o = outcome.other();
            boolean wall = request.verdictMetric().equals(Metric.PRIMARY);
            return List.of(
                    String.format(Locale.ROOT, "%s %s: median %s → %s %s, time ratio %.3f, %s interval [%.3f, %.3f], p %s — %s",
                            wall ? "wall time" : "CPU time", c.verdict().text(), median(c.baseMedian()), median(c.newMedian()),
                            c.unit(), c.timeRatio(), Math.round(100 * request.policy().confidence()) + " %",
                            c.interval() == null ? Double.NaN : c.interval().low(),
                            c.interval() == null ? Double.NaN : c.interval().high(), c.pValueText(), c.reason()),
                    String.format(Locale.ROOT, "(%s: %s, time ratio %.3f, p %s)", wall ? "CPU time" : "wall time",
                            o.verdict().text(), o.timeRatio(), o.pValueText()),
                    "reports: " + reports + ", JMH JSON: " + outcome.aJson() + ", " + outcome.bJson());
        }

        private Comparison verdict() {
            return outcome.report().comparisons().get(0);
        }

        private static String median(double x) {
            return String.format(Locale.ROOT, "%.4g", x);
        }
    }

    /**
     * Runs the session {@code request} asks for, its forks' progress to {@code progress}, and writes
     * its report ({@link #run(AbSide, AbSide, AbPlan, VerdictPolicy, Metric, double, Path, Progress.Factory)}).
     */
    public static Result run(AbRequest request, Progress.Factory progress) {
        ComparisonReportFiles reports = request.reports();
        Outcome outcome = run(request.a(), request.b(), request.plan(), request.policy(), request.verdictMetric(),
                request.minCpuShare(), reports.out().resolve(reports.name()), progress);
        return new Result(outcome, request, reports.write(outcome.report()));
    }

    /**
     * Runs the session and compares B (candidate) with A (baseline). Both sides are first
     * checked as {@code bench} checks a config ({@link PreflightProbe}, in a child JVM) so that
     * a bad model or option fails, and a crashing one dies, before any fork.
     * JMH's own output for fork {@code i} goes to {@code outDir/logs/fork-i-SIDE.log}; the forks'
     * progress to {@code progress}.
     */
    public static Outcome run(AbSide a, AbSide b, AbPlan plan, VerdictPolicy policy, Metric verdictMetric,
            double minCpuShare, Path outDir, Progress.Factory progress) {
        plan.cpus().ifPresent(cpus -> cpus.requireThreads(Math.max(a.threads(), b.threads())));
        for (AbSide side : List.of(a, b)) {
            probe(side, outDir);
        }
        List<BenchmarkResult> resultsA = new ArrayList<>();
        List<BenchmarkResult> resultsB = new ArrayList<>();
        RunResult firstA = null;
        RunResult firstB = null;
        List<Boolean> order = plan.order();
        try (Progress bar = progress.start("A/B forks", order.size(), Progress.Unit.ITEMS)) {
            for (int i = 0; i < order.size(); i++) {
                AbSide side = order.get(i) ? a : b;
                bar.message(side.label() + " (" + side.model().getFileName() + ")");
                Path log = outDir.resolve("logs").resolve(String.format(Locale.ROOT, "fork-%02d-%s.log", i + 1, side.label()));
                RunResult result = runFork(side, plan, log);
                if (order.get(i)) {
                    firstA = firstA == null ? result : firstA;
                    resultsA.addAll(result.getBenchmarkResults());
                } else {
                    firstB = firstB == null ? result : firstB;
                    resultsB.addAll(result.getBenchmarkResults());
                }
                bar.step();
            }
        }
        Path aJson = outDir.resolve("a.json");
        Path bJson = outDir.resolve("b.json");
        writeJmhJson(aJson, new RunResult(firstA.getParams(), resultsA));
        writeJmhJson(bJson, new RunResult(firstB.getParams(), resultsB));
        RunFiles files = new RunFiles(); // a.json and b.json read once for both metrics
        Comparison wall = comparePair(files, aJson, bJson, Metric.PRIMARY, policy);
        Comparison cpu = comparePair(files, aJson, bJson, Metric.CPU_TIME, policy);
        List<String> busy = List.of();
        if (minCpuShare > 0) {
            ComparisonReport guarded = BusyMachineGuard.apply(new ComparisonReport("", "", "", policy, List.of(wall), List.of(),
                    List.of(), List.of(), Instant.EPOCH), Pairing.refiled(files.metric(aJson, Metric.CPU_TIME), Pairing.cpuKeyOf(wall.key())),
                    Pairing.refiled(files.metric(bJson, Metric.CPU_TIME), Pairing.cpuKeyOf(wall.key())), minCpuShare);
            wall = guarded.comparisons().get(0);
            busy = guarded.notes();
        }
        boolean byCpu = verdictMetric.equals(Metric.CPU_TIME);
        Comparison chosen = byCpu ? cpu : wall;
        Comparison other = byCpu ? wall : cpu;
        List<String> notes = new ArrayList<>(List.of(String.format(Locale.ROOT, "interleaved in one session: %d forks per side in ABBA order, "
                + "each %d warm-up × %d ms + %d measured iterations × %d ms (%s mode): %.0f s of measuring per side",
                plan.rounds(), plan.warmupIterations(), plan.warmupMillis(), plan.measurementIterations(),
                plan.measurementMillis(), plan.mode(), plan.measuringSecondsPerSide())
                        + plan.cpus().map(c -> "; every fork pinned to CPU " + c).orElse("; forks not pinned to CPUs"),
                String.format(Locale.ROOT, "verdict taken on %s; %s: %s, time ratio %s, p %s (%s)",
                        byCpu ? "CPU time per inference (thread CPU time, " + OrtInferenceBenchmark.CPU_METRIC + ")"
                                : "wall time (JMH primary metric)",
                        byCpu ? "wall time" : "CPU time", other.verdict().text(), NumberText.fixed(other.timeRatio(), 3),
                        NumberText.pValue(other.pValue()), other.reason())));
        notes.addAll(busy);
        ComparisonReport report = new ComparisonReport("A/B, B against A", a.describe() + " — " + aJson,
                b.describe() + " — " + bJson, policy, List.of(chosen), List.of(), List.of(), notes, Instant.now());
        return new Outcome(aJson, bJson, report, other);
    }

    private static void probe(AbSide side, Path outDir) {
        if (side.threads() < 1 || side.batch() < 1) {
            throw new BadInputException("threads and batch must be >= 1, found threads=" + side.threads()
                    + " batch=" + side.batch() + " (" + side.describe() + ")");
        }
        String level = OptimizationLevel.parse(side.optimization()).cliName();
        OnnxModelFile.read(side.model()); // validated before any ONNX Runtime call, as every user model is
        Path scratch = outDir.resolve("scratch").toAbsolutePath();
        try {
            java.nio.file.Files.createDirectories(scratch);
        } catch (java.io.IOException e) {
            throw new org.blockbench.io.OutputWriteException(scratch, e);
        }
        ChildJvm.call(PreflightProbe.class, new PreflightProbe.Request(side.model().toAbsolutePath().toString(),
                ModelOrigin.USER, Provider.CPU.cliName(), side.threads(), level, side.batch(), scratch.toString()),
                side.describe(), Preflight.TIME_LIMIT);
    }

    private static RunResult runFork(AbSide side, AbPlan plan, Path log) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(OrtInferenceBenchmark.class.getName() + "."
                        + OrtInferenceBenchmark.METHOD_RUN_WITH_CPU_TIME) + "$")
                .mode(Mode.deepValueOf(plan.mode()))
                .timeUnit(plan.mode().equals("thrpt") ? TimeUnit.SECONDS : TimeUnit.MILLISECONDS)
                .forks(1).threads(1)
                .warmupIterations(plan.warmupIterations()).warmupTime(TimeValue.milliseconds(plan.warmupMillis()))
                .measurementIterations(plan.measurementIterations())
                .measurementTime(TimeValue.milliseconds(plan.measurementMillis()))
                .shouldFailOnError(true)
                .output(prepared(log).toString());
        side.jmhParams().forEach(options::param);
        plan.cpus().ifPresent(cpus -> options.jvmArgsAppend(cpus.forkArgument()));
        Collection<RunResult> results = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LOCK_WAIT_SECONDS);
        while (results == null) {
            try {
                results = new Runner(options.build()).run();
            } catch (RunnerException e) {
                boolean locked = String.valueOf(e.getMessage()).contains("JMH lock");
                if (!locked) {
                    // the fork's own failure (the model failed in ORT, the fork died): a finding of the run, one line
                    throw new RunFailedException("JMH fork of " + side.describe() + " failed: " + ConfigExecutor.reason(e)
                            + " (JMH log: " + log + ")", e);
                }
                if (System.nanoTime() > deadline) {
                    throw new BadInputException("another JMH run has held the JMH lock (java.io.tmpdir/jmh.lock) for over "
                            + LOCK_WAIT_SECONDS + " s; two benchmark sessions at once would spoil both", e);
                }
                sleepQuietly(LOCK_POLL_MILLIS);
            }
        }
        if (results.size() != 1) {
            throw new IllegalStateException("expected one JMH result for " + side.describe() + ", found " + results.size()
                    + "; see " + log);
        }
        return results.iterator().next();
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the JMH lock", e);
        }
    }

    private static Path prepared(Path log) {
        AtomicFile.writeString(log, ""); // creates the directory; JMH then writes the file itself
        return log;
    }

    private static void writeJmhJson(Path file, RunResult merged) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, out).writeOut(List.of(merged));
        }
        AtomicFile.write(file, bytes.toByteArray());
    }

    private static Comparison comparePair(RunFiles files, Path aJson, Path bJson, Metric metric, VerdictPolicy policy) {
        BenchmarkRun runA = Pairing.only(files.metric(aJson, metric));
        BenchmarkRun runB = Pairing.only(files.metric(bJson, metric));
        return RegressionCheck.compare(Pairing.pairKey(runA.key(), runB.key()), runA, runB, policy);
    }

}
