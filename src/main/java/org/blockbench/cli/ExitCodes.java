package org.blockbench.cli;

import java.io.UncheckedIOException;
import org.blockbench.BadInputException;
import org.blockbench.ort.ModelOrigin;
import org.blockbench.ort.OrtCallException;
import picocli.CommandLine;

/**
 * Exit codes, and the one mapping from exception types to them. User errors print one
 * line on stderr, never a stack trace; only a defect in BlockBench itself shows one.
 */
public final class ExitCodes implements CommandLine.IExecutionExceptionHandler, CommandLine.IExitCodeExceptionMapper {

    /** Everything ran and nothing was found wrong. */
    public static final int OK = 0;
    /** The command ran, and its result is a failure: a config failed, a benchmark regressed. */
    public static final int FINDINGS = 1;
    /** Bad input: unknown name, bad option, malformed or unsupported file. */
    public static final int BAD_INPUT = 2;
    /** An output could not be written (permissions, disk full). */
    public static final int IO_ERROR = 3;
    /** A defect in BlockBench (EX_SOFTWARE). */
    public static final int INTERNAL_ERROR = 70;

    @Override
    public int getExitCode(Throwable t) {
        if (t instanceof OrtCallException ort) { // the user's model or choice, or a graph BlockBench built
            return ort.origin() == ModelOrigin.USER ? BAD_INPUT : INTERNAL_ERROR;
        }
        if (t instanceof BadInputException || t instanceof CommandLine.ParameterException) {
            return BAD_INPUT;
        }
        if (t instanceof UncheckedIOException || t instanceof java.io.IOException) {
            return IO_ERROR;
        }
        return INTERNAL_ERROR;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        int code = getExitCode(e);
        if (code == INTERNAL_ERROR) {
            e.printStackTrace(cmd.getErr());
        } else {
            cmd.getErr().println("blockbench: " + e.getMessage());
        }
        return code;
    }
}
