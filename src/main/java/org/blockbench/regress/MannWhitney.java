package org.blockbench.regress;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

/**
 * The two-sided Mann-Whitney U test as Apache Commons Math 3.6.1 computes it: ranks with
 * ties averaged, then the normal approximation {@code z = (U_min - n1·n2/2) /
 * sqrt(n1·n2·(n1+n2+1)/12)}, {@code p = 2·Φ(z)}, with neither a tie correction nor a
 * continuity correction. Ties make that variance too large, so with heavily tied data
 * (quantised SampleTime histograms) the p-value errs on the large, conservative side.
 */
public final class MannWhitney {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private MannWhitney() {
    }

    /** Two-sided p-value of the U test of {@code a} against {@code b}; both non-empty. */
    public static double pValue(double[] a, double[] b) {
        if (a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("both samples must be non-empty, found " + a.length + " and " + b.length);
        }
        return new MannWhitneyUTest().mannWhitneyUTest(a, b);
    }

    /**
     * The smallest p-value the test can give with {@code n1} and {@code n2} samples, reached
     * when the two samples do not overlap at all ({@code U_min = 0}).
     */
    public static double smallestPossiblePValue(long n1, long n2) {
        if (n1 < 1 || n2 < 1) {
            return 1.0;
        }
        double product = (double) n1 * n2;
        double z = -(product / 2) / Math.sqrt(product * (n1 + n2 + 1) / 12.0);
        return 2 * STANDARD_NORMAL.cumulativeProbability(z);
    }

    /**
     * The fewest samples per side (equal sizes) at which the test can reach {@code p < alpha}
     * at all: 3 for alpha = 0.05, 5 for 0.01, 8 for 0.001.
     */
    public static int minimumSamplesPerSide(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), found " + alpha);
        }
        int n = 1;
        while (smallestPossiblePValue(n, n) >= alpha) {
            n++;
        }
        return n;
    }
}
