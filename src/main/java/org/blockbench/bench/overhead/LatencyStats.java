package org.blockbench.bench.overhead;

import java.util.Arrays;

/**
 * Median and mean of a set of durations.
 *
 * @param count  number of durations
 * @param median the median (mean of the two middle values for an even count), µs
 * @param mean   the arithmetic mean, µs
 */
public record LatencyStats(long count, double median, double mean) {

    /** Statistics of durations in µs; NaN for an empty set. */
    public static LatencyStats of(long[] micros) {
        if (micros.length == 0) {
            return new LatencyStats(0, Double.NaN, Double.NaN);
        }
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        return new LatencyStats(n, median, Arrays.stream(sorted).average().orElse(Double.NaN));
    }
}
