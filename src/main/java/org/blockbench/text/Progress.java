package org.blockbench.text;

import java.io.PrintStream;

/**
 * How far a long task has come (export, analysis, a sweep, a training epoch, a download), told
 * to the person or the log that watches it: the one progress display of the project. Its form
 * follows where the stream goes: on a terminal an updating bar, anywhere else (a file, a CI log, a
 * pipe) plain lines at a bounded rate, never carriage-return updates. Closing it ends the display
 * with a final line. Services take a {@link Factory} and never choose the form; the console's
 * choice is made once, in {@code cli.ConsoleProgress}.
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
     * Starts a {@link Progress} for each task of a service: the one way a service shows how far it
     * has come. The service does not know where its progress goes; the command line picks the form
     * (a bar on a terminal, plain lines elsewhere, nothing when quiet) and tests record the calls.
     */
    @FunctionalInterface
    interface Factory {

        /** Shows nothing. */
        Factory NONE = new Factory() {
            @Override
            public Progress start(String task, long total, Unit unit) {
                return Progress.NONE;
            }

            @Override
            public boolean shows() {
                return false;
            }
        };

        /** Starts the display of {@code task}: {@code total} units, unknown when below 1. */
        Progress start(String task, long total, Unit unit);

        /**
         * Whether the progress is shown at all: a service that says more when it is watched (one
         * summary line per training epoch) says it only then.
         */
        default boolean shows() {
            return true;
        }
    }

    /** A progress that shows nothing. */
    Progress NONE = new Progress() {
        @Override
        public void step() {
        }

        @Override
        public void stepTo(long done) {
        }

        @Override
        public void message(String message) {
        }

        @Override
        public void println(String line) {
        }

        @Override
        public void close() {
        }
    };

    /** An ASCII bar redrawn in place on {@code stream}, once a second: for a terminal only. */
    static Factory bar(PrintStream stream) {
        return (task, total, unit) -> new ProgressBarDisplay(task, total, unit, stream);
    }

    /**
     * Plain lines on {@code stream}, for a file, a CI log or a pipe: one at each further tenth, at
     * most one every 10 s, and a final line; never a carriage return.
     */
    static Factory lines(PrintStream stream) {
        return (task, total, unit) -> new ProgressLines(task, total, unit, stream, System::nanoTime, ProgressLines.MIN_INTERVAL_NANOS);
    }
}
