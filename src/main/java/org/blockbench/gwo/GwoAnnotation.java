package org.blockbench.gwo;

import java.util.List;

/**
 * What a block declares about itself in the GWO grammar: the operations it performs (→ the
 * descriptive complexity C_D) and the scopes of its sub-networks that generate behaviour
 * dynamically (→ the parametric complexity C_P, counted from the parameters under them).
 * Declared with the block, never guessed from the graph.
 *
 * @param operations         the operations of one block instance, deploy form
 * @param dynamicSubnetworks local scope names (e.g. {@code offset}, {@code attn.qkv}) whose
 *                           parameters generate behaviour dynamically
 */
public record GwoAnnotation(List<GwoOperation> operations, List<String> dynamicSubnetworks) {

    public GwoAnnotation {
        operations = List.copyOf(operations);
        dynamicSubnetworks = List.copyOf(dynamicSubnetworks);
    }

    public static GwoAnnotation of(GwoOperation... operations) {
        return new GwoAnnotation(List.of(operations), List.of());
    }

    public GwoAnnotation withDynamic(String... scopes) {
        return new GwoAnnotation(operations, List.of(scopes));
    }

    /** C_D: the sum of the primitive costs of every declared operation. */
    public int descriptiveComplexity() {
        return operations.stream().mapToInt(GwoOperation::cost).sum();
    }

    /** True when a parameter's qualified name lies under one of the dynamic sub-network scopes. */
    public boolean isDynamic(String parameterName) {
        for (String scope : dynamicSubnetworks) {
            if (parameterName.startsWith(scope + ".") || parameterName.contains("." + scope + ".")) {
                return true;
            }
        }
        return false;
    }
}
