package org.blockbench.bench.sweep;

import org.blockbench.BadInputException;
import org.blockbench.ort.ModelOrigin;
import org.blockbench.ort.OrtCallException;

/**
 * JMH could not produce a result for a config (its fork failed); the message says why in one
 * line. A finding of the run (exit code 1), not a defect.
 */
public final class ConfigFailure extends org.blockbench.RunFailedException {
    private static final long serialVersionUID = 1L;

    public ConfigFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * True when {@code e} is one config's own failure, recorded while the sweep goes on: a bad
     * model or option, ONNX Runtime refusing (or crashing on, or timing out on) a user's model, a
     * fork that died. False for a defect (including ORT failing on a graph BlockBench built), an
     * unwritable output, or the JMH lock held by another run: those end the command.
     */
    public static boolean ownedByConfig(RuntimeException e) {
        if (e instanceof JmhLockHeldException) {
            return false;
        }
        if (e instanceof OrtCallException ort) {
            return ort.origin() == ModelOrigin.USER;
        }
        return e instanceof BadInputException || e instanceof ConfigFailure;
    }
}
