package org.blockbench.regress;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.blockbench.BadInputException;
import org.blockbench.text.NumberText;

/**
 * The {@code compare} service: judges a new run against a baseline ({@link RegressionCheck},
 * {@link BusyMachineGuard} on the primary metric), writes the report and, with a
 * {@link History}, stores the new run and draws the {@link TrendPlots}. Every JMH file is read
 * through the caller's {@link RunFiles}, so each is read once.
 */
public final class CompareJob {

    private CompareJob() {
    }

    /** What one comparison came to: {@link NoBaseline} or {@link Compared}. */
    public sealed interface Outcome permits NoBaseline, Compared {
    }

    /**
     * The history held no run yet, so nothing was compared.
     *
     * @param history the history directory
     * @param stored  NEW, stored as the history's first run; null when the request did not append
     */
    public record NoBaseline(Path history, Path stored) implements Outcome {

        /** The one line that says so. */
        public String message() {
            return "history " + history + " is empty: no baseline yet, nothing compared"
                    + (stored == null ? "" : "; stored " + stored + " as the first run");
        }
    }

    /**
     * The verdicts, and the files written.
     *
     * @param report       the verdicts
     * @param reports      the report in each format
     * @param historyFiles the run stored in the history and the trend plots (none without a history)
     */
    public record Compared(ComparisonReport report, List<Path> reports, List<Path> historyFiles) implements Outcome {

        public Compared {
            reports = List.copyOf(reports);
            historyFiles = List.copyOf(historyFiles);
        }

        /** Whether a benchmark got slower. */
        public boolean regression() {
            return report.anySlower();
        }

        /** Whether a benchmark of the baseline is missing from NEW (a config that failed, say). */
        public boolean missing() {
            return !report.removed().isEmpty();
        }

        /** A line per verdict, per added and removed benchmark, the files written and, on a regression, its count. */
        public List<String> summary() {
            List<String> lines = new ArrayList<>();
            for (Comparison c : report.comparisons()) {
                lines.add(String.format(Locale.ROOT, "%-12s %-70s time ratio %s  fastest forks %s  p %s", c.verdict().text(),
                        c.key().label(), NumberText.fixed(c.timeRatio(), 3), NumberText.fixed(c.fastestForkRatio(), 3),
                        c.pValueText()));
            }
            report.added().forEach(k -> lines.add("added        " + k.label()));
            report.removed().forEach(k -> lines.add("removed      " + k.label()));
            lines.add("reports: " + reports + (historyFiles.isEmpty() ? "" : " (+" + historyFiles.size() + " history/plot files)"));
            if (regression()) {
                lines.add("REGRESSION: " + report.count(Verdict.SLOWER) + " benchmark(s) slower");
            }
            return lines;
        }
    }

    /** Compares what {@code request} names, each JMH file read through {@code files}. */
    public static Outcome run(CompareRequest request, RunFiles files) {
        if (!request.withHistory()) {
            ComparisonReport report = compareTwo(request, files);
            return new Compared(report, request.reports().write(report), List.of());
        }
        return compareWithHistory(request, files);
    }

    private static ComparisonReport compareTwo(CompareRequest request, RunFiles files) {
        Path basePath = request.base();
        Path newPath = request.candidate();
        Metric metric = request.metric();
        ResultSet base = files.metric(basePath, metric);
        ResultSet fresh = files.metric(newPath, metric);
        if (request.pair()) {
            List<ResultSet> both = Pairing.paired(base, fresh);
            base = both.get(0);
            fresh = both.get(1);
        }
        ComparisonReport report = RegressionCheck.compare(newPath.getFileName() + " vs " + basePath.getFileName(),
                base, fresh, request.policy(), Instant.now());
        if (!metric.primary()) {
            return report;
        }
        ResultSet baseCpu = files.wherePresent(basePath, Metric.CPU_TIME);
        ResultSet newCpu = files.wherePresent(newPath, Metric.CPU_TIME);
        if (request.pair() && baseCpu.runs().size() == 1 && newCpu.runs().size() == 1) {
            BenchmarkKey cpuKey = Pairing.cpuKeyOf(report.comparisons().get(0).key());
            baseCpu = Pairing.refiled(baseCpu, cpuKey);
            newCpu = Pairing.refiled(newCpu, cpuKey);
        }
        return guard(report, baseCpu, newCpu, request.minCpuShare());
    }

    private static Outcome compareWithHistory(CompareRequest request, RunFiles files) {
        Path input = request.candidate();
        Path dir = request.history();
        Metric metric = request.metric();
        ResultSet fresh = files.metric(input, metric);
        History h = new History(dir, files);
        Instant now = Instant.now();
        List<HistoryEntry> baseline = h.window(request.window(), null);
        if (baseline.isEmpty()) {
            HistoryEntry first = request.append() ? h.append(input, now) : null;
            return new NoBaseline(dir, first == null ? null : first.file());
        }
        ResultSet pooled = h.pooled(baseline, metric);
        if (fresh.runs().keySet().stream().noneMatch(pooled.runs()::containsKey)) {
            HistoryEntry stored = request.append() ? h.append(input, now) : null;
            throw new BadInputException("no benchmark of " + input + " is in the last " + baseline.size()
                    + " runs of " + dir + " (benchmark names, params or modes changed?)"
                    + (stored == null ? "" : "; stored it as " + stored.file().getFileName() + ", so the next run compares against it"));
        }
        ComparisonReport report = RegressionCheck.compare(input.getFileName() + " vs last " + baseline.size() + " runs",
                pooled, fresh, request.policy(), now);
        if (metric.primary()) {
            report = guard(report, AaCalibration.pool(baseline.stream()
                    .map(e -> files.wherePresent(e.file(), Metric.CPU_TIME)).toList(), "cpu"),
                    files.wherePresent(input, Metric.CPU_TIME), request.minCpuShare());
        }
        List<Path> written = new ArrayList<>();
        HistoryEntry stored = request.append() ? h.append(input, now) : null;
        if (stored != null) {
            written.add(stored.file());
        }
        List<HistoryEntry> plotted = new ArrayList<>(h.window(Integer.MAX_VALUE, stored));
        List<ResultSet> runs = new ArrayList<>();
        plotted.forEach(e -> runs.add(files.metric(e.file(), metric)));
        plotted.add(stored != null ? stored : new HistoryEntry(input, now));
        runs.add(fresh);
        Path plots = request.plots() != null ? request.plots() : request.reports().out().resolve("trends");
        written.addAll(TrendPlots.write(plotted, runs, report, plots));
        return new Compared(report, request.reports().write(report), written);
    }

    private static ComparisonReport guard(ComparisonReport report, ResultSet baseCpu, ResultSet newCpu, double minCpuShare) {
        return minCpuShare == 0 ? report : BusyMachineGuard.apply(report, baseCpu, newCpu, minCpuShare);
    }
}
