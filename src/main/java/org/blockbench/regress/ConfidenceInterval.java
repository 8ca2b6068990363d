package org.blockbench.regress;

/**
 * A two-sided interval {@code [low, high]} at {@code confidence} (e.g. 0.99), from a
 * percentile bootstrap with {@code resamples} replicates and a fixed {@code seed} that
 * resampled {@code resampled} units: {@value #FORKS} (whole forks, the unit that varies
 * independently) or {@value #SAMPLES} (individual samples, used when a side has one fork).
 */
public record ConfidenceInterval(double low, double high, double confidence, int resamples, long seed, String resampled) {

    /** Whole forks were resampled. */
    public static final String FORKS = "forks";
    /** Individual samples were resampled. */
    public static final String SAMPLES = "samples";

    /** An interval from resampling individual samples. */
    public ConfidenceInterval(double low, double high, double confidence, int resamples, long seed) {
        this(low, high, confidence, resamples, seed, SAMPLES);
    }

    /** True when the whole interval lies within {@code [lower, upper]}. */
    public boolean within(double lower, double upper) {
        return low >= lower && high <= upper;
    }
}
