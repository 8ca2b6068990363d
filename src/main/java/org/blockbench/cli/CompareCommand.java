package org.blockbench.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.blockbench.BadInputException;
import org.blockbench.regress.AaCalibration;
import org.blockbench.regress.AbLatencyBenchmark;
import org.blockbench.regress.AbRunner;
import org.blockbench.regress.BenchmarkKey;
import org.blockbench.regress.BenchmarkRun;
import org.blockbench.regress.BusyMachineGuard;
import org.blockbench.regress.Comparison;
import org.blockbench.regress.ComparisonReport;
import org.blockbench.regress.History;
import org.blockbench.regress.HistoryEntry;
import org.blockbench.regress.JmhResultReader;
import org.blockbench.regress.Metric;
import org.blockbench.regress.RegressionCheck;
import org.blockbench.regress.ResultSet;
import org.blockbench.regress.TrendPlots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code blockbench compare BASE NEW} or {@code blockbench compare --history DIR NEW}. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compares JMH results benchmark by benchmark and decides slower / faster / unchanged / "
                + "inconclusive (two-sided Mann-Whitney U test and an effect threshold). BASE and NEW are JMH JSON "
                + "files (-rf json) or directories of them. With --history DIR, NEW is compared against the last K "
                + "runs kept in DIR, then appended to it, and a trend plot per benchmark is drawn.",
                "Exit codes: 0 nothing slower, 1 at least one benchmark slower, 2 bad input, 3 cannot write."})
public final class CompareCommand implements Callable<Integer> {

    @Parameters(arity = "1..2", paramLabel = "PATH", description = "BASE NEW, or NEW alone with --history.")
    List<Path> paths;

    @Option(names = "--history", paramLabel = "DIR",
            description = "Keep runs in DIR and compare NEW against the pooled last --window runs.")
    Path history;

    @Option(names = "--window", defaultValue = "" + History.DEFAULT_WINDOW,
            description = "With --history: how many past runs form the baseline (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--no-append", description = "With --history: compare only, do not store NEW.")
    boolean noAppend;

    @Option(names = "--plots", paramLabel = "DIR",
            description = "With --history: directory for the trend plots (default: <out>/trends).")
    Path plots;

    @Option(names = "--pair",
            description = "BASE and NEW each hold one benchmark: compare them even though their names or params differ "
                    + "(e.g. the a.json and b.json of an A/B session, re-judged with other options).")
    boolean pair;

    @Option(names = "--name", defaultValue = "compare",
            description = "Report file stem: <out>/<name>.md and .json (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--metric", defaultValue = "primary", paramLabel = "METRIC",
            description = "Metric to compare: primary (default), or a secondary metric NAME or NAME:UNIT, e.g. "
                    + "cpuNanosPerOp:ns/op (CPU time per inference recorded by the A/B benchmark).")
    String metricText;

    @Mixin
    VerdictOptions verdict;

    @Override
    public Integer call() {
        var policy = verdict.policy();
        Metric metric = Metric.parse(metricText);
        if (history == null) {
            if (paths.size() != 2) {
                throw new BadInputException("compare takes BASE NEW (two paths), or --history DIR NEW; found " + paths.size() + " path");
            }
            ResultSet base = JmhResultReader.read(paths.get(0), metric);
            ResultSet fresh = JmhResultReader.read(paths.get(1), metric);
            if (pair) {
                fresh = asPairOf(base, fresh);
            }
            ComparisonReport report = RegressionCheck.compare(paths.get(1).getFileName() + " vs " + paths.get(0).getFileName(),
                    base, fresh, policy, Instant.now());
            if (metric.primary()) {
                ResultSet baseCpu = JmhResultReader.readWherePresent(paths.get(0), Metric.CPU_TIME);
                ResultSet newCpu = JmhResultReader.readWherePresent(paths.get(1), Metric.CPU_TIME);
                if (pair && !baseCpu.runs().isEmpty() && !newCpu.runs().isEmpty()) {
                    BenchmarkKey key = report.comparisons().get(0).key();
                    baseCpu = refiled(baseCpu, key);
                    newCpu = refiled(newCpu, key);
                }
                report = guard(report, baseCpu, newCpu);
            }
            return finish(report, List.of());
        }
        if (paths.size() != 1) {
            throw new BadInputException("with --history DIR, compare takes NEW only (one path); found " + paths.size() + " paths");
        }
        Path input = paths.get(0);
        ResultSet fresh = JmhResultReader.read(input, metric);
        History h = new History(history);
        Instant now = Instant.now();
        List<HistoryEntry> baseline = h.window(window, null);
        if (baseline.isEmpty()) {
            HistoryEntry first = noAppend ? null : h.append(input, now);
            System.out.println("history " + history + " is empty: no baseline yet, nothing compared"
                    + (first == null ? "" : "; stored " + first.file() + " as the first run"));
            return ExitCodes.OK;
        }
        ResultSet pooled = h.pooled(baseline, metric);
        if (fresh.runs().keySet().stream().noneMatch(pooled.runs()::containsKey)) {
            HistoryEntry stored = noAppend ? null : h.append(input, now);
            throw new BadInputException("no benchmark of " + input + " is in the last " + baseline.size()
                    + " runs of " + history + " (benchmark names, params or modes changed?)"
                    + (stored == null ? "" : "; stored it as " + stored.file().getFileName() + ", so the next run compares against it"));
        }
        ComparisonReport report = RegressionCheck.compare(input.getFileName() + " vs last " + baseline.size() + " runs",
                pooled, fresh, policy, now);
        if (metric.primary()) {
            report = guard(report, AaCalibration.pool(baseline.stream()
                    .map(e -> JmhResultReader.readWherePresent(e.file(), Metric.CPU_TIME)).toList(), "cpu"),
                    JmhResultReader.readWherePresent(input, Metric.CPU_TIME));
        }
        List<Path> extra = new ArrayList<>();
        HistoryEntry stored = noAppend ? null : h.append(input, now);
        if (stored != null) {
            extra.add(stored.file());
        }
        List<HistoryEntry> plotted = new ArrayList<>(h.window(Integer.MAX_VALUE, stored));
        List<ResultSet> runs = new ArrayList<>();
        plotted.forEach(e -> runs.add(JmhResultReader.read(e.file(), metric)));
        plotted.add(stored != null ? stored : new HistoryEntry(input, now));
        runs.add(fresh);
        extra.addAll(TrendPlots.write(plotted, runs, report, plots != null ? plots : verdict.out.resolve("trends")));
        return finish(report, extra);
    }

    /** NEW's single benchmark filed under the pair key of BASE's single benchmark and itself. */
    private static ResultSet asPairOf(ResultSet base, ResultSet fresh) {
        if (base.runs().size() != 1 || fresh.runs().size() != 1) {
            throw new BadInputException("--pair needs one benchmark in each file; found " + base.runs().size() + " in "
                    + base.source() + " and " + fresh.runs().size() + " in " + fresh.source());
        }
        BenchmarkRun b = base.runs().values().iterator().next();
        BenchmarkRun n = fresh.runs().values().iterator().next();
        BenchmarkKey key = AbRunner.pairKey(b.key(), n.key());
        var runs = new java.util.TreeMap<BenchmarkKey, BenchmarkRun>();
        runs.put(key, new BenchmarkRun(key, n.unit(), n.sampleKind(), n.samples(), n.forks(), n.droppedNonFinite(), n.sources()));
        ResultSet renamed = new ResultSet(fresh.source(), runs, fresh.notes());
        return renamed;
    }

    /** The single CPU benchmark of {@code cpu} filed under the CPU key that belongs to the wall-time {@code key}. */
    private static ResultSet refiled(ResultSet cpu, BenchmarkKey key) {
        BenchmarkRun r = cpu.runs().values().iterator().next();
        BenchmarkKey cpuKey = BenchmarkKey.of(key.benchmark() + ":" + AbLatencyBenchmark.CPU_METRIC, key.params(), key.mode());
        return ResultSet.of(cpu.source(), new BenchmarkRun(cpuKey, r.unit(), r.sampleKind(), r.samples(), r.forks(),
                r.droppedNonFinite(), r.sources()));
    }

    private ComparisonReport guard(ComparisonReport report, ResultSet baseCpu, ResultSet newCpu) {
        double share = verdict.minCpuShare();
        return share == 0 ? report : BusyMachineGuard.apply(report, baseCpu, newCpu, share);
    }

    private int finish(ComparisonReport report, List<Path> extra) {
        for (Comparison c : report.comparisons()) {
            System.out.printf(Locale.ROOT, "%-12s %-70s time ratio %s  p %s%n", c.verdict().text(), c.key().label(),
                    Double.isFinite(c.timeRatio()) ? String.format(Locale.ROOT, "%.3f", c.timeRatio()) : "n/a",
                    Double.isFinite(c.pValue()) ? String.format(Locale.ROOT, "%.2g", c.pValue()) : "n/a");
        }
        report.added().forEach(k -> System.out.println("added        " + k.label()));
        report.removed().forEach(k -> System.out.println("removed      " + k.label()));
        List<Path> files = verdict.writeReports(report, name);
        System.out.println("reports: " + files + (extra.isEmpty() ? "" : " (+" + extra.size() + " history/plot files)"));
        if (report.anySlower()) {
            System.out.println("REGRESSION: " + report.count(org.blockbench.regress.Verdict.SLOWER) + " benchmark(s) slower");
            return ExitCodes.FINDINGS;
        }
        return ExitCodes.OK;
    }
}
