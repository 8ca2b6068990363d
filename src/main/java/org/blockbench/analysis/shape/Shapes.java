package org.blockbench.analysis.shape;

import java.util.Arrays;

/** Shape arithmetic shared by the rules: numpy broadcasting and index mapping. */
final class Shapes {

    private Shapes() {
    }

    /** Multidirectional (numpy) broadcast of several shapes. */
    static long[] broadcast(ShapedNode node, long[]... shapes) {
        int rank = 0;
        for (long[] s : shapes) {
            rank = Math.max(rank, s.length);
        }
        long[] out = new long[rank];
        Arrays.fill(out, 1);
        for (long[] s : shapes) {
            int offset = rank - s.length;
            for (int i = 0; i < s.length; i++) {
                long d = s[i];
                long o = out[offset + i];
                if (o == 1) {
                    out[offset + i] = d;
                } else if (d != 1 && d != o) {
                    throw node.mismatch("shapes cannot be broadcast together (dimension " + (offset + i)
                            + ": " + o + " vs " + d + ")");
                }
            }
        }
        return out;
    }

    /** Flat index into a tensor of shape {@code in} that broadcasts to {@code out} at flat {@code index}. */
    static int broadcastIndex(long[] out, long[] in, int index) {
        int offset = out.length - in.length;
        int result = 0;
        int stride = 1;
        int rest = index;
        int[] coords = new int[out.length];
        for (int i = out.length - 1; i >= 0; i--) {
            coords[i] = (int) (rest % out[i]);
            rest /= (int) out[i];
        }
        for (int i = in.length - 1; i >= 0; i--) {
            int c = in[i] == 1 ? 0 : coords[offset + i];
            result += c * stride;
            stride *= (int) in[i];
        }
        return result;
    }

    static long product(long[] shape, int from, int to) {
        long p = 1;
        for (int i = from; i < to; i++) {
            p = Math.multiplyExact(p, shape[i]);
        }
        return p;
    }

    static long[] concat(long[] a, long[] b) {
        long[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Row-major strides of {@code shape}. */
    static long[] strides(long[] shape) {
        long[] s = new long[shape.length];
        long acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= shape[i];
        }
        return s;
    }
}
