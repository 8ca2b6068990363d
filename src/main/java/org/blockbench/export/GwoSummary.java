package org.blockbench.export;

import java.util.List;

/**
 * The GWO annotation of a model as the manifest records it.
 *
 * @param primitives                 every primitive of one block instance, with role and cost
 * @param blockDescriptiveComplexity C_D of one block instance
 * @param instances                  instances of the block in the network (3 in a scaffold stage, 2 in the GWO network)
 * @param descriptiveComplexity      C_D of the network: block C_D × instances
 * @param dynamicSubnetworks         scopes whose parameters generate behaviour dynamically
 * @param dynamicParams              trainable parameters under those scopes, whole network (C_P × 10^6)
 */
public record GwoSummary(List<Primitive> primitives, int blockDescriptiveComplexity, int instances,
                         int descriptiveComplexity, List<String> dynamicSubnetworks, long dynamicParams) {

    /** One primitive use: which operation, its role (PATH/SHAPE/WEIGHT), its name and cost. */
    public record Primitive(String operation, String kind, String name, int cost) {
    }
}
