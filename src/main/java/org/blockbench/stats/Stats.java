package org.blockbench.stats;

import java.util.Collection;

/**
 * Descriptive statistics of a finite set of finite values (Guava's {@code Stats} in spirit).
 * Undefined figures are NaN: all of them for no values, the standard deviation for one value.
 *
 * @param count                   number of values
 * @param mean                    arithmetic mean
 * @param sampleStandardDeviation standard deviation with the n − 1 denominator (Bessel)
 * @param min                     smallest value
 * @param max                     largest value
 * @param median                  the {@link Quantiles#type7 type-7} median
 */
public record Stats(long count, double mean, double sampleStandardDeviation, double min, double max, double median) {

    /** Statistics of {@code values}. @throws IllegalArgumentException on a non-finite value */
    public static Stats of(double... values) {
        return WeightedSamples.of(values).stats();
    }

    /** Statistics of {@code values}. @throws IllegalArgumentException on a non-finite value */
    public static Stats of(Collection<? extends Number> values) {
        return of(values.stream().mapToDouble(Number::doubleValue).toArray());
    }

    /** Statistics of {@code values}, e.g. durations in µs. */
    public static Stats of(long[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            d[i] = values[i];
        }
        return of(d);
    }

    /** Whether a spread is known: two or more values. */
    public boolean hasSpread() {
        return count >= 2;
    }

    /** The sample variance (n − 1 denominator); NaN for fewer than two values. */
    public double sampleVariance() {
        return sampleStandardDeviation * sampleStandardDeviation;
    }
}
