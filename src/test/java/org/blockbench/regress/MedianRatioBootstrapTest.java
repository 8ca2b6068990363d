package org.blockbench.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.commons.math3.random.Well19937c;
import org.blockbench.stats.WeightedSamples;
import org.junit.jupiter.api.Test;

class MedianRatioBootstrapTest {

    /**
     * Differential check of the order-statistic shortcut against the textbook bootstrap
     * (resample n values with replacement, sort, take the median): with 200,000 replicates
     * each, the two distributions of the bootstrap median must agree within 0.006 at every
     * value (the sampling error of either is about 0.001).
     */
    @Test
    void orderStatisticSamplerMatchesResampling() {
        for (double[] data : new double[][] {{3, 1, 4, 1, 5, 9, 2, 6, 5}, {3, 1, 4, 1, 5, 9, 2, 6}}) {
            WeightedSamples s = WeightedSamples.of(data);
            double[] sorted = data.clone();
            Arrays.sort(sorted);
            int reps = 200_000;
            TreeMap<Double, Double> shortcut = new TreeMap<>();
            TreeMap<Double, Double> textbook = new TreeMap<>();
            MedianRatioBootstrap.MedianSampler sampler = new MedianRatioBootstrap.MedianSampler(s, new Well19937c(1));
            SplittableRandom random = new SplittableRandom(2);
            double[] resample = new double[sorted.length];
            for (int r = 0; r < reps; r++) {
                shortcut.merge(sampler.next(), 1.0 / reps, Double::sum);
                for (int i = 0; i < resample.length; i++) {
                    resample[i] = sorted[random.nextInt(sorted.length)];
                }
                Arrays.sort(resample);
                int n = resample.length;
                double median = n % 2 == 1 ? resample[n / 2] : (resample[n / 2 - 1] + resample[n / 2]) / 2;
                textbook.merge(median, 1.0 / reps, Double::sum);
            }
            assertEquals(textbook.keySet(), shortcut.keySet(), "the same possible medians");
            for (double v : textbook.keySet()) {
                assertEquals(textbook.get(v), shortcut.get(v), 0.006, "P(median = " + v + ") for n = " + data.length);
            }
        }
    }

    @Test
    void identicalSamplesGiveTheDegenerateIntervalOne() {
        WeightedSamples s = WeightedSamples.of(2, 2, 2, 2, 2);
        ConfidenceInterval ci = MedianRatioBootstrap.interval(s, s, 0.99, 1000, 7);
        assertEquals(1.0, ci.low());
        assertEquals(1.0, ci.high());
    }

    @Test
    void intervalCoversAKnownRatioAndIsReproducible() {
        double[] base = new double[200];
        double[] slower = new double[200];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < base.length; i++) {
            base[i] = 1 + 0.05 * r.nextDouble();
            slower[i] = 1.2 * (1 + 0.05 * r.nextDouble());
        }
        ConfidenceInterval ci = MedianRatioBootstrap.interval(WeightedSamples.of(slower), WeightedSamples.of(base),
                0.99, 10_000, 42);
        assertTrue(ci.low() < 1.2 && ci.high() > 1.2, "interval " + ci + " covers the true ratio 1.2");
        assertTrue(ci.high() - ci.low() < 0.03, "and is narrow: " + ci);
        assertEquals(ci, MedianRatioBootstrap.interval(WeightedSamples.of(slower), WeightedSamples.of(base),
                0.99, 10_000, 42), "same seed, same interval");
    }

    @Test
    void forkIntervalSeesForkToForkVariation() {
        // three forks per side of 30 samples each, tight around their level; the candidate's forks at 1.0, 1.0, 1.2
        double[] fastValues = new double[30];
        double[] slowValues = new double[30];
        for (int i = 0; i < 30; i++) {
            fastValues[i] = 1.0 + i * 1e-4;
            slowValues[i] = 1.2 + i * 1e-4;
        }
        WeightedSamples fast = WeightedSamples.of(fastValues);
        WeightedSamples slow = WeightedSamples.of(slowValues);
        java.util.List<WeightedSamples> base = java.util.List.of(fast, fast, fast);
        java.util.List<WeightedSamples> mixed = java.util.List.of(fast, fast, slow);
        ConfidenceInterval ci = MedianRatioBootstrap.forkInterval(mixed, base, 0.99, 10_000, 1);
        assertEquals(ConfidenceInterval.FORKS, ci.resampled());
        // drawing the slow fork 2 or 3 times of 3 (prob. 7/27) puts the pooled median at 1.2
        assertEquals(1.0, ci.low(), 1e-12, "no slow fork drawn (prob. 8/27): both pooled medians are 1.0");
        assertEquals(1.2, ci.high(), 3e-3);
        // the sample-level interval of the same data is narrow and misses the slow fork
        ConfidenceInterval samples = MedianRatioBootstrap.interval(WeightedSamples.pooled(mixed),
                WeightedSamples.pooled(base), 0.99, 10_000, 1);
        assertTrue(samples.high() < 1.01, samples.toString());
        // an empty fork is left out; a side with none is an error
        assertEquals(ci.resampled(), MedianRatioBootstrap.forkInterval(java.util.List.of(mixed.get(0), mixed.get(1),
                mixed.get(2), WeightedSamples.empty()), base, 0.99, 1000, 1).resampled());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> MedianRatioBootstrap
                .forkInterval(java.util.List.of(WeightedSamples.empty()), base, 0.99, 1000, 1));
    }

    @Test
    void percentileInterpolates() {
        assertEquals(1.5, org.blockbench.stats.Quantiles.type7(new double[] {1, 2}, 0.5), 1e-15);
        assertEquals(1.0, org.blockbench.stats.Quantiles.type7(new double[] {1, 2}, 0.0), 1e-15);
    }
}
