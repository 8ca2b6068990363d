package org.blockbench.host;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A short external command that answers a question about the machine ({@code git rev-parse},
 * {@code taskset}, {@code scontrol}): run to its end or stopped at its time limit, its standard
 * output and error captured together, its standard input closed. The one way BlockBench runs
 * such a command; the long-running child JVMs ({@code ort.ChildJvm}, JMH's forks) own their
 * processes themselves.
 *
 * <p>The output is read on a thread of its own while the caller waits, so a command that
 * prints and then hangs is still stopped at the limit, and one that prints more than a pipe
 * holds does not block on a full pipe. At the limit the command and every process it started
 * are killed.
 *
 * @param argv  the program and its arguments
 * @param limit how long it may run
 */
public record ShortCommand(List<String> argv, Duration limit) {

    /** How long the output is still read after the command ended or was killed. */
    private static final long DRAIN_MILLIS = 2_000;

    public ShortCommand {
        argv = List.copyOf(argv);
        if (argv.isEmpty() || limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("a command needs a program and a positive limit, found " + argv + " within " + limit);
        }
    }

    /** {@code argv} within {@code limit}. */
    public static ShortCommand of(Duration limit, String... argv) {
        return new ShortCommand(List.of(argv), limit);
    }

    /** How a command ended. */
    public enum Status {
        /** It exited by itself: {@link Result#exitCode()} says how. */
        EXITED,
        /** It ran past its limit and was killed. */
        TIMED_OUT,
        /** It could not be started (no such program, not executable). */
        NOT_STARTED,
        /** This thread was interrupted while waiting; the command was killed and the interrupt flag is set again. */
        INTERRUPTED
    }

    /**
     * What a command did.
     *
     * @param status   how it ended
     * @param exitCode its exit code when {@link Status#EXITED}, else -1
     * @param output   what it wrote to standard output and error, in order, stripped (what it wrote
     *                 before it was killed, for {@link Status#TIMED_OUT}); why it could not start,
     *                 for {@link Status#NOT_STARTED}
     */
    public record Result(Status status, int exitCode, String output) {

        /** Whether it exited by itself with code 0. */
        public boolean succeeded() {
            return status == Status.EXITED && exitCode == 0;
        }
    }

    /** Runs the command and waits for it, at most {@link #limit()}. */
    public Result run() {
        Process process;
        try {
            process = new ProcessBuilder(argv).redirectErrorStream(true).start();
            process.getOutputStream().close();
        } catch (IOException e) {
            return new Result(Status.NOT_STARTED, -1, String.valueOf(e.getMessage()));
        }
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> drain(process.getInputStream(), captured), "short-command-output");
        reader.setDaemon(true);
        reader.start();
        Status status;
        try {
            status = process.waitFor(limit.toNanos(), TimeUnit.NANOSECONDS) ? Status.EXITED : Status.TIMED_OUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = Status.INTERRUPTED;
        }
        if (status != Status.EXITED) {
            destroyTree(process);
        }
        boolean drained = join(reader);
        if (!drained) {
            // a process the command left behind still holds the output open: it belongs to the command
            destroyTree(process);
        }
        String output;
        synchronized (captured) {
            output = captured.toString(StandardCharsets.UTF_8).strip();
        }
        return new Result(status, status == Status.EXITED ? process.exitValue() : -1, output);
    }

    private static void drain(InputStream in, ByteArrayOutputStream into) {
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                synchronized (into) {
                    into.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // the pipe closed under the reader when the command was killed: what was read is kept
        }
    }

    private static boolean join(Thread reader) {
        try {
            reader.join(DRAIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !reader.isAlive();
    }

    /** Kills the command and every process it started; its children first, while they are still its descendants. */
    private static void destroyTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(DRAIN_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
