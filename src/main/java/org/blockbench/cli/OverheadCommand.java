package org.blockbench.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.blockbench.bench.overhead.OverheadRequest;
import org.blockbench.bench.overhead.OverheadSweep;
import org.blockbench.pipeline.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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
    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = Workspace.OVERHEAD,
            description = "Results root (default: ${DEFAULT-VALUE}, where leaderboard reads the breakdowns).")
    Path output;

    @Spec
    CommandSpec spec;

    @Option(names = "--output", hidden = true, paramLabel = "DIR")
    Path oldOutput;

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
        OverheadRequest request = new OverheadRequest(selection.models(), selection.toSelection(), jmh.toSettings(),
                OldSpelling.pick(spec, "--output", oldOutput, "--out", output),
                run != null ? run : "overhead-" + LocalDateTime.now().format(STAMP), jvmArgs, top, keepProfiles, breakdown);
        OverheadSweep.Result result = new OverheadSweep(System.out, System.err).run(request);
        return result.failures().isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
}
