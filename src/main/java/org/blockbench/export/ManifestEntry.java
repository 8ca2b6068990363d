package org.blockbench.export;

import java.util.List;

/**
 * One zoo model in the manifest: identity, I/O contract, parameter counts, the two files and
 * the GWO annotation.
 *
 * @param inputShape      e.g. ["batch", 3, 32, 32]: a String for a symbolic dim, a number otherwise
 * @param trainableParams trainable parameters (BN running statistics excluded), train form
 * @param bufferElements  BN running-statistic elements, train form
 */
public record ManifestEntry(String block, String position, String inputName, List<Object> inputShape,
                            String outputName, int classes, int opset, long trainableParams, long bufferElements,
                            ModelFile train, ModelFile deploy, GwoSummary gwo) {

    /** "Block/position", the model's id and directory. */
    public String id() {
        return block + "/" + position;
    }
}
