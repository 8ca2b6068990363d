package org.blockbench.gwo;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.blockbench.BadInputException;

/**
 * Counts C_P's numerator in an ONNX graph: the elements of the trainable initializers under
 * each declared dynamic sub-network scope. Trainable = floating-point initializers other than
 * BatchNormalization's running mean and variance (inputs 3 and 4), the convention of the
 * manifest and of the static analysis.
 */
public final class DynamicParameterCount {

    private static final Set<Integer> FLOAT_TYPES = Set.of(TensorProto.DataType.FLOAT_VALUE,
            TensorProto.DataType.FLOAT16_VALUE, TensorProto.DataType.DOUBLE_VALUE, TensorProto.DataType.BFLOAT16_VALUE);

    private DynamicParameterCount() {
    }

    /**
     * Trainable elements per declared scope (an initializer under several scopes is counted in
     * each, and once in {@link #total}); a scope that matches no trainable initializer fails,
     * since a misspelt scope would silently give C_P = 0.
     *
     * @param source names the model in errors
     */
    public static Map<String, Long> perScope(ModelProto model, GwoAnnotation annotation, String source) {
        Map<String, Long> trainable = trainableInitializers(model);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String scope : annotation.dynamicSubnetworks()) {
            long n = 0;
            boolean matched = false;
            for (Map.Entry<String, Long> e : trainable.entrySet()) {
                if (inScope(e.getKey(), scope)) {
                    n += e.getValue();
                    matched = true;
                }
            }
            if (!matched) {
                List<String> some = trainable.keySet().stream().sorted().limit(8).toList();
                throw new BadInputException(source + ": dynamic sub-network scope '" + scope + "' matches no trainable"
                        + " initializer; initializer names look like " + some
                        + (trainable.size() > some.size() ? " (" + trainable.size() + " in all)" : ""));
            }
            counts.put(scope, n);
        }
        return counts;
    }

    /** Trainable elements under any declared scope, each initializer counted once. */
    public static long total(ModelProto model, GwoAnnotation annotation, String source) {
        perScope(model, annotation, source);
        return trainableInitializers(model).entrySet().stream()
                .filter(e -> annotation.dynamicSubnetworks().stream().anyMatch(s -> inScope(e.getKey(), s)))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** Whether an initializer name lies under a scope: equal, "scope." prefix, or ".scope." inside. */
    static boolean inScope(String name, String scope) {
        return name.equals(scope) || name.startsWith(scope + ".") || name.contains("." + scope + ".");
    }

    /** Floating-point initializers that are not BN running statistics, with their element counts. */
    static Map<String, Long> trainableInitializers(ModelProto model) {
        Set<String> buffers = new HashSet<>();
        for (NodeProto n : model.getGraph().getNodeList()) {
            if (n.getOpType().equals("BatchNormalization") && n.getDomain().isEmpty()) {
                for (int i = 3; i < Math.min(5, n.getInputCount()); i++) {
                    buffers.add(n.getInput(i));
                }
            }
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (TensorProto t : model.getGraph().getInitializerList()) {
            if (FLOAT_TYPES.contains(t.getDataType()) && !buffers.contains(t.getName())) {
                long elements = 1;
                for (long d : t.getDimsList()) {
                    elements = Math.multiplyExact(elements, d);
                }
                out.put(t.getName(), elements);
            }
        }
        return out;
    }
}
