package org.blockbench.analysis.shape;

import java.util.function.IntUnaryOperator;
import org.blockbench.onnx.ConstantValue;

/** Folding of data-movement operators on constant inputs: each output element copies one input element. */
final class Fold {

    private Fold() {
    }

    /** Output element {@code i} is {@code src[map(i)]}; null when the source is unknown or the result too big. */
    static ConstantValue remap(ConstantValue src, long[] outShape, IntUnaryOperator map) {
        if (src == null) {
            return null;
        }
        long size = TensorInfo.elementCount(outShape);
        if (size > TensorInfo.MAX_FOLDED_ELEMENTS) {
            return null;
        }
        int n = (int) size;
        if (src.integral()) {
            long[] v = new long[n];
            for (int i = 0; i < n; i++) {
                v[i] = src.ints()[map.applyAsInt(i)];
            }
            return new ConstantValue(v, null);
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = src.reals()[map.applyAsInt(i)];
        }
        return new ConstantValue(null, v);
    }

    /** Coordinates of flat index {@code i} in {@code shape}. */
    static long[] coords(long[] shape, int i) {
        long[] c = new long[shape.length];
        long rest = i;
        for (int k = shape.length - 1; k >= 0; k--) {
            c[k] = rest % shape[k];
            rest /= shape[k];
        }
        return c;
    }

    /** Flat index of {@code coords} in a tensor with the given row-major strides. */
    static int flat(long[] coords, long[] strides) {
        long f = 0;
        for (int k = 0; k < coords.length; k++) {
            f += coords[k] * strides[k];
        }
        return (int) f;
    }
}
