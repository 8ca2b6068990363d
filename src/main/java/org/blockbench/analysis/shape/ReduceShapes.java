package org.blockbench.analysis.shape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.blockbench.onnx.ElementType;

/** Reductions (ReduceMean and its family, axes as attribute or, from opset 18, as input) and ArgMax/ArgMin. */
final class ReduceShapes {

    private ReduceShapes() {
    }

    static void register(Map<String, ShapeRule> rules) {
        for (String op : ShapeInference.REDUCTION_OPS) {
            rules.put(op, ReduceShapes::reduce);
        }
        rules.put("ArgMax", ReduceShapes::arg);
        rules.put("ArgMin", ReduceShapes::arg);
    }

    private static List<TensorInfo> reduce(ShapedNode n) {
        long[] in = n.shape(0);
        long[] axes = n.hasInput(1) ? n.requireConstant(1, "axes").asLongs() : n.attrInts("axes", null);
        boolean keep = n.attrInt("keepdims", 1) != 0;
        if (axes == null || axes.length == 0) {
            if (n.attrInt("noop_with_empty_axes", 0) != 0) {
                return List.of(TensorInfo.of(n.elementType(0), in));
            }
            axes = new long[in.length];
            for (int i = 0; i < in.length; i++) {
                axes[i] = i;
            }
        }
        boolean[] reduced = new boolean[in.length];
        for (long a : axes) {
            reduced[n.axis(a, in.length)] = true;
        }
        return List.of(TensorInfo.of(n.elementType(0), reducedShape(in, reduced, keep)));
    }

    private static List<TensorInfo> arg(ShapedNode n) {
        long[] in = n.shape(0);
        boolean[] reduced = new boolean[in.length];
        reduced[n.axis(n.attrInt("axis", 0), in.length)] = true;
        return List.of(TensorInfo.of(ElementType.INT64, reducedShape(in, reduced, n.attrInt("keepdims", 1) != 0)));
    }

    private static long[] reducedShape(long[] in, boolean[] reduced, boolean keep) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < in.length; i++) {
            if (!reduced[i]) {
                out.add(in[i]);
            } else if (keep) {
                out.add(1L);
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }
}
