package org.blockbench.cli;

import java.nio.file.Path;
import java.util.List;
import org.blockbench.BadInputException;
import org.blockbench.regress.BusyMachineGuard;
import org.blockbench.regress.ComparisonReportFiles;
import org.blockbench.regress.VerdictPolicy;
import picocli.CommandLine.Option;

/** Options shared by the commands that reach regression verdicts: the policy and where reports go. */
public final class VerdictOptions {

    @Option(names = "--alpha", defaultValue = "" + VerdictPolicy.DEFAULT_ALPHA,
            description = "Significance level of the two-sided Mann-Whitney U test; the interval is at 1 - alpha (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--threshold", defaultValue = "" + VerdictPolicy.DEFAULT_THRESHOLD,
            description = "Smallest relative change of the median time that counts, as a fraction (default: ${DEFAULT-VALUE} = 5 %%).")
    double threshold;

    @Option(names = "--bootstrap-resamples", defaultValue = "" + VerdictPolicy.DEFAULT_BOOTSTRAP_RESAMPLES,
            description = "Bootstrap replicates for the interval of the median ratio (default: ${DEFAULT-VALUE}).")
    int resamples;

    @Option(names = "--seed", defaultValue = "" + VerdictPolicy.DEFAULT_SEED,
            description = "Seed of the bootstrap (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max-test-samples", defaultValue = "" + VerdictPolicy.DEFAULT_MAX_TEST_SAMPLES,
            description = "Per side, larger samples (SampleTime histograms) enter the U test as this many evenly spaced order statistics (default: ${DEFAULT-VALUE}).")
    int maxTestSamples;

    @Option(names = "--min-cpu-share", defaultValue = "" + BusyMachineGuard.DEFAULT_MIN_SHARE,
            description = "Wall-time alarms on benchmarks that recorded their thread's CPU time (the A/B benchmark) become "
                    + "inconclusive when the thread was on a CPU for less than this fraction of the wall time; 0 turns the "
                    + "guard off (default: ${DEFAULT-VALUE}).")
    double minCpuShare;

    @Option(names = "--out", defaultValue = "analysis/regress",
            description = "Directory for the reports (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--format", split = ",", defaultValue = "md,json",
            description = "Report formats, any of md, json (default: ${DEFAULT-VALUE}).")
    List<String> formats;

    /** The busy-machine threshold, checked. */
    double minCpuShare() {
        if (!(minCpuShare >= 0 && minCpuShare <= 1)) {
            throw new BadInputException("--min-cpu-share must be in [0, 1], found " + minCpuShare);
        }
        return minCpuShare;
    }

    VerdictPolicy policy() {
        return new VerdictPolicy(alpha, threshold, resamples, seed, maxTestSamples);
    }

    /** Where a report called {@code name} goes: {@code --out} in every {@code --format}. */
    ComparisonReportFiles reports(String name) {
        return new ComparisonReportFiles(out, name, formats);
    }
}
