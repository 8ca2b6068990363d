package org.blockbench.analysis;

import java.util.List;

/**
 * What the graph stores, by role (see {@link Conventions#PARAMS}).
 *
 * @param elements                distinct parameter elements (the "params" figure)
 * @param bytes                   their bytes as stored
 * @param perUseElements          parameter elements counted once per node input that reads them
 * @param bufferElements          distinct buffer elements (BatchNormalization running statistics)
 * @param bufferBytes             their bytes
 * @param constantElements        initializer elements read only as shapes, axes, indices, bounds
 * @param constantBytes           their bytes
 * @param constantNodeElements    elements held in Constant nodes (not initializers; not parameters)
 * @param unusedInitializers      initializers no node reads
 * @param unusedElements          their elements
 * @param shared                  tensors read by more than one node input
 */
public record ParameterTotals(long elements, long bytes, long perUseElements, long bufferElements, long bufferBytes,
                              long constantElements, long constantBytes, long constantNodeElements,
                              long unusedInitializers, long unusedElements, List<SharedTensor> shared) {

    public ParameterTotals {
        shared = List.copyOf(shared);
    }

    /**
     * A stored tensor read by several node inputs.
     *
     * @param name     initializer name
     * @param role     "parameter", "buffer" or "constant"
     * @param elements its elements
     * @param uses     node inputs that read it (through Identity aliases too)
     */
    public record SharedTensor(String name, String role, long elements, int uses) {
    }
}
