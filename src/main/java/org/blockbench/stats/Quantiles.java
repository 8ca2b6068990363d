package org.blockbench.stats;

import java.util.function.LongToDoubleFunction;

/**
 * The one quantile definition of the project: Hyndman-Fan type 7, linear interpolation between
 * the order statistics at ranks {@code floor(h)} and {@code floor(h) + 1}, {@code h = (n − 1)·p}
 * (NumPy's {@code quantile} and R's {@code quantile} default). The median is {@code p = 0.5}:
 * the middle value, or the mean of the two middle values for an even count.
 */
public final class Quantiles {

    private Quantiles() {
    }

    /**
     * Quantile {@code p} of sorted values; NaN when there are none.
     *
     * @throws IllegalArgumentException when {@code p} is outside [0, 1]
     */
    public static double type7(double[] sorted, double p) {
        return type7(sorted.length, i -> sorted[(int) i], p);
    }

    /**
     * Quantile {@code p} of {@code n} sorted values given by their 0-based rank; NaN when {@code n} is 0.
     *
     * @throws IllegalArgumentException when {@code p} is outside [0, 1]
     */
    public static double type7(long n, LongToDoubleFunction valueAtRank, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("quantile must be in [0, 1], found " + p);
        }
        if (n == 0) {
            return Double.NaN;
        }
        double h = (n - 1) * p;
        long lo = (long) Math.floor(h);
        long hi = Math.min(lo + 1, n - 1);
        double a = valueAtRank.applyAsDouble(lo);
        return h == lo ? a : a + (h - lo) * (valueAtRank.applyAsDouble(hi) - a);
    }
}
