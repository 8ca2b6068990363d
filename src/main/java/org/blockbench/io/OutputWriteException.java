package org.blockbench.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * An output BlockBench was asked to write could not be written: its directory could not be
 * created, the disk is full, a parent path is a regular file. The only failure the CLI
 * maps to exit code 3; a file that cannot be <em>read</em> is bad input instead
 * ({@link org.blockbench.BadInputException}, code 2).
 */
public class OutputWriteException extends UncheckedIOException {
    private static final long serialVersionUID = 1L;

    /** "cannot write TARGET: REASON", the reason taken from {@code cause}. */
    public OutputWriteException(Path target, IOException cause) {
        this("cannot write " + target + ": " + describe(cause), cause);
    }

    public OutputWriteException(String message, IOException cause) {
        super(message, cause);
    }

    /** The IOException's type and message, e.g. "AccessDenied /x/y" or "FileSystem: Not a directory". */
    public static String describe(IOException e) {
        String type = e.getClass().getSimpleName().replace("Exception", "");
        return e.getMessage() == null ? type : type + " " + e.getMessage();
    }
}
