package org.blockbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code blockbench} command run as {@code count} shard processes at once, child {@code i}
 * with {@code --shard i/count}: how {@code run} trains on every core while each training run
 * stays single-threaded, and so bit-reproducible. The shards together do exactly the unsharded
 * set of runs ({@link org.blockbench.bench.Shard}) into one output directory. Each child is this
 * JVM's {@code java} on this class path with the native-library properties forwarded; the wait
 * is bounded, and children still running at the limit, or when this JVM exits, are killed.
 */
final class ShardProcesses {

    private ShardProcesses() {
    }

    /** The worst exit code of the shards (70 for one that died of a signal); 1 when the limit was reached. */
    static int run(List<String> args, int count, Duration limit, PrintWriter err) {
        List<Process> children = new ArrayList<>();
        Thread reaper = new Thread(() -> children.forEach(Process::destroyForcibly), "shard-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
        try {
            for (int i = 0; i < count; i++) {
                List<String> command = org.blockbench.ort.ChildJvm.launcher(BlockBench.class.getName());
                command.addAll(args);
                command.addAll(List.of("--shard", i + "/" + count));
                children.add(new ProcessBuilder(command).inheritIO().start());
            }
            long deadline = System.nanoTime() + limit.toNanos();
            int worst = ExitCodes.OK;
            for (int i = 0; i < count; i++) {
                Process child = children.get(i);
                if (!child.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    children.forEach(Process::destroyForcibly);
                    err.printf("blockbench: %s stopped after its limit of %d min: shard %d/%d was still running; finished runs"
                            + " are kept and --resume continues the rest%n", args.get(0), limit.toMinutes(), i, count);
                    return ExitCodes.FINDINGS;
                }
                worst = Math.max(worst, known(child.exitValue()));
            }
            return worst;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a shard process for blockbench " + args.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the shards of blockbench " + args.get(0), e);
        } finally {
            children.forEach(Process::destroyForcibly);
            try {
                Runtime.getRuntime().removeShutdownHook(reaper);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting; the hook kills the children, which is what we want
            }
        }
    }

    /** The exit codes order by severity (0 < 1 < 2 < 3 < 70); any other status, such as a signal's, is a defect. */
    private static int known(int status) {
        return List.of(ExitCodes.OK, ExitCodes.FINDINGS, ExitCodes.BAD_INPUT, ExitCodes.IO_ERROR).contains(status)
                ? status : ExitCodes.INTERNAL_ERROR;
    }
}
