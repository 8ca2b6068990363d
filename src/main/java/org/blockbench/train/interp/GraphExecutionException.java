package org.blockbench.train.interp;

/**
 * A node failed while the graph ran (LibTorch rejected a shape, say). The message names the
 * graph, the node and LibTorch's first line; the cause keeps the rest.
 */
public class GraphExecutionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GraphExecutionException(String message) {
        super(message);
    }

    public GraphExecutionException(String message, Throwable cause) {
        super(message, cause);
    }
}
