package org.blockbench.host;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * An external process that runs to its end or is stopped at a deadline: the one way BlockBench
 * starts a process other than JMH's forks. A short command that asks about the machine
 * ({@code git rev-parse}, {@code taskset}, {@code scontrol}) has its output captured; a child JVM
 * ({@code ort.ChildJvm}) writes to a log file; {@code run}'s shard processes share this
 * process's terminal, and run together under one deadline ({@link #runTogether}).
 *
 * <p>Captured output is read on a thread of its own while the caller waits, so a command that
 * prints and then hangs is still stopped at the deadline, and one that prints more than a pipe
 * holds does not block on a full pipe. At the deadline, when the waiting thread is interrupted,
 * or when this JVM exits while it waits (Ctrl-C, SIGTERM), the process and every process it
 * started are killed, so none is left orphaned.
 *
 * @param argv   the program and its arguments
 * @param output where its standard output and error go
 */
public record BoundedProcess(List<String> argv, Output output) {

    /** How long the output is still read, and a killed process waited for, after it ended or was killed. */
    private static final long DRAIN_MILLIS = 2_000;

    public BoundedProcess {
        argv = List.copyOf(argv);
        Objects.requireNonNull(output, "output");
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a process needs a program, found " + argv);
        }
    }

    /** {@code argv} with its output and error captured together into {@link Result#output()}. */
    public static BoundedProcess captured(String... argv) {
        return new BoundedProcess(List.of(argv), new Output.Captured());
    }

    /** Where a process's standard output and error go; its standard input is closed unless inherited. */
    public sealed interface Output {
        /** Read while it runs, into {@link Result#output()}, in the order written. */
        record Captured() implements Output {
        }

        /** Written to {@code file}, output and error together, replacing what it held. */
        record ToFile(Path file) implements Output {
        }

        /** This JVM's standard input, output and error, shared with the process. */
        record Inherited() implements Output {
        }
    }

    /** How a process ended. */
    public enum Status {
        /** It exited by itself: {@link Result#exitCode()} says how. */
        EXITED,
        /** It ran past its deadline and was killed. */
        TIMED_OUT,
        /** It could not be started (no such program, not executable). */
        NOT_STARTED,
        /** This thread was interrupted while waiting; the process was killed and the interrupt flag is set again. */
        INTERRUPTED
    }

    /**
     * What a process did.
     *
     * @param status   how it ended
     * @param exitCode its exit code when {@link Status#EXITED}, else -1
     * @param output   for {@link Output.Captured}, what it wrote to standard output and error, in order,
     *                 stripped (what it wrote before it was killed, for {@link Status#TIMED_OUT}); why it
     *                 could not start, for {@link Status#NOT_STARTED}; else empty
     */
    public record Result(Status status, int exitCode, String output) {

        /** Whether it exited by itself with code 0. */
        public boolean succeeded() {
            return status == Status.EXITED && exitCode == 0;
        }
    }

    /** Runs the process and waits for it, at most {@code limit}. */
    public Result run(Duration limit) {
        return runTogether(List.of(this), limit).get(0);
    }

    /**
     * Starts every process, then waits for them all under one deadline, {@code limit} from now: the
     * ones still running at the deadline are killed and {@link Status#TIMED_OUT}. A process that
     * cannot start is {@link Status#NOT_STARTED}; the others run as usual.
     *
     * @return each process's result, in the order given
     */
    public static List<Result> runTogether(List<BoundedProcess> processes, Duration limit) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("processes need a positive limit, found " + limit);
        }
        long deadline = System.nanoTime() + limit.toNanos();
        Started started = new Started();
        Thread reaper = new Thread(started::reap, "bounded-process-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
        try {
            List<Running> running = new ArrayList<>();
            List<Result> results = new ArrayList<>();
            for (BoundedProcess p : processes) {
                try {
                    running.add(started.start(p));
                } catch (IOException e) {
                    running.add(null);
                    results.add(new Result(Status.NOT_STARTED, -1, String.valueOf(e.getMessage())));
                    continue;
                }
                results.add(null);
            }
            for (int i = 0; i < running.size(); i++) {
                if (running.get(i) != null) {
                    results.set(i, running.get(i).await(deadline));
                }
            }
            return results;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(reaper);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting: the hook runs and kills the processes, which is what we want
            }
        }
    }

    private Running start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(argv);
        if (output instanceof Output.Inherited) {
            builder.inheritIO();
        } else if (output instanceof Output.ToFile file) {
            builder.redirectErrorStream(true).redirectOutput(file.file().toFile());
        } else {
            builder.redirectErrorStream(true);
        }
        Process process = builder.start();
        Thread reader = null;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        if (!(output instanceof Output.Inherited)) {
            process.getOutputStream().close();
        }
        if (output instanceof Output.Captured) {
            reader = new Thread(() -> drain(process.getInputStream(), captured), "bounded-process-output");
            reader.setDaemon(true);
            reader.start();
        }
        return new Running(process, reader, captured);
    }

    /**
     * The processes of one {@link #runTogether} call. A process is recorded as it starts, under the
     * lock the reaper takes, so a JVM told to exit while one is starting still kills it; none
     * starts after the reaper ran.
     */
    private static final class Started {
        private final List<Running> running = new ArrayList<>();
        private boolean reaped;

        synchronized Running start(BoundedProcess process) throws IOException {
            if (reaped) {
                throw new IOException("this JVM is exiting");
            }
            Running r = process.start();
            running.add(r);
            return r;
        }

        synchronized void reap() {
            reaped = true;
            running.forEach(Running::destroyTree);
        }
    }

    /** A started process, and the thread reading its captured output (null when not captured). */
    private record Running(Process process, Thread reader, ByteArrayOutputStream captured) {

        Result await(long deadline) {
            Status status;
            try {
                status = process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
                        ? Status.EXITED : Status.TIMED_OUT;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                status = Status.INTERRUPTED;
            }
            if (status != Status.EXITED) {
                destroyTree();
            }
            if (reader != null && !join(reader)) {
                // a process the command left behind still holds the output open: it belongs to the command
                destroyTree();
            }
            String text;
            synchronized (captured) {
                text = captured.toString(StandardCharsets.UTF_8).strip();
            }
            return new Result(status, status == Status.EXITED ? process.exitValue() : -1, text);
        }

        /** Kills the process and every process it started; its children first, while they are still its descendants. */
        void destroyTree() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(DRAIN_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
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
            // the pipe closed under the reader when the process was killed: what was read is kept
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
}
