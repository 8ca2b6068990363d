package org.blockbench.regress;

/**
 * A two-sided interval {@code [low, high]} at {@code confidence} (e.g. 0.99), from a
 * percentile bootstrap with {@code resamples} replicates and a fixed {@code seed}.
 */
public record ConfidenceInterval(double low, double high, double confidence, int resamples, long seed) {

    /** True when the whole interval lies within {@code [lower, upper]}. */
    public boolean within(double lower, double upper) {
        return low >= lower && high <= upper;
    }
}
