package org.blockbench.analysis.shape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Sliding-window operators: Conv, ConvTranspose and the pools. Output sizes follow the ONNX
 * operator definitions (explicit pads, auto_pad SAME_UPPER/SAME_LOWER/VALID, dilations,
 * ceil_mode with PyTorch's rule that the last window must start inside the input or its
 * left padding).
 */
final class ConvShapes {

    private ConvShapes() {
    }

    static void register(Map<String, ShapeRule> rules) {
        rules.put("Conv", ConvShapes::conv);
        rules.put("ConvTranspose", ConvShapes::convTranspose);
        rules.put("MaxPool", ConvShapes::pool);
        rules.put("AveragePool", ConvShapes::pool);
        rules.put("LpPool", ConvShapes::pool);
        rules.put("GlobalAveragePool", ConvShapes::globalPool);
        rules.put("GlobalMaxPool", ConvShapes::globalPool);
    }

    /** Resolved window geometry of one node over its spatial axes. */
    record Window(long[] kernel, long[] strides, long[] dilations, long[] padsBegin, long[] padsEnd) {
    }

    /** Window attributes of a Conv/ConvTranspose/pool node, with ONNX defaults. */
    static Window window(NodeView n, long[] kernel, long[] inSpatial, boolean transposed) {
        int d = kernel.length;
        long[] strides = n.attrInts("strides", ones(d));
        long[] dilations = n.attrInts("dilations", ones(d));
        long[] pads = n.attrInts("pads", new long[2 * d]);
        if (strides.length != d || dilations.length != d || pads.length != 2 * d) {
            throw n.mismatch("strides/dilations need " + d + " values and pads " + 2 * d + ", found "
                    + strides.length + "/" + dilations.length + "/" + pads.length);
        }
        long[] begin = Arrays.copyOfRange(pads, 0, d);
        long[] end = Arrays.copyOfRange(pads, d, 2 * d);
        String autoPad = n.attrString("auto_pad", "NOTSET");
        if (autoPad.equals("SAME_UPPER") || autoPad.equals("SAME_LOWER")) {
            for (int i = 0; i < d; i++) {
                long effective = (kernel[i] - 1) * dilations[i] + 1;
                long total;
                if (transposed) {
                    long outSize = inSpatial[i] * strides[i];
                    long op = outputPadding(n, d)[i];
                    total = Math.max(0, strides[i] * (inSpatial[i] - 1) + op + effective - outSize);
                } else {
                    long outSize = ceilDiv(inSpatial[i], strides[i]);
                    total = Math.max(0, (outSize - 1) * strides[i] + effective - inSpatial[i]);
                }
                long small = total / 2;
                long large = total - small;
                begin[i] = autoPad.equals("SAME_UPPER") ? small : large;
                end[i] = autoPad.equals("SAME_UPPER") ? large : small;
            }
        } else if (autoPad.equals("VALID")) {
            Arrays.fill(begin, 0);
            Arrays.fill(end, 0);
        } else if (!autoPad.equals("NOTSET")) {
            throw n.fail("auto_pad '" + autoPad + "' is not one of [NOTSET, SAME_UPPER, SAME_LOWER, VALID]");
        }
        return new Window(kernel, strides, dilations, begin, end);
    }

    private static List<TensorInfo> conv(NodeView n) {
        long[] x = n.shape(0);
        long[] w = n.shape(1);
        if (x.length < 3 || w.length != x.length) {
            throw n.mismatch("X must be [N, C, spatial...] and W [M, C/group, kernel...] of the same rank");
        }
        long group = n.attrInt("group", 1);
        if (group <= 0 || x[1] != w[1] * group || w[0] % group != 0) {
            throw n.mismatch("channels do not match: X has " + x[1] + " channels, W expects " + w[1]
                    + " per group × group " + group + " (and M=" + w[0] + " must divide by group)");
        }
        long[] spatial = Arrays.copyOfRange(x, 2, x.length);
        long[] kernel = n.attrInts("kernel_shape", Arrays.copyOfRange(w, 2, w.length));
        Window win = window(n, kernel, spatial, false);
        long[] out = new long[x.length];
        out[0] = x[0];
        out[1] = w[0];
        for (int i = 0; i < spatial.length; i++) {
            out[2 + i] = slide(n, spatial[i], win, i, false);
        }
        return List.of(TensorInfo.of(n.elementType(0), out));
    }

    private static List<TensorInfo> convTranspose(NodeView n) {
        long[] x = n.shape(0);
        long[] w = n.shape(1);
        if (x.length < 3 || w.length != x.length || w[0] != x[1]) {
            throw n.mismatch("X must be [N, C, spatial...] and W [C, M/group, kernel...] with W[0] = C");
        }
        long group = n.attrInt("group", 1);
        int d = x.length - 2;
        long[] spatial = Arrays.copyOfRange(x, 2, x.length);
        long[] kernel = n.attrInts("kernel_shape", Arrays.copyOfRange(w, 2, w.length));
        long[] out = new long[x.length];
        out[0] = x[0];
        out[1] = w[1] * group;
        long[] outputShape = n.attrInts("output_shape", null);
        if (outputShape != null) {
            for (int i = 0; i < d; i++) {
                out[2 + i] = outputShape[outputShape.length - d + i];
            }
            return List.of(TensorInfo.of(n.elementType(0), out));
        }
        Window win = window(n, kernel, spatial, true);
        long[] outputPadding = outputPadding(n, d);
        for (int i = 0; i < d; i++) {
            out[2 + i] = win.strides()[i] * (spatial[i] - 1) + outputPadding[i]
                    + (kernel[i] - 1) * win.dilations()[i] + 1 - win.padsBegin()[i] - win.padsEnd()[i];
            if (out[2 + i] <= 0) {
                throw n.mismatch("output size " + out[2 + i] + " along spatial axis " + i + " is not positive");
            }
        }
        return List.of(TensorInfo.of(n.elementType(0), out));
    }

    private static long[] outputPadding(NodeView n, int d) {
        return n.attrInts("output_padding", new long[d]);
    }

    private static List<TensorInfo> pool(NodeView n) {
        long[] x = n.shape(0);
        long[] kernel = n.attrInts("kernel_shape", null);
        if (kernel == null || x.length != kernel.length + 2) {
            throw n.mismatch("needs kernel_shape with one entry per spatial axis of X");
        }
        long[] spatial = Arrays.copyOfRange(x, 2, x.length);
        Window win = window(n, kernel, spatial, false);
        boolean ceil = n.attrInt("ceil_mode", 0) != 0;
        long[] out = x.clone();
        for (int i = 0; i < spatial.length; i++) {
            out[2 + i] = slide(n, spatial[i], win, i, ceil);
        }
        List<TensorInfo> result = new ArrayList<>();
        result.add(TensorInfo.of(n.elementType(0), out));
        if (n.outputCount() > 1) {
            result.add(TensorInfo.of(ElementType.INT64, out));
        }
        return result;
    }

    private static List<TensorInfo> globalPool(NodeView n) {
        long[] out = n.shape(0);
        if (out.length < 3) {
            throw n.mismatch("X must be [N, C, spatial...]");
        }
        for (int i = 2; i < out.length; i++) {
            out[i] = 1;
        }
        return List.of(TensorInfo.of(n.elementType(0), out));
    }

    /** Output length of a sliding window along one axis. */
    private static long slide(NodeView n, long in, Window win, int i, boolean ceil) {
        long effective = (win.kernel()[i] - 1) * win.dilations()[i] + 1;
        long span = in + win.padsBegin()[i] + win.padsEnd()[i] - effective;
        if (span < 0) {
            throw n.mismatch("window of " + effective + " is larger than the padded input of "
                    + (in + win.padsBegin()[i] + win.padsEnd()[i]) + " along spatial axis " + i);
        }
        long s = win.strides()[i];
        long out = (ceil ? ceilDiv(span, s) : span / s) + 1;
        if (ceil && (out - 1) * s >= in + win.padsBegin()[i]) {
            out--;
        }
        return out;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    private static long[] ones(int d) {
        long[] a = new long[d];
        Arrays.fill(a, 1);
        return a;
    }
}
