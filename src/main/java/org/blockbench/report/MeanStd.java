package org.blockbench.report;

import java.util.Collection;

/**
 * A mean with its sample standard deviation (n − 1 denominator) over {@code n} values; the
 * standard deviation is NaN when there are fewer than two values.
 *
 * @param mean mean of the values
 * @param std  sample standard deviation, NaN for n &lt; 2
 * @param n    how many values
 */
public record MeanStd(double mean, double std, int n) {

    /** The mean and spread of {@code values}; null when there are none. */
    public static MeanStd of(Collection<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / values.size();
        if (values.size() < 2) {
            return new MeanStd(mean, Double.NaN, 1);
        }
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return new MeanStd(mean, Math.sqrt(ss / (values.size() - 1)), values.size());
    }

    /** Whether a spread is known (two or more values). */
    public boolean hasSpread() {
        return !Double.isNaN(std);
    }
}
