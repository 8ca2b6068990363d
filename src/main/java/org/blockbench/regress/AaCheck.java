package org.blockbench.regress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.blockbench.BadInputException;
import org.blockbench.io.AtomicFile;

/**
 * The {@code verdict-check aa} service: the false-alarm rate of the verdicts over repeated runs of
 * the same code ({@link AaCalibration}: every pair of runs, and each run against the pooled
 * runs before it; each also under the {@link BusyMachineGuard} when the runs recorded CPU time),
 * written as {@code <out>/<name>.md}.
 */
public final class AaCheck {

    private AaCheck() {
    }

    /**
     * The designs' verdict counts and the report.
     *
     * @param outcomes the verdict counts of each design
     * @param markdown the report's text
     * @param report   the report's file
     * @param tooMany  whether a design's slower rate exceeds the request's largest acceptable one
     */
    public record Result(List<AaCalibration.Outcome> outcomes, String markdown, Path report, boolean tooMany) {

        public Result {
            outcomes = List.copyOf(outcomes);
        }
    }

    /** Counts the false alarms among the runs {@code request} names, each file read once through {@code read}. */
    public static Result run(AaCheckRequest request, RunFiles read) {
        List<Path> inputs = request.inputs();
        List<Path> files = inputs.size() == 1 && Files.isDirectory(inputs.get(0)) ? jsonFiles(inputs.get(0)) : inputs;
        if (files.size() < 2) {
            throw new BadInputException("A/A calibration needs at least 2 runs, found " + files.size() + " in " + inputs);
        }
        Metric metric = request.metric();
        VerdictPolicy policy = request.policy();
        double minCpuShare = request.minCpuShare();
        List<ResultSet> runs = new ArrayList<>();
        List<ResultSet> cpu = new ArrayList<>();
        files.forEach(f -> runs.add(read.metric(f, metric)));
        if (metric.primary()) {
            files.forEach(f -> cpu.add(read.wherePresent(f, Metric.CPU_TIME)));
        }
        boolean guard = cpu.stream().anyMatch(c -> !c.runs().isEmpty()) && minCpuShare > 0;
        List<AaCalibration.Outcome> outcomes = new ArrayList<>();
        outcomes.add(AaCalibration.allPairs(runs, policy));
        if (guard) {
            outcomes.add(AaCalibration.allPairs(runs, cpu, policy, minCpuShare));
        }
        if (runs.size() > request.window()) {
            outcomes.add(AaCalibration.rolling(runs, request.window(), policy));
            if (guard) {
                outcomes.add(AaCalibration.rolling(runs, cpu, request.window(), policy, minCpuShare));
            }
        }
        double[] thresholds = request.thresholds().stream().mapToDouble(Double::doubleValue).toArray();
        String markdown = AaCheckMarkdown.of(files, metric, policy, outcomes, thresholds);
        Path report = request.out().resolve(request.name() + ".md");
        AtomicFile.writeString(report, markdown);
        boolean tooMany = outcomes.stream().anyMatch(o -> o.slowerRate() > request.maxSlowerRate());
        return new Result(outcomes, markdown, report, tooMany);
    }

    private static List<Path> jsonFiles(Path dir) {
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json") && !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new BadInputException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
