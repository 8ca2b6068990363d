package org.blockbench.train.interp;

import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The operators the interpreter implements, by ONNX op_type (default domain). */
final class OpRegistry {

    private static final Map<String, OpSpec> SPECS;

    static {
        Map<String, OpSpec> m = new TreeMap<>();
        Stream.of(ElementwiseOps.specs(), SpatialOps.specs(), NormOps.specs(), LinearOps.specs(), ShapeOps.specs(),
                        IndexOps.specs())
                .flatMap(java.util.List::stream)
                .forEach(s -> {
                    if (m.put(s.opType(), s) != null) {
                        throw new IllegalStateException("operator " + s.opType() + " registered twice");
                    }
                });
        SPECS = Collections.unmodifiableMap(m);
    }

    private OpRegistry() {
    }

    static OpSpec find(String opType) {
        return SPECS.get(opType);
    }

    static SortedSet<String> supported() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(SPECS.keySet()));
    }
}
