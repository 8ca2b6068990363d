package org.blockbench.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.blockbench.host.BoundedProcess;

/**
 * One {@code blockbench} command run as {@code count} shard processes at once, child {@code i}
 * with {@code --shard i/count}: how {@code run} trains on every core while each training run
 * stays single-threaded, and so bit-reproducible. The shards together do exactly the unsharded
 * set of runs ({@link org.blockbench.bench.Shard}) into one output directory. Each child is this
 * JVM's {@code java} on this class path with the native-library properties forwarded, sharing
 * this JVM's terminal; they run under one deadline ({@link BoundedProcess#runTogether}), and
 * children still running at the limit, or when this JVM exits, are killed.
 */
final class ShardProcesses {

    private ShardProcesses() {
    }

    /** The worst exit code of the shards (70 for one that died of a signal); 1 when the limit was reached. */
    static int run(List<String> args, int count, Duration limit, PrintWriter err) {
        List<BoundedProcess> shards = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> command = org.blockbench.ort.ChildJvm.launcher(BlockBench.class.getName());
            command.addAll(args);
            command.addAll(List.of("--shard", i + "/" + count));
            shards.add(new BoundedProcess(command, new BoundedProcess.Output.Inherited()));
        }
        return runAll(args.get(0), shards, limit, err);
    }

    /** {@link #run} once the shards' commands are built: {@code name} is the command they run, for messages. */
    static int runAll(String name, List<BoundedProcess> shards, Duration limit, PrintWriter err) {
        List<BoundedProcess.Result> results = BoundedProcess.runTogether(shards, limit);
        int worst = ExitCodes.OK;
        for (int i = 0; i < results.size(); i++) {
            BoundedProcess.Result shard = results.get(i);
            switch (shard.status()) {
                case NOT_STARTED -> throw new IllegalStateException("cannot start a shard process for blockbench " + name + ": "
                        + shard.output());
                case INTERRUPTED -> throw new IllegalStateException("interrupted while waiting for the shards of blockbench " + name);
                case TIMED_OUT -> {
                    err.printf("blockbench: %s stopped after its limit of %d min: shard %d/%d was still running; finished runs"
                            + " are kept and --resume continues the rest%n", name, limit.toMinutes(), i, shards.size());
                    return ExitCodes.FINDINGS;
                }
                case EXITED -> worst = Math.max(worst, known(shard.exitCode()));
            }
        }
        return worst;
    }

    /** The exit codes order by severity (0 < 1 < 2 < 3 < 70); any other status, such as a signal's, is a defect. */
    private static int known(int status) {
        return List.of(ExitCodes.OK, ExitCodes.FINDINGS, ExitCodes.BAD_INPUT, ExitCodes.IO_ERROR).contains(status)
                ? status : ExitCodes.INTERNAL_ERROR;
    }
}
