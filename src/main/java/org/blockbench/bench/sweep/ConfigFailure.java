package org.blockbench.bench.sweep;

/**
 * JMH could not produce a result for a config (its fork failed); the message says why in one
 * line. A finding of the run (exit code 1), not a defect.
 */
public final class ConfigFailure extends org.blockbench.RunFailedException {
    private static final long serialVersionUID = 1L;

    public ConfigFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
