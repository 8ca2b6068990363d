package org.blockbench.stats;

import java.util.Arrays;

/**
 * Collects values, each with a weight (a histogram count), and gives their {@link Stats} or
 * {@link WeightedSamples} on demand; the accumulator stays usable after a snapshot. Not
 * thread-safe.
 */
public final class StatsAccumulator {

    private double[] values = new double[16];
    private long[] counts = new long[16];
    private int size;

    /**
     * Adds one value.
     *
     * @throws IllegalArgumentException when it is NaN or infinite
     */
    public StatsAccumulator add(double value) {
        return add(value, 1);
    }

    /**
     * Adds {@code count} copies of {@code value}.
     *
     * @throws IllegalArgumentException when the value is not finite or the count is negative
     */
    public StatsAccumulator add(double value, long count) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("sample values must be finite, found " + value);
        }
        if (count < 0) {
            throw new IllegalArgumentException("sample counts must be >= 0, found " + count);
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
            counts = Arrays.copyOf(counts, size * 2);
        }
        values[size] = value;
        counts[size++] = count;
        return this;
    }

    /** Adds every value of {@code more}. */
    public StatsAccumulator addAll(double... more) {
        for (double v : more) {
            add(v);
        }
        return this;
    }

    /** Number of values added so far (counts summed). */
    public long count() {
        long n = 0;
        for (int i = 0; i < size; i++) {
            n = Math.addExact(n, counts[i]);
        }
        return n;
    }

    /** The values added so far as an immutable multiset. */
    public WeightedSamples samples() {
        return WeightedSamples.ofHistogram(Arrays.copyOf(values, size), Arrays.copyOf(counts, size));
    }

    /** The statistics of the values added so far. */
    public Stats snapshot() {
        return samples().stats();
    }
}
