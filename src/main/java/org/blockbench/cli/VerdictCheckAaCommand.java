package org.blockbench.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.blockbench.regress.AaCheck;
import org.blockbench.regress.AaCheckRequest;
import org.blockbench.regress.RunFiles;
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

    @Mixin
    MetricOption metric;

    @Mixin
    VerdictOptions verdict;

    @Override
    public Integer call() {
        AaCheck.Result result = AaCheck.run(new AaCheckRequest(inputs, window, maxSlowerRate, sweep, metric.metric(),
                verdict.policy(), verdict.minCpuShare(), verdict.out, name), new RunFiles());
        System.out.print(result.markdown());
        System.out.println("\nreport: " + result.report());
        return result.tooMany() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
