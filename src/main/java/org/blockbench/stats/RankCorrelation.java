package org.blockbench.stats;

import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * Spearman's rank correlation ρ: Pearson's correlation of the two samples' ranks, tied values
 * sharing their average rank (mid-ranks), as Apache Commons Math 3.6.1 and SciPy's
 * {@code spearmanr} compute it. Without ties it equals {@code 1 − 6·Σd² / (n(n² − 1))}.
 * It answers whether two protocols rank the same models in the same order
 * (docs/accuracy.md, {@code blockbench fidelity}).
 */
public final class RankCorrelation {

    private RankCorrelation() {
    }

    /**
     * ρ of paired samples {@code x[i]}, {@code y[i]}; NaN when either sample is constant (no order
     * to compare).
     *
     * @throws IllegalArgumentException for fewer than two pairs, unequal lengths or a non-finite value
     */
    public static double spearman(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("paired samples must have equal lengths, found " + x.length + " and " + y.length);
        }
        if (x.length < 2) {
            throw new IllegalArgumentException("a rank correlation needs at least two pairs, found " + x.length);
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("values must be finite, found " + x[i] + ", " + y[i] + " at pair " + i);
            }
        }
        if (constant(x) || constant(y)) {
            return Double.NaN;
        }
        return new SpearmansCorrelation().correlation(x, y);
    }

    private static boolean constant(double[] v) {
        for (double d : v) {
            if (d != v[0]) {
                return false;
            }
        }
        return true;
    }
}
