package org.blockbench.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.blockbench.BadInputException;
import org.blockbench.bench.jmh.ModelCatalog;
import org.blockbench.bench.SweepSelection.PlannedConfig;
import org.blockbench.bench.overhead.OverheadMeasurement;
import org.blockbench.bench.overhead.OverheadReport;
import org.blockbench.bench.overhead.OverheadRunner;
import org.blockbench.bench.overhead.OverheadTable;
import org.blockbench.bench.result.RunEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code blockbench overhead}: JMH's latency against ONNX Runtime's native run time, per config. */
@Command(name = "overhead", mixinStandardHelpOptions = true,
        description = {"Measures harness overhead: per config, a JMH SampleTime run with ONNX Runtime session profiling on",
            "gives JMH's median and the native model_run median of the same calls (ratio = JMH / native), and an",
            "ordinary run gives the unprofiled median and gc.alloc.rate.norm. --breakdown adds time by operator type",
            "and the top nodes. Exit code 1 if any config failed."})
public final class OverheadCommand implements Callable<Integer> {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @Mixin
    SelectionOptions selection;

    @Mixin
    JmhOptions jmh;

    // never jmh-results: a profiled and a plain run of one config there made the next leaderboard exit 2
    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = LeaderboardCommand.DEFAULT_OVERHEAD_DIR,
            description = "Results root (default: ${DEFAULT-VALUE}, where leaderboard reads the breakdowns).")
    Path output;

    @Option(names = "--run", paramLabel = "NAME", description = "Directory name under the results root (default: overhead-<timestamp>).")
    String run;

    @Option(names = "--breakdown", description = "Print time by operator type and the slowest nodes.")
    boolean breakdown;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "Nodes listed in the breakdown (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--keep-profiles", description = "Keep ONNX Runtime's profile files (profiles/<key>/).")
    boolean keepProfiles;

    @Option(names = "--jvm-arg", paramLabel = "ARG", description = "Extra argument for JMH's forked JVMs (repeatable).")
    List<String> jvmArgs = List.of();

    @Option(names = "--ignore-jmh-lock", description = "Run even while another JMH run holds /tmp/jmh.lock.")
    boolean ignoreJmhLock;

    @Override
    public Integer call() {
        if (ignoreJmhLock) {
            System.setProperty("jmh.ignoreLock", "true");
        }
        if (top < 1) {
            throw new BadInputException("--top must be >= 1, found " + top);
        }
        String name = run != null ? run : "overhead-" + LocalDateTime.now().format(STAMP);
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new BadInputException("run name must use letters, digits, '.', '_' and '-' only, found '" + name + "'");
        }
        Path dir = output.resolve(name);
        List<PlannedConfig> plan = selection.toSelection().plan(ModelCatalog.open(selection.models()));
        OverheadRunner runner = new OverheadRunner(jmh.toSettings(), jvmArgs, top, keepProfiles, null);
        // written first, so that even a killed run's JMH files are known for an overhead run's (JmhReader skips them)
        writeReport(dir, List.of(), List.of());
        List<OverheadMeasurement> done = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (PlannedConfig planned : plan) {
            System.err.println("overhead: " + planned.config().key());
            try {
                done.add(runner.measure(planned, dir));
            } catch (RuntimeException e) {
                if (!org.blockbench.bench.sweep.ConfigFailure.ownedByConfig(e)) {
                    throw e;
                }
                String line = planned.config().key() + ": " + org.blockbench.text.OneLine.firstLine(e.getMessage());
                failures.add(line);
                System.err.println("FAILED " + org.blockbench.text.OneLine.of(line));
            }
        }
        writeReport(dir, done, failures);
        System.out.print(OverheadTable.render(done));
        if (breakdown) {
            done.forEach(m -> System.out.print(System.lineSeparator() + OverheadTable.breakdown(m)));
        }
        failures.forEach(f -> System.out.println("FAILED " + f));
        System.out.println("report: " + dir.resolve(OverheadReport.FILE_NAME));
        return failures.isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private void writeReport(Path dir, List<OverheadMeasurement> done, List<String> failures) {
        new OverheadReport(RunEnvironment.capture(), jmh.toSettings().describe(), done, failures).write(dir);
    }
}
