package org.blockbench.regress;

import java.util.Arrays;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.blockbench.stats.Quantiles;
import org.blockbench.stats.WeightedSamples;

/**
 * Percentile-bootstrap confidence interval for the ratio of two medians, each side
 * resampled independently with replacement, from a fixed seed (same inputs, same interval).
 *
 * <p>A replicate never materialises the resample. Resampling {@code n} values with
 * replacement from a sorted sample and taking the median picks the order statistic whose
 * index is the median of {@code n} uniform index draws; with {@code i = floor(n·U)} for
 * uniform {@code U}, the {@code k}-th smallest of {@code n} draws has
 * {@code U_(k) ~ Beta(k, n−k+1)}, and given {@code U_(k) = u} the next one is
 * {@code u + (1−u)(1 − W^(1/(n−k)))} for uniform {@code W}. So each replicate costs O(log n)
 * whatever the sample size (a SampleTime histogram of a million samples included), and is
 * distributed exactly as the textbook resample-and-sort replicate.
 */
public final class MedianRatioBootstrap {

    private MedianRatioBootstrap() {
    }

    /**
     * Interval for {@code ratio = median(numerator) / median(denominator)} at
     * {@code confidence}, from {@code resamples} replicates seeded by {@code seed}.
     *
     * @throws IllegalArgumentException if a side is empty, or resamples/confidence are out of range
     */
    public static ConfidenceInterval interval(WeightedSamples numerator, WeightedSamples denominator,
            double confidence, int resamples, long seed) {
        if (numerator.count() == 0 || denominator.count() == 0) {
            throw new IllegalArgumentException("both samples must be non-empty");
        }
        if (!(confidence > 0 && confidence < 1) || resamples < 1) {
            throw new IllegalArgumentException("need 0 < confidence < 1 and resamples >= 1, found "
                    + confidence + " and " + resamples);
        }
        RandomGenerator random = new Well19937c(seed);
        MedianSampler top = new MedianSampler(numerator, random);
        MedianSampler bottom = new MedianSampler(denominator, random);
        double[] ratios = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            ratios[b] = top.next() / bottom.next();
        }
        Arrays.sort(ratios);
        double tail = (1 - confidence) / 2;
        return new ConfidenceInterval(Quantiles.type7(ratios, tail), Quantiles.type7(ratios, 1 - tail), confidence, resamples, seed);
    }

    /**
     * Cluster-bootstrap interval for the same ratio when each side is several forks: a
     * replicate draws as many forks as the side has, with replacement, and takes the median
     * of the drawn forks' samples pooled (a fork drawn twice counts twice). Fork-to-fork
     * variation, which JMH runs show to be much larger than the variation within a fork, is
     * then inside the interval; the samples within a fork are carried along, not resampled
     * (the one-stage cluster bootstrap). Forks without samples are left out.
     *
     * @throws IllegalArgumentException if a side has no fork with samples
     */
    public static ConfidenceInterval forkInterval(java.util.List<WeightedSamples> numeratorForks,
            java.util.List<WeightedSamples> denominatorForks, double confidence, int resamples, long seed) {
        if (!(confidence > 0 && confidence < 1) || resamples < 1) {
            throw new IllegalArgumentException("need 0 < confidence < 1 and resamples >= 1, found "
                    + confidence + " and " + resamples);
        }
        RandomGenerator random = new Well19937c(seed);
        ForkMedianSampler top = new ForkMedianSampler(numeratorForks, random);
        ForkMedianSampler bottom = new ForkMedianSampler(denominatorForks, random);
        double[] ratios = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            ratios[b] = top.next() / bottom.next();
        }
        Arrays.sort(ratios);
        double tail = (1 - confidence) / 2;
        return new ConfidenceInterval(Quantiles.type7(ratios, tail), Quantiles.type7(ratios, 1 - tail), confidence, resamples, seed,
                ConfidenceInterval.FORKS);
    }

    /** Draws medians of fork-resampled pooled samples of one side. */
    static final class ForkMedianSampler {
        private final WeightedSamples[] forks;
        private final double[] values;
        private final RandomGenerator random;
        private final long[] multiplicity;

        ForkMedianSampler(java.util.List<WeightedSamples> forks, RandomGenerator random) {
            this.forks = forks.stream().filter(f -> f.count() > 0).toArray(WeightedSamples[]::new);
            if (this.forks.length == 0) {
                throw new IllegalArgumentException("no fork with samples");
            }
            this.values = WeightedSamples.pooled(java.util.List.of(this.forks)).distinct();
            this.random = random;
            this.multiplicity = new long[this.forks.length];
        }

        /** The median of the pooled samples of one with-replacement draw of forks. */
        double next() {
            Arrays.fill(multiplicity, 0);
            long total = 0;
            for (int i = 0; i < forks.length; i++) {
                int f = random.nextInt(forks.length);
                multiplicity[f]++;
                total += forks[f].count();
            }
            double lower = valueAtRank((total - 1) / 2);
            return total % 2 == 1 ? lower : (lower + valueAtRank(total / 2)) / 2;
        }

        /** Smallest value whose pooled count of samples at or below it exceeds {@code rank}. */
        private double valueAtRank(long rank) {
            int lo = 0;
            int hi = values.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (countAtMost(values[mid]) > rank) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return values[lo];
        }

        private long countAtMost(double x) {
            long n = 0;
            for (int f = 0; f < forks.length; f++) {
                if (multiplicity[f] > 0) {
                    n += multiplicity[f] * forks[f].countAtMost(x);
                }
            }
            return n;
        }
    }

    /** Draws bootstrap medians of one sample. */
    static final class MedianSampler {
        private final WeightedSamples samples;
        private final long n;
        private final long k;
        private final BetaDistribution kthUniform;
        private final RandomGenerator random;

        MedianSampler(WeightedSamples samples, RandomGenerator random) {
            this.samples = samples;
            this.n = samples.count();
            this.k = n % 2 == 1 ? (n + 1) / 2 : n / 2;
            this.kthUniform = new BetaDistribution(random, k, n - k + 1);
            this.random = random;
        }

        /** The median of one with-replacement resample of size n. */
        double next() {
            double u = kthUniform.sample();
            double lower = samples.valueAtRank(index(u));
            if (n % 2 == 1) {
                return lower;
            }
            double v = u + (1 - u) * (1 - Math.pow(random.nextDouble(), 1.0 / (n - k)));
            return (lower + samples.valueAtRank(index(v))) / 2;
        }

        private long index(double u) {
            return Math.min(n - 1, (long) Math.floor(u * n));
        }
    }
}
