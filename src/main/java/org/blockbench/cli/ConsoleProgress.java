package org.blockbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.blockbench.text.Progress;

/**
 * The console's form of {@link Progress}, chosen here and nowhere else: a bar when this process's
 * standard error is a terminal, plain lines when it goes to a file, a CI log or a pipe, nothing
 * when the command is told to be quiet. Every command hands the services this factory.
 */
final class ConsoleProgress {

    private ConsoleProgress() {
    }

    /** Progress on standard error, or none when {@code quiet}. */
    static Progress.Factory of(boolean quiet) {
        if (quiet) {
            return Progress.Factory.NONE;
        }
        return System.console() != null && standardErrorIsTerminal() ? Progress.bar(System.err) : Progress.lines(System.err);
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
