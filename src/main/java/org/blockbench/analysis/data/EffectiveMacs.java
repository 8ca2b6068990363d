package org.blockbench.analysis.data;

/**
 * Counts multiply-accumulates whose two operands are both non-zero, for the operators the
 * dense MAC count covers. Each method's dense count, with every operand non-zero, equals the
 * static MACs of {@link org.blockbench.analysis.Conventions#MACS}; zero padding is a zero input.
 */
final class EffectiveMacs {

    private EffectiveMacs() {
    }

    /**
     * Conv over 1-D or 2-D spatial inputs (a 1-D conv is a 2-D one with height 1).
     *
     * @param x NCHW input values, w [M, C/group, KH, KW] weights, out the output shape
     */
    static long conv(float[] x, long[] xs, float[] w, long[] ws, long[] out, long[] strides, long[] dilations,
                     long[] padsBegin) {
        int n = (int) xs[0];
        int c = (int) xs[1];
        int h = (int) xs[2];
        int wd = (int) xs[3];
        int m = (int) ws[0];
        int cg = (int) ws[1];
        int kh = (int) ws[2];
        int kw = (int) ws[3];
        int oh = (int) out[2];
        int ow = (int) out[3];
        int sh = (int) strides[0];
        int sw = (int) strides[1];
        int dh = (int) dilations[0];
        int dw = (int) dilations[1];
        int ph = (int) padsBegin[0];
        int pw = (int) padsBegin[1];
        long[] count = new long[c * kh * kw];
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) {
                int base = (b * c + ch) * h * wd;
                for (int i = 0; i < kh; i++) {
                    for (int y = 0; y < oh; y++) {
                        int iy = y * sh - ph + i * dh;
                        if (iy < 0 || iy >= h) {
                            continue;
                        }
                        int row = base + iy * wd;
                        for (int j = 0; j < kw; j++) {
                            long acc = 0;
                            for (int xo = 0; xo < ow; xo++) {
                                int ix = xo * sw - pw + j * dw;
                                if (ix >= 0 && ix < wd && x[row + ix] != 0f) {
                                    acc++;
                                }
                            }
                            count[(ch * kh + i) * kw + j] += acc;
                        }
                    }
                }
            }
        }
        int groups = c / cg;
        int perGroup = m / groups;
        long effective = 0;
        for (int o = 0; o < m; o++) {
            int group = o / perGroup;
            for (int ci = 0; ci < cg; ci++) {
                int ch = group * cg + ci;
                for (int i = 0; i < kh; i++) {
                    for (int j = 0; j < kw; j++) {
                        if (w[((o * cg + ci) * kh + i) * kw + j] != 0f) {
                            effective += count[(ch * kh + i) * kw + j];
                        }
                    }
                }
            }
        }
        return effective;
    }

    /** ConvTranspose: every non-zero input element meets every non-zero weight of its input channel. */
    static long convTranspose(float[] x, long[] xs, float[] w, long[] ws) {
        int n = (int) xs[0];
        int c = (int) xs[1];
        int spatial = (int) (x.length / ((long) n * c));
        int perChannelWeights = (int) (w.length / ws[0]);
        long effective = 0;
        for (int ch = 0; ch < c; ch++) {
            long nzx = 0;
            for (int b = 0; b < n; b++) {
                int base = (b * c + ch) * spatial;
                for (int i = 0; i < spatial; i++) {
                    if (x[base + i] != 0f) {
                        nzx++;
                    }
                }
            }
            long nzw = 0;
            for (int i = 0; i < perChannelWeights; i++) {
                if (w[ch * perChannelWeights + i] != 0f) {
                    nzw++;
                }
            }
            effective += nzx * nzw;
        }
        return effective;
    }

    /** Gemm: sum over k of (non-zeros in column k of op(A)) x (non-zeros in row k of op(B)). */
    static long gemm(float[] a, long[] as, boolean transA, float[] b, long[] bs, boolean transB) {
        int k = (int) (transA ? as[0] : as[1]);
        long[] colA = nonZerosAlongK(a, (int) as[0], (int) as[1], !transA, k);
        long[] rowB = nonZerosAlongK(b, (int) bs[0], (int) bs[1], transB, k);
        long effective = 0;
        for (int i = 0; i < k; i++) {
            effective += colA[i] * rowB[i];
        }
        return effective;
    }

    /**
     * Non-zeros per index k of a rows x cols matrix, where k runs along the columns
     * ({@code kIsColumn}) or along the rows.
     */
    private static long[] nonZerosAlongK(float[] v, int rows, int cols, boolean kIsColumn, int k) {
        long[] count = new long[k];
        for (int r = 0; r < rows; r++) {
            for (int col = 0; col < cols; col++) {
                if (v[r * cols + col] != 0f) {
                    count[kIsColumn ? col : r]++;
                }
            }
        }
        return count;
    }

    /** Batched MatMul with numpy broadcasting of the batch dimensions and 1-D operands. */
    static long matMul(float[] a, long[] as, float[] b, long[] bs) {
        long[] a2 = as.length == 1 ? new long[] {1, as[0]} : as;
        long[] b2 = bs.length == 1 ? new long[] {bs[0], 1} : bs;
        int m = (int) a2[a2.length - 2];
        int k = (int) a2[a2.length - 1];
        int nCols = (int) b2[b2.length - 1];
        long[] aBatch = java.util.Arrays.copyOf(a2, a2.length - 2);
        long[] bBatch = java.util.Arrays.copyOf(b2, b2.length - 2);
        int aCount = (int) product(aBatch);
        int bCount = (int) product(bBatch);
        long[][] colA = new long[aCount][];
        for (int i = 0; i < aCount; i++) {
            colA[i] = nonZerosAlongK(slice(a, i, m * k), m, k, true, k);
        }
        long[][] rowB = new long[bCount][];
        for (int i = 0; i < bCount; i++) {
            rowB[i] = nonZerosAlongK(slice(b, i, k * nCols), k, nCols, false, k);
        }
        int rank = Math.max(aBatch.length, bBatch.length);
        long[] outBatch = new long[rank];
        for (int i = 0; i < rank; i++) {
            long da = i - (rank - aBatch.length) >= 0 ? aBatch[i - (rank - aBatch.length)] : 1;
            long db = i - (rank - bBatch.length) >= 0 ? bBatch[i - (rank - bBatch.length)] : 1;
            outBatch[i] = Math.max(da, db);
        }
        long effective = 0;
        long total = product(outBatch);
        for (int o = 0; o < total; o++) {
            long[] ca = colA[broadcastIndex(outBatch, aBatch, o)];
            long[] rb = rowB[broadcastIndex(outBatch, bBatch, o)];
            for (int i = 0; i < k; i++) {
                effective += ca[i] * rb[i];
            }
        }
        return effective;
    }

    private static float[] slice(float[] v, int index, int size) {
        return java.util.Arrays.copyOfRange(v, index * size, (index + 1) * size);
    }

    private static long product(long[] dims) {
        long p = 1;
        for (long d : dims) {
            p *= d;
        }
        return p;
    }

    private static int broadcastIndex(long[] out, long[] in, int index) {
        int offset = out.length - in.length;
        int result = 0;
        int stride = 1;
        long[] coords = new long[out.length];
        long rest = index;
        for (int i = out.length - 1; i >= 0; i--) {
            coords[i] = rest % out[i];
            rest /= out[i];
        }
        for (int i = in.length - 1; i >= 0; i--) {
            result += (int) (in[i] == 1 ? 0 : coords[offset + i]) * stride;
            stride *= (int) in[i];
        }
        return result;
    }
}
