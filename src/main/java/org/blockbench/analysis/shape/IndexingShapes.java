package org.blockbench.analysis.shape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.blockbench.onnx.ConstantValue;

/** Concat, Split, Slice, Gather, Pad, Resize (and Upsample), GridSample. */
final class IndexingShapes {

    private IndexingShapes() {
    }

    static void register(Map<String, ShapeRule> rules) {
        rules.put("Concat", IndexingShapes::concat);
        rules.put("Split", IndexingShapes::split);
        rules.put("Slice", IndexingShapes::slice);
        rules.put("Gather", IndexingShapes::gather);
        rules.put("Pad", IndexingShapes::pad);
        rules.put("Resize", IndexingShapes::resize);
        rules.put("Upsample", IndexingShapes::resize);
        rules.put("GridSample", IndexingShapes::gridSample);
    }

    private static List<TensorInfo> concat(ShapedNode n) {
        long[] first = n.shape(0);
        if (!n.hasAttribute("axis")) {
            throw n.fail("missing attribute 'axis'");
        }
        int axis = n.axis(n.attrInt("axis", 0), first.length);
        long[] out = first.clone();
        out[axis] = 0;
        boolean allConstant = true;
        for (int i = 0; i < n.inputCount(); i++) {
            long[] s = n.shape(i);
            if (s.length != first.length) {
                throw n.mismatch("inputs must have the same rank");
            }
            for (int k = 0; k < s.length; k++) {
                if (k != axis && s[k] != first[k]) {
                    throw n.mismatch("inputs differ in dimension " + k + " (not the concat axis " + axis + ")");
                }
            }
            out[axis] += s[axis];
            allConstant &= n.constant(i) != null && n.constant(i).integral() == n.constant(0).integral();
        }
        ConstantValue folded = null;
        if (allConstant && TensorInfo.elementCount(out) <= TensorInfo.MAX_FOLDED_ELEMENTS) {
            int size = (int) TensorInfo.elementCount(out);
            long outer = Shapes.product(out, 0, axis);
            long inner = Shapes.product(out, axis + 1, out.length);
            boolean integral = n.constant(0).integral();
            long[] li = integral ? new long[size] : null;
            double[] di = integral ? null : new double[size];
            int at = 0;
            for (long o = 0; o < outer; o++) {
                for (int i = 0; i < n.inputCount(); i++) {
                    long chunk = n.shape(i)[axis] * inner;
                    ConstantValue c = n.constant(i);
                    for (long j = 0; j < chunk; j++) {
                        int src = (int) (o * chunk + j);
                        if (integral) {
                            li[at++] = c.longAt(src);
                        } else {
                            di[at++] = c.doubleAt(src);
                        }
                    }
                }
            }
            folded = new ConstantValue(li, di);
        }
        return List.of(TensorInfo.constant(n.elementType(0), out, folded));
    }

    private static List<TensorInfo> split(ShapedNode n) {
        long[] in = n.shape(0);
        int axis = n.axis(n.attrInt("axis", 0), in.length);
        int outputs = n.outputCount();
        long[] sizes;
        if (n.hasInput(1)) {
            sizes = n.requireConstant(1, "split sizes").asLongs();
        } else if (n.hasAttribute("split")) {
            sizes = n.attrInts("split", null);
        } else {
            long parts = n.attrInt("num_outputs", outputs);
            long chunk = -Math.floorDiv(-in[axis], parts);
            sizes = new long[(int) parts];
            for (int i = 0; i < parts; i++) {
                sizes[i] = Math.max(0, Math.min(chunk, in[axis] - i * chunk));
            }
        }
        if (sizes.length != outputs || Arrays.stream(sizes).sum() != in[axis]) {
            throw n.mismatch("split sizes " + Arrays.toString(sizes) + " must give " + outputs
                    + " outputs summing to " + in[axis]);
        }
        List<TensorInfo> out = new ArrayList<>();
        for (long s : sizes) {
            long[] shape = in.clone();
            shape[axis] = s;
            out.add(TensorInfo.of(n.elementType(0), shape));
        }
        return out;
    }

    private static List<TensorInfo> slice(ShapedNode n) {
        long[] in = n.shape(0);
        long[] starts;
        long[] ends;
        long[] axes;
        long[] steps;
        if (n.opset() < 10 || (!n.hasInput(1) && n.hasAttribute("starts"))) {
            starts = n.attrInts("starts", null);
            ends = n.attrInts("ends", null);
            axes = n.attrInts("axes", null);
            steps = null;
        } else {
            starts = n.requireConstant(1, "starts").asLongs();
            ends = n.requireConstant(2, "ends").asLongs();
            axes = n.hasInput(3) ? n.requireConstant(3, "axes").asLongs() : null;
            steps = n.hasInput(4) ? n.requireConstant(4, "steps").asLongs() : null;
        }
        if (starts == null || ends == null || starts.length != ends.length) {
            throw n.fail("starts and ends must be given with equal lengths");
        }
        long[] out = in.clone();
        long[] begin = new long[in.length];
        long[] step = new long[in.length];
        Arrays.fill(step, 1);
        for (int i = 0; i < starts.length; i++) {
            int axis = n.axis(axes == null ? i : axes[i], in.length);
            long st = steps == null ? 1 : steps[i];
            if (st == 0) {
                throw n.fail("step 0 on axis " + axis);
            }
            long dim = in[axis];
            long s = starts[i] < 0 ? starts[i] + dim : starts[i];
            long e = ends[i] < 0 && ends[i] > Long.MIN_VALUE / 2 ? ends[i] + dim : ends[i];
            if (st > 0) {
                s = clamp(s, 0, dim);
                e = clamp(e, 0, dim);
                out[axis] = Math.max(0, -Math.floorDiv(-(e - s), st));
            } else {
                s = clamp(s, 0, dim - 1);
                e = clamp(e, -1, dim - 1);
                out[axis] = Math.max(0, -Math.floorDiv(-(s - e), -st));
            }
            begin[axis] = s;
            step[axis] = st;
        }
        long[] strides = Shapes.strides(in);
        return List.of(TensorInfo.constant(n.elementType(0), out, Fold.remap(n.constant(0), out, i -> {
            long[] c = Fold.coords(out, i);
            for (int k = 0; k < c.length; k++) {
                c[k] = begin[k] + c[k] * step[k];
            }
            return Fold.flat(c, strides);
        })));
    }

    private static long clamp(long v, long lo, long hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static List<TensorInfo> gather(ShapedNode n) {
        long[] data = n.shape(0);
        long[] indices = n.shape(1);
        int axis = n.axis(n.attrInt("axis", 0), data.length);
        long[] out = Shapes.concat(Shapes.concat(Arrays.copyOf(data, axis), indices),
                Arrays.copyOfRange(data, axis + 1, data.length));
        ConstantValue idx = n.constant(1);
        ConstantValue folded = null;
        if (idx != null && n.constant(0) != null) {
            long[] strides = Shapes.strides(data);
            folded = Fold.remap(n.constant(0), out, i -> {
                long[] c = Fold.coords(out, i);
                long[] idxCoords = Arrays.copyOfRange(c, axis, axis + indices.length);
                long k = idx.longAt(Fold.flat(idxCoords, Shapes.strides(indices)));
                if (k < 0) {
                    k += data[axis];
                }
                long[] src = new long[data.length];
                System.arraycopy(c, 0, src, 0, axis);
                src[axis] = k;
                System.arraycopy(c, axis + indices.length, src, axis + 1, data.length - axis - 1);
                return Fold.flat(src, strides);
            });
        }
        return List.of(TensorInfo.constant(n.elementType(0), out, folded));
    }

    private static List<TensorInfo> pad(ShapedNode n) {
        long[] in = n.shape(0);
        long[] pads = n.hasInput(1) ? n.requireConstant(1, "pads").asLongs() : n.attrInts("pads", null);
        if (pads == null) {
            throw n.fail("needs pads (attribute before opset 11, input 1 from opset 11)");
        }
        long[] axes = n.hasInput(3) ? n.requireConstant(3, "axes").asLongs() : null;
        int k = axes == null ? in.length : axes.length;
        if (pads.length != 2 * k) {
            throw n.mismatch("pads " + Arrays.toString(pads) + " need " + 2 * k + " values");
        }
        long[] out = in.clone();
        for (int i = 0; i < k; i++) {
            int axis = axes == null ? i : n.axis(axes[i], in.length);
            out[axis] = Math.addExact(out[axis], Math.addExact(pads[i], pads[i + k]));
            if (out[axis] < 0) {
                throw n.mismatch("pads " + Arrays.toString(pads) + " make axis " + axis + " negative");
            }
        }
        return List.of(TensorInfo.of(n.elementType(0), out));
    }

    private static List<TensorInfo> resize(ShapedNode n) {
        long[] in = n.shape(0);
        long[] axes = n.attrInts("axes", null);
        int k = axes == null ? in.length : axes.length;
        boolean old = n.opType().equals("Upsample") || n.opset() < 11;
        ConstantValue scales = old ? (n.hasInput(1) ? n.requireConstant(1, "scales") : null) : n.constant(2);
        ConstantValue sizes = old ? null : n.constant(3);
        if (!old && n.hasInput(3) && sizes == null) {
            n.requireConstant(3, "sizes");
        }
        if (!old && sizes == null && n.hasInput(2) && scales == null) {
            n.requireConstant(2, "scales");
        }
        float[] attrScales = n.attrFloats("scales");
        long[] out = in.clone();
        if (sizes != null && sizes.size() > 0) {
            if (sizes.size() != k) {
                throw n.mismatch("sizes has " + sizes.size() + " values, expected " + k);
            }
            String policy = n.attrString("keep_aspect_ratio_policy", "stretch");
            double scale = policy.equals("not_larger") ? Double.MAX_VALUE : 0;
            for (int i = 0; i < k; i++) {
                int axis = axes == null ? i : n.axis(axes[i], in.length);
                double r = (double) sizes.longAt(i) / in[axis];
                scale = policy.equals("not_larger") ? Math.min(scale, r) : Math.max(scale, r);
            }
            for (int i = 0; i < k; i++) {
                int axis = axes == null ? i : n.axis(axes[i], in.length);
                out[axis] = policy.equals("stretch") ? sizes.longAt(i) : Math.round(scale * in[axis]);
            }
        } else if ((scales != null && scales.size() > 0) || attrScales != null) {
            double[] s = scales != null ? scales.asDoubles() : toDoubles(attrScales);
            if (s.length != k) {
                throw n.mismatch("scales has " + s.length + " values, expected " + k);
            }
            for (int i = 0; i < k; i++) {
                int axis = axes == null ? i : n.axis(axes[i], in.length);
                out[axis] = (long) Math.floor(in[axis] * s[i]);
            }
        } else {
            throw n.fail("needs scales or sizes");
        }
        return List.of(TensorInfo.of(n.elementType(0), out));
    }

    private static double[] toDoubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    private static List<TensorInfo> gridSample(ShapedNode n) {
        long[] x = n.shape(0);
        long[] grid = n.shape(1);
        if (x.length < 3 || grid.length != x.length || grid[0] != x[0] || grid[grid.length - 1] != x.length - 2) {
            throw n.mismatch("X must be [N, C, spatial...] and grid [N, out spatial..., " + (x.length - 2) + "]");
        }
        long[] out = new long[x.length];
        out[0] = x[0];
        out[1] = x[1];
        System.arraycopy(grid, 1, out, 2, x.length - 2);
        return List.of(TensorInfo.of(n.elementType(0), out));
    }
}
