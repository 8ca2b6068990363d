package org.blockbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.blockbench.BadInputException;
import org.blockbench.io.AtomicFile;
import org.blockbench.regress.AaCalibration;
import org.blockbench.regress.RunFiles;
import org.blockbench.regress.Metric;
import org.blockbench.regress.ResultSet;
import org.blockbench.regress.Verdict;
import org.blockbench.regress.VerdictPolicy;
import org.blockbench.text.MarkdownText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code blockbench verdict-check aa RUN...}: false-alarm rate of the verdicts over repeated runs of the same code. */
@Command(name = "aa", mixinStandardHelpOptions = true,
        description = {"A/A calibration: RUN... are JMH JSON results of the SAME code measured several times (files, "
                + "or one directory whose *.json files are one run each). Every 'slower' verdict between them is a "
                + "false alarm. Reports the verdict counts for every pair of runs and for the nightly design (each run "
                + "against the pooled --window runs before it), writes <out>/<name>.md, and exits 1 when the slower "
                + "rate of either design exceeds --max-slower-rate."})
public final class VerdictCheckAaCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "RUN", description = "Runs of the same code: JMH JSON files, or one directory of them.")
    List<Path> inputs;

    @Option(names = "--window", defaultValue = "5", description = "Runs pooled per baseline in the nightly design (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--max-slower-rate", defaultValue = "0.01",
            description = "Largest acceptable fraction of false 'slower' verdicts (default: ${DEFAULT-VALUE}).")
    double maxSlowerRate;

    @Option(names = "--sweep-thresholds", split = ",", defaultValue = "0.02,0.05,0.1,0.15,0.2,0.3",
            description = "Thresholds at which the slower rate of the unguarded designs is also shown, to find the "
                    + "smallest threshold this machine affords (default: ${DEFAULT-VALUE}).")
    List<Double> sweep;

    @Option(names = "--name", defaultValue = "aa-calibration", description = "Report file stem (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--metric", defaultValue = "primary", paramLabel = "METRIC",
            description = "Metric to compare: primary (default), NAME or NAME:UNIT, e.g. cpuNanosPerOp:ns/op.")
    String metricText;

    @Mixin
    VerdictOptions verdict;

    @Override
    public Integer call() {
        VerdictPolicy policy = verdict.policy();
        List<Path> files = inputs.size() == 1 && Files.isDirectory(inputs.get(0))
                ? jsonFiles(inputs.get(0)) : inputs;
        if (files.size() < 2) {
            throw new BadInputException("A/A calibration needs at least 2 runs, found " + files.size() + " in " + inputs);
        }
        Metric metric = Metric.parse(metricText);
        List<ResultSet> runs = new ArrayList<>();
        List<ResultSet> cpu = new ArrayList<>();
        RunFiles read = new RunFiles(); // each file read once for both metrics
        files.forEach(f -> runs.add(read.metric(f, metric)));
        if (metric.primary()) {
            files.forEach(f -> cpu.add(read.wherePresent(f, Metric.CPU_TIME)));
        }
        boolean guard = cpu.stream().anyMatch(c -> !c.runs().isEmpty()) && verdict.minCpuShare() > 0;
        List<AaCalibration.Outcome> outcomes = new ArrayList<>();
        outcomes.add(AaCalibration.allPairs(runs, policy));
        if (guard) {
            outcomes.add(AaCalibration.allPairs(runs, cpu, policy, verdict.minCpuShare()));
        }
        if (runs.size() > window) {
            outcomes.add(AaCalibration.rolling(runs, window, policy));
            if (guard) {
                outcomes.add(AaCalibration.rolling(runs, cpu, window, policy, verdict.minCpuShare()));
            }
        }
        StringBuilder md = new StringBuilder("# A/A calibration\n\n");
        md.append(String.format(Locale.ROOT, "%d runs of the same code (%s … %s), %s. Policy: alpha %s, threshold %s, "
                + "%,d bootstrap resamples, seed %d. Every \"slower\" verdict is a false alarm.%n%n", runs.size(),
                MarkdownText.escape(files.get(0).getFileName().toString()),
                MarkdownText.escape(files.get(files.size() - 1).getFileName().toString()), metric.describe(), policy.alpha(), policy.threshold(),
                policy.bootstrapResamples(), policy.seed()));
        md.append("| design | comparisons | slower | faster | unchanged | inconclusive | slower rate | 95 % upper bound* |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        boolean tooMany = false;
        for (AaCalibration.Outcome o : outcomes) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %.2f %% | %.2f %% |%n", o.design(),
                    o.comparisons(), o.counts().get(Verdict.SLOWER), o.counts().get(Verdict.FASTER),
                    o.counts().get(Verdict.UNCHANGED), o.counts().get(Verdict.INCONCLUSIVE), 100 * o.slowerRate(),
                    100 * o.slowerRateUpper95()));
            tooMany |= o.slowerRate() > maxSlowerRate;
        }
        md.append("\n*One-sided Clopper-Pearson bound treating comparisons as independent; pairs share runs, so the "
                + "real uncertainty is larger.\n");
        double[] thresholds = sweep.stream().mapToDouble(Double::doubleValue).toArray();
        md.append("\n## Slower rate by threshold (same comparisons re-decided, no guard)\n\n| design |");
        for (double t : thresholds) {
            md.append(String.format(Locale.ROOT, " %.0f %% |", 100 * t));
        }
        md.append("\n|---|").append("---:|".repeat(thresholds.length)).append('\n');
        for (AaCalibration.Outcome o : outcomes) {
            if (o.design().contains("guard")) {
                continue;
            }
            md.append("| ").append(o.design()).append(" |");
            for (double r : o.slowerRateAt(thresholds, policy)) {
                md.append(String.format(Locale.ROOT, " %.1f %% |", 100 * r));
            }
            md.append('\n');
        }
        for (AaCalibration.Outcome o : outcomes) {
            if (!o.falseAlarms().isEmpty()) {
                md.append("\n## False alarms: ").append(o.design()).append("\n\n");
                o.falseAlarms().forEach(a -> md.append("- ").append(MarkdownText.escape(a)).append('\n'));
            }
        }
        Path report = verdict.out.resolve(name + ".md");
        AtomicFile.writeString(report, md.toString());
        System.out.print(md);
        System.out.println("\nreport: " + report);
        return tooMany ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private static List<Path> jsonFiles(Path dir) {
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json") && !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (java.io.IOException e) {
            throw new BadInputException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
