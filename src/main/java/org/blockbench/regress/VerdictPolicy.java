package org.blockbench.regress;

import org.blockbench.BadInputException;

/**
 * How a verdict is reached; all defaults and their meaning in one place.
 *
 * <p>For one benchmark let {@code r} be the time ratio new/base of the medians (for
 * throughput units, base/new, so that {@code r > 1} always means slower), {@code [lo, hi]}
 * its bootstrap interval at confidence {@code 1 − alpha} (resampling whole forks when both
 * sides have two or more, samples otherwise), {@code p} the two-sided Mann-Whitney U p-value
 * of the raw samples, {@code f} the same time ratio between the fastest fork of each side and
 * {@code t} the threshold. Then, in this order:
 * <ol>
 * <li><b>inconclusive</b> if either side has no finite sample, or the sample sizes are so
 *     small that even two non-overlapping samples could not give {@code p < alpha}
 *     ({@link MannWhitney#minimumSamplesPerSide}: 5 per side at alpha 0.01);</li>
 * <li><b>slower</b> if {@code p < alpha}, {@code r > 1 + t}, {@code lo > 1} and {@code f > 1 + t};</li>
 * <li><b>faster</b> if {@code p < alpha}, {@code r < 1 / (1 + t)}, {@code hi < 1} and {@code f < 1 / (1 + t)};</li>
 * <li><b>unchanged</b> if {@code 1/(1+t) ≤ lo} and {@code hi ≤ 1 + t}: the data rule out a
 *     change as large as the threshold (significant or not);</li>
 * <li><b>inconclusive</b> otherwise: a significant effect beyond the threshold whose interval
 *     still includes 1 (the forks disagree) or whose fastest fork stays within the threshold
 *     (not every fork moved), an effect beyond the threshold without
 *     significance, a significant shift within the threshold whose interval reaches past it,
 *     or no significance with an interval too wide to rule a change out.</li>
 * </ol>
 * The U test treats every sample as independent, which samples of one fork are not; the
 * interval over forks and the fastest fork are what keep forks that landed in a slow machine
 * state from raising an alarm.
 *
 * @param alpha significance level of the U test and 1 − confidence of the interval (default 0.01)
 * @param threshold smallest relative change that counts as an effect (default 0.05 = 5 %)
 * @param bootstrapResamples bootstrap replicates for the interval (default 10,000)
 * @param seed seed of the bootstrap (default 20240607)
 * @param maxTestSamples per side, at most this many samples enter the U test; larger samples
 *        (SampleTime histograms) are reduced to evenly spaced order statistics (default 200,000)
 */
public record VerdictPolicy(double alpha, double threshold, int bootstrapResamples, long seed, int maxTestSamples) {

    public static final double DEFAULT_ALPHA = 0.01;
    public static final double DEFAULT_THRESHOLD = 0.05;
    public static final int DEFAULT_BOOTSTRAP_RESAMPLES = 10_000;
    public static final long DEFAULT_SEED = 20240607L;
    public static final int DEFAULT_MAX_TEST_SAMPLES = 200_000;

    public static final VerdictPolicy DEFAULTS = new VerdictPolicy(DEFAULT_ALPHA, DEFAULT_THRESHOLD,
            DEFAULT_BOOTSTRAP_RESAMPLES, DEFAULT_SEED, DEFAULT_MAX_TEST_SAMPLES);

    /** @throws BadInputException when a value is out of range, naming the valid range */
    public VerdictPolicy {
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new BadInputException("alpha must be in (0, 0.5), found " + alpha);
        }
        if (!(threshold >= 0 && threshold < 10)) {
            throw new BadInputException("threshold must be a fraction in [0, 10) (0.05 = 5 %), found " + threshold);
        }
        if (bootstrapResamples < 100) {
            throw new BadInputException("bootstrap resamples must be >= 100, found " + bootstrapResamples);
        }
        if (maxTestSamples < 10) {
            throw new BadInputException("max test samples must be >= 10, found " + maxTestSamples);
        }
    }

    /** Confidence level of the interval: 1 − alpha. */
    public double confidence() {
        return 1 - alpha;
    }

    /** Time ratios above this are a slowdown: 1 + threshold. */
    public double slowerAbove() {
        return 1 + threshold;
    }

    /** Time ratios below this are a speed-up: 1 / (1 + threshold). */
    public double fasterBelow() {
        return 1 / (1 + threshold);
    }

    public VerdictPolicy withThreshold(double t) {
        return new VerdictPolicy(alpha, t, bootstrapResamples, seed, maxTestSamples);
    }
}
