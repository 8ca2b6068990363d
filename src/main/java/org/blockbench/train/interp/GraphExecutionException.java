package org.blockbench.train.interp;

import org.blockbench.BadInputException;

/**
 * LibTorch rejected what the user's model asked of it while the graph ran (a shape that
 * does not fit, say). The message names the graph, the node and LibTorch's first line; the
 * cause keeps the rest. Bad input (exit code 2): the model, not BlockBench, is at fault.
 */
public class GraphExecutionException extends BadInputException {
    private static final long serialVersionUID = 1L;

    public GraphExecutionException(String message) {
        super(message);
    }

    public GraphExecutionException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether {@code e} is LibTorch's own error: JavaCPP turns a C++ exception (c10::Error)
     * into a plain {@link RuntimeException}, never a subclass. Any subclass
     * (NullPointerException, IllegalStateException, ...) comes from Java code, a defect.
     */
    public static boolean isLibTorchError(RuntimeException e) {
        return e.getClass() == RuntimeException.class;
    }

    /** LibTorch's message, first line only (its later lines are a C++ backtrace). */
    public static String firstLine(Throwable e) {
        return org.blockbench.text.OneLine.firstLine(e.getMessage());
    }
}
