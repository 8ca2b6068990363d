package org.blockbench.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The difference of two means with its t interval: Welch's for independent replicates (JMH forks
 * of two configs), the paired one for replicates matched one to one (training seeds, which share
 * data order and initialisation). Replicates are the units that vary independently: forks for
 * latency, seeds for accuracy (house style rule 18). With fewer than two replicates a side (pairs
 * for the paired form), or replicates without any spread, the difference has no usable standard
 * error: p = 1 and the interval is unbounded. A spread of zero is no evidence of zero noise
 * (accuracies are multiples of 1 / validation images, so two seeds can differ by exactly the
 * same amount), and a test that called it would be certain on two values.
 *
 * @param estimate          mean(a) − mean(b)
 * @param standardError     its standard error (NaN when undefined)
 * @param degreesOfFreedom  Welch–Satterthwaite, or pairs − 1 (NaN when undefined)
 */
public record MeanDifference(double estimate, double standardError, double degreesOfFreedom) {

    /**
     * Welch's difference of independent samples {@code a} and {@code b}.
     *
     * @throws IllegalArgumentException when a side is empty or holds a non-finite value
     */
    public static MeanDifference welch(double[] a, double[] b) {
        Stats sa = Stats.of(a);
        Stats sb = Stats.of(b);
        if (sa.count() == 0 || sb.count() == 0) {
            throw new IllegalArgumentException("both samples must be non-empty, found " + a.length + " and " + b.length);
        }
        double estimate = sa.mean() - sb.mean();
        if (sa.count() < 2 || sb.count() < 2) {
            return new MeanDifference(estimate, Double.NaN, Double.NaN);
        }
        double va = sa.sampleVariance() / sa.count();
        double vb = sb.sampleVariance() / sb.count();
        double se = Math.sqrt(va + vb);
        double df = se == 0 ? sa.count() + sb.count() - 2
                : (va + vb) * (va + vb) / (va * va / (sa.count() - 1) + vb * vb / (sb.count() - 1));
        return new MeanDifference(estimate, se, df);
    }

    /**
     * The difference of independent samples {@code a} and {@code b} with a pooled standard
     * deviation {@code pooledSd} on {@code pooledDf} degrees of freedom, estimated from every item
     * of the family (as Tukey's HSD uses the ANOVA's mean squared error): se = pooledSd ·
     * √(1/n_a + 1/n_b). It assumes the replicates of every item spread alike, which holds for JMH
     * forks of one interleaved sweep on the log scale (one machine, one noise), and lends a
     * config with few forks the degrees of freedom of the whole sweep.
     *
     * @throws IllegalArgumentException when a side is empty or holds a non-finite value
     */
    public static MeanDifference pooled(double[] a, double[] b, double pooledSd, double pooledDf) {
        Stats sa = Stats.of(a);
        Stats sb = Stats.of(b);
        if (sa.count() == 0 || sb.count() == 0) {
            throw new IllegalArgumentException("both samples must be non-empty, found " + a.length + " and " + b.length);
        }
        double se = pooledSd * Math.sqrt(1.0 / sa.count() + 1.0 / sb.count());
        return new MeanDifference(sa.mean() - sb.mean(), pooledDf >= 1 ? se : Double.NaN, pooledDf >= 1 ? pooledDf : Double.NaN);
    }

    /**
     * The pooled sample standard deviation of several groups, {@code {sd, df}}: √(Σ (n_i − 1) s_i² /
     * Σ (n_i − 1)) over the groups with two or more values; {@code {NaN, 0}} when none has.
     */
    public static double[] pooledStandardDeviation(java.util.List<double[]> groups) {
        double sum = 0;
        long df = 0;
        for (double[] g : groups) {
            if (g.length >= 2) {
                Stats s = Stats.of(g);
                sum += (g.length - 1) * s.sampleVariance();
                df += g.length - 1;
            }
        }
        return df == 0 ? new double[] {Double.NaN, 0} : new double[] {Math.sqrt(sum / df), df};
    }

    /**
     * The paired difference of {@code a[i] − b[i]}.
     *
     * @throws IllegalArgumentException when the lengths differ, are 0, or a value is not finite
     */
    public static MeanDifference paired(double[] a, double[] b) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("paired samples need equal non-zero lengths, found " + a.length + " and " + b.length);
        }
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = a[i] - b[i];
        }
        Stats s = Stats.of(d);
        if (s.count() < 2) {
            return new MeanDifference(s.mean(), Double.NaN, Double.NaN);
        }
        return new MeanDifference(s.mean(), s.sampleStandardDeviation() / Math.sqrt(s.count()), s.count() - 1);
    }

    /**
     * This difference with its standard error raised to at least {@code floor} (a known lower
     * bound on the noise, such as the binomial error of a finite validation set), on the same
     * degrees of freedom; unchanged where the degrees of freedom are undefined (fewer than two
     * replicates), so one replicate still has no interval.
     */
    public MeanDifference withStandardErrorAtLeast(double floor) {
        if (Double.isNaN(degreesOfFreedom) || !(floor > (Double.isNaN(standardError) ? 0 : standardError))) {
            return this;
        }
        return new MeanDifference(estimate, floor, degreesOfFreedom);
    }

    /** Whether a usable standard error exists (two or more replicates a side, with some spread). */
    public boolean defined() {
        return standardError > 0 && Double.isFinite(standardError);
    }

    /** Two-sided p-value of "no difference": 1 when there is no usable standard error. */
    public double pValue() {
        if (!defined()) {
            return 1;
        }
        return 2 * new TDistribution(null, degreesOfFreedom).cumulativeProbability(-Math.abs(estimate) / standardError);
    }

    /** The two-sided interval {@code [low, high]} at confidence {@code 1 − alpha}; unbounded when undefined. */
    public double[] interval(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), found " + alpha);
        }
        if (!defined()) {
            return new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
        }
        double half = criticalValue(alpha) * standardError;
        return new double[] {estimate - half, estimate + half};
    }

    /**
     * The probability that a true difference of {@code effect} is called at level {@code alpha}
     * with this standard error and these degrees of freedom (the power; the noncentral t is
     * approximated by the central one shifted by {@code effect / se}). 0 when undefined.
     */
    public double power(double effect, double alpha) {
        if (!defined()) {
            return 0;
        }
        TDistribution t = new TDistribution(null, degreesOfFreedom);
        double c = criticalValue(alpha);
        double shift = Math.abs(effect) / standardError;
        return (1 - t.cumulativeProbability(c - shift)) + t.cumulativeProbability(-c - shift);
    }

    private double criticalValue(double alpha) {
        return new TDistribution(null, degreesOfFreedom).inverseCumulativeProbability(1 - alpha / 2);
    }
}
