package org.blockbench.text;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How far a long task has come (export, analysis, a sweep, a training epoch, a download), told
 * to the person or the log that watches it: the one progress display of the project. Its form
 * follows where the stream goes: on a terminal an updating bar, anywhere else (a file, a CI log, a
 * pipe) plain lines at a bounded rate, never carriage-return updates. Closing it ends the display
 * with a final line.
 */
public interface Progress extends AutoCloseable {

    /** What is counted, and how it reads. */
    enum Unit {
        /** Whole items: models, configs, forks. */
        ITEMS("", 1),
        /** Training steps. */
        STEPS(" steps", 1),
        /** Bytes, shown in MiB as "MB". */
        BYTES(" MB", 1 << 20);

        final String suffix;
        final long size;

        Unit(String suffix, long size) {
            this.suffix = suffix;
            this.size = size;
        }
    }

    /** One more unit done. */
    void step();

    /** {@code done} units done in all. */
    void stepTo(long done);

    /** What is being worked on now (a model id, the running loss), shown with the next update. */
    void message(String message);

    /** A line of its own, such as a failure, kept apart from the progress updates. */
    void println(String line);

    /** Ends the display with a final line. */
    @Override
    void close();

    /**
     * Starts the display of {@code task} ({@code total} units; unknown when below 1) on
     * {@code stream}: a bar when the stream is this process's standard error and that is a
     * terminal, plain lines (one at each further tenth, at most one every 10 s, and a final line)
     * otherwise.
     */
    static Progress start(String task, long total, Unit unit, PrintStream stream) {
        return stream == System.err && System.console() != null && standardErrorIsTerminal()
                ? new ProgressBarDisplay(task, total, unit, stream)
                : new ProgressLines(task, total, unit, stream, System::nanoTime, ProgressLines.MIN_INTERVAL_NANOS);
    }

    /**
     * Whether file descriptor 2 is a terminal ({@code System.console()} looks at standard input
     * and output only); where /proc cannot tell, the console's answer stands.
     */
    private static boolean standardErrorIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return true;
        }
    }
}
