package org.blockbench.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.blockbench.BadInputException;
import org.blockbench.regress.AaCalibration;
import org.blockbench.regress.BenchmarkKey;
import org.blockbench.regress.BusyMachineGuard;
import org.blockbench.regress.Comparison;
import org.blockbench.regress.ComparisonReport;
import org.blockbench.regress.History;
import org.blockbench.regress.HistoryEntry;
import org.blockbench.regress.RunFiles;
import org.blockbench.regress.Metric;
import org.blockbench.regress.Pairing;
import org.blockbench.regress.RegressionCheck;
import org.blockbench.regress.ResultSet;
import org.blockbench.regress.TrendPlots;
import org.blockbench.regress.VerdictPolicy;
import org.blockbench.text.NumberText;
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

    @Option(names = "--allow-missing", description = "Exit 0 even when a benchmark of the baseline is missing from NEW"
            + " (by default a vanished benchmark, such as a config that failed, is exit code 1).")
    boolean allowMissing;

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

    /** Every JMH file this invocation reads, each read once. */
    RunFiles files = new RunFiles();

    @Override
    public Integer call() {
        VerdictPolicy policy = verdict.policy();
        Metric metric = Metric.parse(metricText);
        if (history == null) {
            if (paths.size() != 2) {
                throw new BadInputException("compare takes BASE NEW (two paths), or --history DIR NEW; found " + paths.size() + " path");
            }
            return finish(compareTwo(paths.get(0), paths.get(1), metric, policy), List.of());
        }
        if (paths.size() != 1) {
            throw new BadInputException("with --history DIR, compare takes NEW only (one path); found " + paths.size() + " paths");
        }
        return compareWithHistory(paths.get(0), metric, policy);
    }

    private ComparisonReport compareTwo(Path basePath, Path newPath, Metric metric, VerdictPolicy policy) {
        ResultSet base = files.metric(basePath, metric);
        ResultSet fresh = files.metric(newPath, metric);
        if (pair) {
            List<ResultSet> both = Pairing.paired(base, fresh);
            base = both.get(0);
            fresh = both.get(1);
        }
        ComparisonReport report = RegressionCheck.compare(newPath.getFileName() + " vs " + basePath.getFileName(),
                base, fresh, policy, Instant.now());
        if (!metric.primary()) {
            return report;
        }
        ResultSet baseCpu = files.wherePresent(basePath, Metric.CPU_TIME);
        ResultSet newCpu = files.wherePresent(newPath, Metric.CPU_TIME);
        if (pair && baseCpu.runs().size() == 1 && newCpu.runs().size() == 1) {
            BenchmarkKey cpuKey = Pairing.cpuKeyOf(report.comparisons().get(0).key());
            baseCpu = Pairing.refiled(baseCpu, cpuKey);
            newCpu = Pairing.refiled(newCpu, cpuKey);
        }
        return guard(report, baseCpu, newCpu);
    }

    private int compareWithHistory(Path input, Metric metric, VerdictPolicy policy) {
        ResultSet fresh = files.metric(input, metric);
        History h = new History(history, files);
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
                    .map(e -> files.wherePresent(e.file(), Metric.CPU_TIME)).toList(), "cpu"),
                    files.wherePresent(input, Metric.CPU_TIME));
        }
        List<Path> extra = new ArrayList<>();
        HistoryEntry stored = noAppend ? null : h.append(input, now);
        if (stored != null) {
            extra.add(stored.file());
        }
        List<HistoryEntry> plotted = new ArrayList<>(h.window(Integer.MAX_VALUE, stored));
        List<ResultSet> runs = new ArrayList<>();
        plotted.forEach(e -> runs.add(files.metric(e.file(), metric)));
        plotted.add(stored != null ? stored : new HistoryEntry(input, now));
        runs.add(fresh);
        extra.addAll(TrendPlots.write(plotted, runs, report, plots != null ? plots : verdict.out.resolve("trends")));
        return finish(report, extra);
    }

    private ComparisonReport guard(ComparisonReport report, ResultSet baseCpu, ResultSet newCpu) {
        double share = verdict.minCpuShare();
        return share == 0 ? report : BusyMachineGuard.apply(report, baseCpu, newCpu, share);
    }

    private int finish(ComparisonReport report, List<Path> extra) {
        for (Comparison c : report.comparisons()) {
            System.out.printf(Locale.ROOT, "%-12s %-70s time ratio %s  fastest forks %s  p %s%n", c.verdict().text(),
                    c.key().label(), NumberText.fixed(c.timeRatio(), 3), NumberText.fixed(c.fastestForkRatio(), 3), c.pValueText());
        }
        report.added().forEach(k -> System.out.println("added        " + k.label()));
        report.removed().forEach(k -> System.out.println("removed      " + k.label()));
        List<Path> files = verdict.writeReports(report, name);
        System.out.println("reports: " + files + (extra.isEmpty() ? "" : " (+" + extra.size() + " history/plot files)"));
        int code = ExitCodes.OK;
        if (report.anySlower()) {
            System.out.println("REGRESSION: " + report.count(org.blockbench.regress.Verdict.SLOWER) + " benchmark(s) slower");
            code = ExitCodes.FINDINGS;
        }
        if (!report.removed().isEmpty() && !allowMissing) {
            // a config that crashed tonight is missing from NEW, and must not pass CI as "no regression"
            System.err.println("blockbench: " + report.removed().size() + " benchmark(s) of the baseline are missing from"
                    + " the new run (a failed config?), listed as removed above; --allow-missing accepts that");
            code = ExitCodes.FINDINGS;
        }
        return code;
    }
}
