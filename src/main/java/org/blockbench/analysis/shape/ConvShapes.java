package org.blockbench.analysis.shape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.blockbench.onnx.ElementType;

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

    private static List<TensorInfo> conv(ShapedNode n) {
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
        ConvWindow win = ConvWindow.of(n, kernel, spatial, false);
        long[] out = new long[x.length];
        out[0] = x[0];
        out[1] = w[0];
        for (int i = 0; i < spatial.length; i++) {
            out[2 + i] = slide(n, spatial[i], win, i, false);
        }
        return List.of(TensorInfo.of(n.elementType(0), out));
    }

    private static List<TensorInfo> convTranspose(ShapedNode n) {
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
        ConvWindow win = ConvWindow.of(n, kernel, spatial, true);
        long[] outputPadding = outputPadding(n, d);
        for (int i = 0; i < d; i++) {
            // exact arithmetic: a hostile file's sizes must fail, never wrap into plausible numbers
            out[2 + i] = Math.subtractExact(Math.addExact(Math.addExact(
                    Math.multiplyExact(win.strides()[i], spatial[i] - 1), outputPadding[i]),
                    Math.multiplyExact(kernel[i] - 1, win.dilations()[i]) + 1),
                    Math.addExact(win.padsBegin()[i], win.padsEnd()[i]));
            if (out[2 + i] <= 0) {
                throw n.mismatch("output size " + out[2 + i] + " along spatial axis " + i + " is not positive");
            }
        }
        return List.of(TensorInfo.of(n.elementType(0), out));
    }

    static long[] outputPadding(ShapedNode n, int d) {
        return n.attrInts("output_padding", new long[d]);
    }

    private static List<TensorInfo> pool(ShapedNode n) {
        long[] x = n.shape(0);
        long[] kernel = n.attrInts("kernel_shape", null);
        if (kernel == null || x.length != kernel.length + 2) {
            throw n.mismatch("needs kernel_shape with one entry per spatial axis of X");
        }
        long[] spatial = Arrays.copyOfRange(x, 2, x.length);
        ConvWindow win = ConvWindow.of(n, kernel, spatial, false);
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

    private static List<TensorInfo> globalPool(ShapedNode n) {
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
    private static long slide(ShapedNode n, long in, ConvWindow win, int i, boolean ceil) {
        long effective = Math.addExact(Math.multiplyExact(win.kernel()[i] - 1, win.dilations()[i]), 1);
        long padded = Math.addExact(in, Math.addExact(win.padsBegin()[i], win.padsEnd()[i]));
        long span = padded - effective;
        if (span < 0) {
            throw n.mismatch("window of " + effective + " is larger than the padded input of "
                    + padded + " along spatial axis " + i);
        }
        long s = win.strides()[i];
        long out = (ceil ? ceilDiv(span, s) : span / s) + 1;
        if (ceil && Math.multiplyExact(out - 1, s) >= in + win.padsBegin()[i]) {
            out--;
        }
        return out;
    }

    static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

}
