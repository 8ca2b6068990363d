package org.blockbench.bench.sweep;

/** JMH could not produce a result for a config; the message says why in one line. */
public final class ConfigFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
