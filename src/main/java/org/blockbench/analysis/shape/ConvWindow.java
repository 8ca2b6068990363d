package org.blockbench.analysis.shape;

import java.util.Arrays;

/**
 * The resolved window geometry of a Conv, ConvTranspose or pooling node over its spatial
 * axes: explicit pads or auto_pad (SAME_UPPER, SAME_LOWER, VALID) turned into begin/end pads.
 *
 * @param kernel    kernel extent per spatial axis
 * @param strides   stride per axis
 * @param dilations dilation per axis
 * @param padsBegin padding before each axis
 * @param padsEnd   padding after each axis
 */
public record ConvWindow(long[] kernel, long[] strides, long[] dilations, long[] padsBegin, long[] padsEnd) {

    /** The window of node {@code n} with the given kernel over an input of spatial size {@code inSpatial}. */
    public static ConvWindow of(ShapedNode n, long[] kernel, long[] inSpatial, boolean transposed) {
        int d = kernel.length;
        long[] strides = n.attrInts("strides", ones(d));
        long[] dilations = n.attrInts("dilations", ones(d));
        long[] pads = n.attrInts("pads", new long[2 * d]);
        if (strides.length != d || dilations.length != d || pads.length != 2 * d) {
            throw n.mismatch("strides/dilations need " + d + " values and pads " + 2 * d + ", found "
                    + strides.length + "/" + dilations.length + "/" + pads.length);
        }
        for (int i = 0; i < d; i++) {
            if (strides[i] < 1 || dilations[i] < 1 || kernel[i] < 1 || pads[i] < 0 || pads[i + d] < 0) {
                throw n.fail("strides " + Arrays.toString(strides) + ", dilations " + Arrays.toString(dilations)
                        + ", kernel " + Arrays.toString(kernel) + " must be >= 1 and pads " + Arrays.toString(pads)
                        + " >= 0");
            }
        }
        long[] begin = Arrays.copyOfRange(pads, 0, d);
        long[] end = Arrays.copyOfRange(pads, d, 2 * d);
        String autoPad = n.attrString("auto_pad", "NOTSET");
        if (autoPad.equals("SAME_UPPER") || autoPad.equals("SAME_LOWER")) {
            for (int i = 0; i < d; i++) {
                long effective = Math.addExact(Math.multiplyExact(kernel[i] - 1, dilations[i]), 1);
                long total;
                if (transposed) {
                    long outSize = Math.multiplyExact(inSpatial[i], strides[i]);
                    long op = ConvShapes.outputPadding(n, d)[i];
                    total = Math.max(0, Math.addExact(Math.multiplyExact(strides[i], inSpatial[i] - 1),
                            Math.addExact(op, effective)) - outSize);
                } else {
                    long outSize = ConvShapes.ceilDiv(inSpatial[i], strides[i]);
                    total = Math.max(0, Math.addExact(Math.multiplyExact(outSize - 1, strides[i]), effective) - inSpatial[i]);
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
        return new ConvWindow(kernel.clone(), strides, dilations, begin, end);
    }

    private static long[] ones(int d) {
        long[] a = new long[d];
        Arrays.fill(a, 1);
        return a;
    }

    @Override
    public long[] kernel() {
        return kernel.clone();
    }

    @Override
    public long[] strides() {
        return strides.clone();
    }

    @Override
    public long[] dilations() {
        return dilations.clone();
    }

    @Override
    public long[] padsBegin() {
        return padsBegin.clone();
    }

    @Override
    public long[] padsEnd() {
        return padsEnd.clone();
    }
}
