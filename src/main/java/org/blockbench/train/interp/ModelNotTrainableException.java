package org.blockbench.train.interp;

import org.blockbench.BadInputException;

/**
 * The model cannot be trained by the interpreter: an operator it does not implement, an
 * attribute value it does not support, a graph without exactly one image input. Raised while
 * compiling or dry-running the graph, before any training step; the message names the
 * operators or the node.
 */
public class ModelNotTrainableException extends BadInputException {
    private static final long serialVersionUID = 1L;

    public ModelNotTrainableException(String message) {
        super(message);
    }

    public ModelNotTrainableException(String message, Throwable cause) {
        super(message, cause);
    }
}
