package org.blockbench.quant;

/**
 * The histogram arithmetic of ONNX Runtime's {@code HistogramCollector}: numpy-style equal
 * bins, the percentile threshold ({@code compute_percentile}, symmetric) and the KL-divergence
 * threshold ({@code get_entropy_threshold} with {@code smooth_distribution}), in doubles.
 */
final class Histograms {

    private Histograms() {
    }

    /** Adds {@code values} (or their absolute values) to {@code hist}, whose bins split [lo, hi] equally. */
    static void add(long[] hist, float[] values, float lo, float hi, boolean absolute) {
        int bins = hist.length;
        double width = (double) hi - lo;
        for (float raw : values) {
            double v = absolute ? Math.abs(raw) : raw;
            int i = width > 0 ? (int) Math.floor((v - lo) / width * bins) : 0;
            hist[Math.max(0, Math.min(bins - 1, i))]++;
        }
    }

    /**
     * The symmetric percentile range of an |x| histogram over [0, threshold]: the edge where the
     * cumulative share first reaches {@code percentile} %, as ±edge.
     */
    static float[] percentile(long[] hist, float threshold, double percentile) {
        long total = 0;
        for (long h : hist) {
            total += h;
        }
        double target = percentile / 100.0;
        double cdf = 0;
        int idx = hist.length;
        for (int i = 0; i < hist.length; i++) {
            cdf += (double) hist[i] / total;
            if (cdf >= target) {
                idx = i;
                break;
            }
        }
        float edge = (float) (idx * (double) threshold / hist.length);
        return new float[] {-edge, edge};
    }

    /**
     * The range [edge_start, edge_end] of the symmetric histogram over [-threshold, threshold]
     * whose clipped distribution is closest (KL divergence) to its {@code quantizedBins}-level
     * quantization; ORT's loop, candidate by candidate.
     */
    static float[] entropy(long[] hist, float threshold, int quantizedBins) {
        int bins = hist.length;
        int zero = bins / 2;
        int halfQuantized = quantizedBins / 2;
        double best = Double.POSITIVE_INFINITY;
        float[] bestRange = {-threshold, threshold};
        long[] prefix = new long[bins + 1];
        for (int i = 0; i < bins; i++) {
            prefix[i + 1] = prefix[i] + hist[i];
        }
        for (int i = halfQuantized; i <= zero; i++) {
            int start = zero - i;
            int end = Math.min(zero + i + 1, bins);
            int n = end - start;
            double[] p = new double[n];
            for (int k = 0; k < n; k++) {
                p[k] = hist[start + k];
            }
            p[0] += prefix[start];
            p[n - 1] += prefix[bins] - prefix[end];
            int merged = n / quantizedBins;
            long[] quantized = new long[quantizedBins];
            for (int q = 0; q < quantizedBins; q++) {
                for (int k = q * merged; k < q * merged + merged; k++) {
                    quantized[q] += hist[start + k];
                }
            }
            for (int k = quantizedBins * merged; k < n; k++) {
                quantized[quantizedBins - 1] += hist[start + k];
            }
            double[] expanded = new double[n];
            for (int q = 0; q < quantizedBins; q++) {
                int norm = 0;
                for (int k = q * merged; k < q * merged + merged; k++) {
                    if (p[k] != 0) {
                        norm++;
                    }
                }
                if (norm != 0) {
                    // ORT writes into an int64 array: the share is truncated toward zero
                    double share = Math.floor((double) quantized[q] / norm);
                    for (int k = q * merged; k < q * merged + merged; k++) {
                        expanded[k] = share;
                    }
                }
            }
            double kl = divergence(smooth(p), smooth(expanded));
            if (kl < best) {
                best = kl;
                double step = 2.0 * threshold / bins;
                bestRange = new float[] {(float) (-threshold + start * step), (float) (-threshold + end * step)};
            }
        }
        return bestRange;
    }

    /** ORT's {@code smooth_distribution}: zeros become eps, taken evenly from the non-zeros; null when impossible. */
    static double[] smooth(double[] p) {
        final double eps = 0.0001;
        int zeros = 0;
        for (double v : p) {
            if (v == 0) {
                zeros++;
            }
        }
        int nonZeros = p.length - zeros;
        if (nonZeros == 0) {
            return null;
        }
        double eps1 = eps * zeros / nonZeros;
        if (eps1 >= 1.0) {
            return null;
        }
        double[] out = new double[p.length];
        for (int k = 0; k < p.length; k++) {
            out[k] = p[k] == 0 ? eps : p[k] - eps1;
            if (out[k] <= 0) {
                return null;
            }
        }
        return out;
    }

    /** scipy's {@code entropy(p, q)}: both normalised, sum of p log(p / q); infinite when either is missing. */
    static double divergence(double[] p, double[] q) {
        if (p == null || q == null) {
            return Double.POSITIVE_INFINITY;
        }
        double sp = 0;
        double sq = 0;
        for (int k = 0; k < p.length; k++) {
            sp += p[k];
            sq += q[k];
        }
        double kl = 0;
        for (int k = 0; k < p.length; k++) {
            double pk = p[k] / sp;
            double qk = q[k] / sq;
            if (pk > 0) {
                kl += pk * Math.log(pk / qk);
            }
        }
        return kl;
    }
}
