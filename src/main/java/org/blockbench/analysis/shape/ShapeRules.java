package org.blockbench.analysis.shape;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/** The table of default-domain operators shape inference supports. */
final class ShapeRules {

    private static final Map<String, ShapeRule> RULES;

    static {
        Map<String, ShapeRule> rules = new HashMap<>();
        ElementwiseShapes.register(rules);
        ConvShapes.register(rules);
        MatrixShapes.register(rules);
        LayoutShapes.register(rules);
        IndexingShapes.register(rules);
        ConstantShapes.register(rules);
        ReduceShapes.register(rules);
        QuantizeShapes.register(rules);
        RULES = Collections.unmodifiableMap(rules);
    }

    private ShapeRules() {
    }

    /** The rule for a default-domain op type, or null when unsupported. */
    static ShapeRule get(String opType) {
        return RULES.get(opType);
    }

    static SortedSet<String> supported() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(RULES.keySet()));
    }
}
