package org.blockbench.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.blockbench.BadInputException;
import org.blockbench.ort.ModelOrigin;
import org.blockbench.ort.OrtCallException;
import org.blockbench.RunFailedException;
import org.blockbench.io.OutputWriteException;
import org.blockbench.text.OneLine;
import picocli.CommandLine;

/**
 * Exit codes, and the one mapping from exception types to them. User errors print one
 * line on stderr, never a stack trace; only a defect in BlockBench itself shows one.
 *
 * <table>
 * <caption>exception type → exit code</caption>
 * <tr><td>{@link BadInputException}, picocli's ParameterException</td><td>{@value #BAD_INPUT}</td></tr>
 * <tr><td>{@link OutputWriteException} (an output could not be written)</td><td>{@value #IO_ERROR}</td></tr>
 * <tr><td>any other {@link UncheckedIOException} / {@link IOException}: a file BlockBench
 *     read (every output goes through {@link org.blockbench.io.AtomicFile} or throws
 *     OutputWriteException itself)</td><td>{@value #BAD_INPUT}</td></tr>
 * <tr><td>{@link RunFailedException} (a fork or config that was run failed)</td><td>{@value #FINDINGS}</td></tr>
 * <tr><td>anything else: a defect, printed with its stack trace</td><td>{@value #INTERNAL_ERROR}</td></tr>
 * </table>
 *
 * <p>Every one-line message goes through {@link OneLine}, so a name holding a newline or
 * another control character (a model file called {@code "a\nb.onnx"}) cannot split it.
 */
public final class ExitCodes implements CommandLine.IExecutionExceptionHandler, CommandLine.IExitCodeExceptionMapper,
        CommandLine.IParameterExceptionHandler {

    /** Everything ran and nothing was found wrong. */
    public static final int OK = 0;
    /** The command ran, and its result is a failure: a config failed, a benchmark regressed. */
    public static final int FINDINGS = 1;
    /** Bad input: unknown name, bad option, unreadable, malformed or unsupported input file. */
    public static final int BAD_INPUT = 2;
    /** An output could not be written (permissions, disk full, a parent path that is a file). */
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
        if (t instanceof OutputWriteException) {
            return IO_ERROR;
        }
        if (t instanceof UncheckedIOException || t instanceof IOException) {
            return BAD_INPUT;
        }
        if (t instanceof RunFailedException) {
            return FINDINGS;
        }
        return INTERNAL_ERROR;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        int code = getExitCode(e);
        if (code == INTERNAL_ERROR) {
            e.printStackTrace(cmd.getErr());
        } else {
            cmd.getErr().println(OneLine.of("blockbench: " + message(e)));
        }
        return code;
    }

    /** A bad option or argument: one line naming it, and where the usage is; no usage dump. */
    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        cmd.getErr().println(OneLine.of("blockbench: " + message(e)) + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        return BAD_INPUT;
    }

    private static String message(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage().strip();
    }
}
