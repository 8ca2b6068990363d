package org.blockbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.blockbench.bench.jmh.CpuSet;
import org.blockbench.bench.Shard;
import org.blockbench.bench.SweepSelection;
import org.blockbench.bench.sweep.SweepReport;
import org.blockbench.bench.sweep.SweepRequest;
import org.blockbench.bench.sweep.SweepRunner;
import org.blockbench.pipeline.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code blockbench bench}: the JMH latency sweep over ONNX Runtime. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures inference latency of ONNX models with JMH over ONNX Runtime, one JMH run per config.",
            "Each finished config is saved at once under jmh-results/<run>/configs/; --resume skips them.",
            "Ends with results.json (standard JMH JSON), results.meta.json (machine, ORT, providers used, options)",
            "and a summary table. Exit code 1 if any config failed."})
public final class BenchCommand implements Callable<Integer> {

    @Mixin
    SelectionOptions selection;

    @Mixin
    JmhOptions jmh;

    @Option(names = "--shard", paramLabel = "i/N",
            description = "Run shard i of N (0-based). Default: from SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT, or "
                    + "JOB_COMPLETION_INDEX with BLOCKBENCH_SHARD_COUNT, else the whole sweep.")
    String shard;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = Workspace.JMH_RESULTS, description = "Results root (default: ${DEFAULT-VALUE}).")
    Path output;

    @Spec
    CommandSpec spec;

    @Option(names = "--output", hidden = true, paramLabel = "DIR")
    Path oldOutput;

    @Option(names = "--run", paramLabel = "NAME", description = "Run name, the directory under the results root (default: bench-<timestamp>; with --resume, the latest run).")
    String run;

    @Option(names = "--resume", description = "Skip configs this run has already finished.")
    boolean resume;

    @Option(names = "--jvm-arg", paramLabel = "ARG", description = "Extra argument for JMH's forked JVMs (repeatable).")
    List<String> jvmArgs = List.of();

    @Option(names = "--cpus", paramLabel = "LIST", defaultValue = CpuSet.NONE,
            description = "CPUs every JMH fork is pinned to: auto (the highest-numbered CPUs, one per ORT thread), none, "
                    + "or a Linux CPU list (1, 0-3, 0,2). Pinned forks meet the same CPU placement in every "
                    + "run (docs/regress.md); the nightly job pins. Default: ${DEFAULT-VALUE}.")
    String cpus;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "1",
            description = "Passes over the plan, each running every config's forks once; the configs' forks are then "
                    + "interleaved, so machine drift hits all configs alike (docs/bench.md). Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Option(names = {"-v", "--verbose"}, description = "Echo JMH's own output (also kept in logs/).")
    boolean verbose;

    @Option(names = "--no-progress", description = "Print one line per config instead of a progress bar.")
    boolean noProgress;

    @Option(names = "--ignore-jmh-lock", description = "Run even while another JMH run holds JMH's lock (<java.io.tmpdir>/jmh.lock; a Slurm task has its own) (results may be disturbed).")
    boolean ignoreJmhLock;

    @Override
    public Integer call() {
        if (ignoreJmhLock) {
            System.setProperty("jmh.ignoreLock", "true");
        }
        Shard chosen = Shard.of(shard, System.getenv());
        SweepSelection plan = selection.toSelection();
        List<String> forkArgs = new ArrayList<>(jvmArgs);
        List<Integer> threads = plan.intraOpThreads();
        CpuSet.choose(cpus, threads.contains(0) ? 0 : threads.stream().mapToInt(Integer::intValue).max().orElse(1))
                .ifPresent(set -> forkArgs.add(set.forkArgument()));
        SweepRequest request = new SweepRequest(selection.models(), plan, jmh.toSettings(), chosen,
                OldSpelling.pick(spec, "--output", oldOutput, "--out", output), Optional.ofNullable(run), resume, forkArgs, verbose, !noProgress, rounds);
        SweepReport report = new SweepRunner(System.out, System.err, ConsoleProgress.of(false)).run(request);
        return report.failures().isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
}
