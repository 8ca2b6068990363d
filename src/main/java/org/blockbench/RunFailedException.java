package org.blockbench;

/**
 * What the command ran failed, though BlockBench and its input are fine: a benchmark fork
 * died, a measured config could not finish. The CLI prints the message as one line (no
 * stack trace) and exits with code 1, as it does when a run finds a regression.
 */
public class RunFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RunFailedException(String message) {
        super(message);
    }

    public RunFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
