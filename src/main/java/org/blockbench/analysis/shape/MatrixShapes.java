package org.blockbench.analysis.shape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Gemm, MatMul (numpy semantics, batched, 1-D operands) and Einsum. */
final class MatrixShapes {

    private MatrixShapes() {
    }

    static void register(Map<String, ShapeRule> rules) {
        rules.put("Gemm", MatrixShapes::gemm);
        rules.put("MatMul", MatrixShapes::matMul);
        rules.put("Einsum", MatrixShapes::einsum);
    }

    private static List<TensorInfo> gemm(ShapedNode n) {
        long[] a = n.shape(0);
        long[] b = n.shape(1);
        if (a.length != 2 || b.length != 2) {
            throw n.mismatch("A and B must be matrices");
        }
        boolean ta = n.attrInt("transA", 0) != 0;
        boolean tb = n.attrInt("transB", 0) != 0;
        long m = ta ? a[1] : a[0];
        long k = ta ? a[0] : a[1];
        long kb = tb ? b[1] : b[0];
        long cols = tb ? b[0] : b[1];
        if (k != kb) {
            throw n.mismatch("inner dimensions differ: A gives K=" + k + ", B gives K=" + kb
                    + " (transA=" + (ta ? 1 : 0) + ", transB=" + (tb ? 1 : 0) + ")");
        }
        if (n.hasInput(2)) {
            Shapes.broadcast(n, new long[] {m, cols}, n.shape(2));
        }
        return List.of(TensorInfo.of(n.elementType(0), m, cols));
    }

    /** Output shape of {@code a @ b} under numpy matmul rules. */
    static long[] matMulShape(ShapedNode n, long[] a, long[] b) {
        if (a.length == 0 || b.length == 0) {
            throw n.mismatch("MatMul operands must have rank >= 1");
        }
        long[] a2 = a.length == 1 ? new long[] {1, a[0]} : a;
        long[] b2 = b.length == 1 ? new long[] {b[0], 1} : b;
        long k = a2[a2.length - 1];
        if (k != b2[b2.length - 2]) {
            throw n.mismatch("inner dimensions differ: " + k + " vs " + b2[b2.length - 2]);
        }
        long[] batch = Shapes.broadcast(n, Arrays.copyOf(a2, a2.length - 2), Arrays.copyOf(b2, b2.length - 2));
        List<Long> out = new ArrayList<>();
        for (long d : batch) {
            out.add(d);
        }
        if (a.length > 1) {
            out.add(a2[a2.length - 2]);
        }
        if (b.length > 1) {
            out.add(b2[b2.length - 1]);
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    private static List<TensorInfo> matMul(ShapedNode n) {
        return List.of(TensorInfo.of(n.elementType(0), matMulShape(n, n.shape(0), n.shape(1))));
    }

    private static List<TensorInfo> einsum(ShapedNode n) {
        List<long[]> shapes = new ArrayList<>();
        for (int i = 0; i < n.inputCount(); i++) {
            shapes.add(n.shape(i));
        }
        String eq = n.attrString("equation", null);
        if (eq == null) {
            throw n.fail("missing attribute 'equation'");
        }
        return List.of(TensorInfo.of(n.elementType(0), EinsumEquation.bind(n, eq, shapes).outputShape()));
    }
}
