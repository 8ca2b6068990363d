package org.blockbench.analysis.shape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Operators that rearrange elements without changing their number or only repeat them:
 * Reshape, Flatten, Transpose, Squeeze, Unsqueeze, Expand, Tile. Constant inputs are folded.
 */
final class LayoutShapes {

    private LayoutShapes() {
    }

    static void register(Map<String, ShapeRule> rules) {
        rules.put("Reshape", LayoutShapes::reshape);
        rules.put("Flatten", LayoutShapes::flatten);
        rules.put("Transpose", LayoutShapes::transpose);
        rules.put("Squeeze", LayoutShapes::squeeze);
        rules.put("Unsqueeze", LayoutShapes::unsqueeze);
        rules.put("Expand", LayoutShapes::expand);
        rules.put("Tile", LayoutShapes::tile);
    }

    /** Same elements in the same order, new shape. */
    private static List<TensorInfo> sameData(ShapedNode n, long[] out) {
        if (TensorInfo.elementCount(out) != n.input(0).elements()) {
            throw n.mismatch("cannot lay " + n.input(0).elements() + " elements out as " + Arrays.toString(out));
        }
        return List.of(TensorInfo.constant(n.elementType(0), out, n.constant(0)));
    }

    private static List<TensorInfo> reshape(ShapedNode n) {
        long[] in = n.shape(0);
        long[] target = n.requireConstant(1, "the target shape").asLongs();
        boolean allowZero = n.attrInt("allowzero", 0) != 0;
        long[] out = target.clone();
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == 0 && !allowZero) {
                if (i >= in.length) {
                    throw n.mismatch("target dim " + i + " is 0 (copy) but the input has rank " + in.length);
                }
                out[i] = in[i];
            }
            if (out[i] == -1) {
                if (inferred >= 0) {
                    throw n.mismatch("target shape " + Arrays.toString(target) + " has more than one -1");
                }
                inferred = i;
            } else if (out[i] < 0) {
                throw n.mismatch("target shape " + Arrays.toString(target) + " has a negative dimension");
            } else {
                known = Math.multiplyExact(known, out[i]);
            }
        }
        long total = TensorInfo.elementCount(in);
        if (inferred >= 0) {
            if (known == 0 || total % known != 0) {
                throw n.mismatch("cannot infer -1 in " + Arrays.toString(target) + " from " + total + " elements");
            }
            out[inferred] = total / known;
        }
        return sameData(n, out);
    }

    private static List<TensorInfo> flatten(ShapedNode n) {
        long[] in = n.shape(0);
        long axis = n.attrInt("axis", 1);
        int a = (int) (axis < 0 ? axis + in.length : axis);
        if (a < 0 || a > in.length) {
            throw n.fail("axis " + axis + " is out of range for rank " + in.length);
        }
        return sameData(n, new long[] {Shapes.product(in, 0, a), Shapes.product(in, a, in.length)});
    }

    private static List<TensorInfo> transpose(ShapedNode n) {
        long[] in = n.shape(0);
        long[] perm = n.attrInts("perm", null);
        if (perm == null) {
            perm = new long[in.length];
            for (int i = 0; i < in.length; i++) {
                perm[i] = in.length - 1 - i;
            }
        }
        if (perm.length != in.length) {
            throw n.mismatch("perm " + Arrays.toString(perm) + " does not match rank " + in.length);
        }
        long[] out = new long[in.length];
        boolean[] seen = new boolean[in.length];
        for (int i = 0; i < perm.length; i++) {
            int p = n.axis(perm[i], in.length);
            if (seen[p]) {
                throw n.fail("perm " + Arrays.toString(perm) + " is not a permutation");
            }
            seen[p] = true;
            out[i] = in[p];
        }
        long[] inStrides = Shapes.strides(in);
        long[] permStrides = new long[in.length];
        for (int i = 0; i < perm.length; i++) {
            permStrides[i] = inStrides[(int) perm[i]];
        }
        final long[] outShape = out;
        return List.of(TensorInfo.constant(n.elementType(0), out,
                Fold.remap(n.constant(0), out, i -> Fold.flat(Fold.coords(outShape, i), permStrides))));
    }

    /** Axes from the attribute (opset < 13) or the second input. */
    private static long[] axes(ShapedNode n) {
        if (n.hasInput(1)) {
            return n.requireConstant(1, "axes").asLongs();
        }
        return n.attrInts("axes", null);
    }

    private static List<TensorInfo> squeeze(ShapedNode n) {
        long[] in = n.shape(0);
        long[] axes = axes(n);
        boolean[] drop = new boolean[in.length];
        if (axes == null) {
            for (int i = 0; i < in.length; i++) {
                drop[i] = in[i] == 1;
            }
        } else {
            for (long a : axes) {
                int k = n.axis(a, in.length);
                if (in[k] != 1) {
                    throw n.mismatch("cannot squeeze axis " + a + " of size " + in[k]);
                }
                drop[k] = true;
            }
        }
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < in.length; i++) {
            if (!drop[i]) {
                out.add(in[i]);
            }
        }
        return sameData(n, out.stream().mapToLong(Long::longValue).toArray());
    }

    private static List<TensorInfo> unsqueeze(ShapedNode n) {
        long[] in = n.shape(0);
        long[] axes = axes(n);
        if (axes == null) {
            throw n.fail("needs axes (attribute before opset 13, input 1 from opset 13)");
        }
        int rank = in.length + axes.length;
        boolean[] inserted = new boolean[rank];
        for (long a : axes) {
            int k = n.axis(a, rank);
            if (inserted[k]) {
                throw n.fail("axes " + Arrays.toString(axes) + " repeat an axis");
            }
            inserted[k] = true;
        }
        long[] out = new long[rank];
        for (int i = 0, j = 0; i < rank; i++) {
            out[i] = inserted[i] ? 1 : in[j++];
        }
        return sameData(n, out);
    }

    private static List<TensorInfo> expand(ShapedNode n) {
        long[] in = n.shape(0);
        long[] out = Shapes.broadcast(n, in, n.requireConstant(1, "the target shape").asLongs());
        return List.of(TensorInfo.constant(n.elementType(0), out,
                Fold.remap(n.constant(0), out, i -> Shapes.broadcastIndex(out, in, i))));
    }

    private static List<TensorInfo> tile(ShapedNode n) {
        long[] in = n.shape(0);
        long[] repeats = n.requireConstant(1, "repeats").asLongs();
        if (repeats.length != in.length) {
            throw n.mismatch("repeats " + Arrays.toString(repeats) + " need one entry per axis of rank " + in.length);
        }
        long[] out = new long[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = in[i] * repeats[i];
        }
        long[] strides = Shapes.strides(in);
        return List.of(TensorInfo.constant(n.elementType(0), out, Fold.remap(n.constant(0), out, i -> {
            long[] c = Fold.coords(out, i);
            for (int k = 0; k < c.length; k++) {
                c[k] %= in[k];
            }
            return Fold.flat(c, strides);
        })));
    }
}
