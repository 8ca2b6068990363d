package org.blockbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * All pairs under Holm, rank intervals and letters on small cases worked by hand: two items with
 * the same mean are never told apart, a third far away is told apart from both, and nothing is
 * transitive.
 */
class PairwiseComparisonsTest {

    private static final double[] A = {1.0, 1.1, 0.9};
    private static final double[] B = {1.05, 0.95, 1.0};
    private static final double[] C = {3.0, 3.1, 2.9};

    @Test
    void identicalMeansShareARankAndAFarItemRanksAlone() {
        PairwiseComparisons c = PairwiseComparisons.independent(List.of(A, B, C), 0.05);
        assertEquals(3, c.pairs().size());
        assertEquals(1, c.pair(0, 1).pValue(), 0, "A and B have the same mean");
        assertFalse(c.differ(0, 1));
        assertTrue(c.significantlyLess(0, 2));
        assertTrue(c.significantlyLess(1, 2));
        assertFalse(c.significantlyLess(2, 0));
        // A − C = −2 exactly; the interval excludes 0 because the pair is called
        double[] ac = c.interval(0, 2);
        assertTrue(ac[0] < -2 && -2 < ac[1] && ac[1] < 0, ac[0] + " " + ac[1]);
        double[] ca = c.interval(2, 0);
        assertEquals(-ac[1], ca[0], 0);
        // kept pair A–B: its interval holds 0
        double[] ab = c.interval(0, 1);
        assertTrue(ab[0] < 0 && ab[1] > 0);

        assertEquals(List.of(new RankInterval(1, 2), new RankInterval(1, 2), new RankInterval(3, 3)), RankInterval.of(c, true));
        assertEquals(List.of(new RankInterval(2, 3), new RankInterval(2, 3), new RankInterval(1, 1)), RankInterval.of(c, false),
                "higher is better: C first");
        assertEquals(List.of("a", "a", "b"), CompactLetterDisplay.of(3, c::differ));
    }

    @Test
    void pooledStandardDeviationByHand() {
        // variances 0.01, 0.0025, 0.01 on 2 df each: pooled 0.045 / 6 = 0.0075, sd 0.0866025, df 6
        double[] pooled = MeanDifference.pooledStandardDeviation(List.of(A, B, C, new double[] {7}));
        assertEquals(Math.sqrt(0.0075), pooled[0], 1e-12);
        assertEquals(6, pooled[1], 0, "a single value adds no degree of freedom");
        PairwiseComparisons c = PairwiseComparisons.pooled(List.of(A, B, C), 0.05);
        // A − C = −2, se 0.0866 * sqrt(2/3) = 0.0707107, t 28.3 on 6 df: p 1.2928e-7 (SciPy)
        assertEquals(0.07071067811865475, c.pair(0, 2).difference().standardError(), 1e-12);
        assertEquals(6, c.pair(0, 2).difference().degreesOfFreedom(), 0);
        assertEquals(1.292750596595129e-07, c.pair(0, 2).pValue(), 1e-12);
        assertEquals(1, c.pair(0, 1).pValue(), 1e-12, "same mean");
        assertEquals(List.of(new RankInterval(1, 2), new RankInterval(1, 2), new RankInterval(3, 3)), RankInterval.of(c, true));
    }

    @Test
    void pooledLendsDegreesOfFreedomToASingleReplicateButNeverToAnEmptyItem() {
        // {1.3} against A: 0.3 apart, se 0.0866 * sqrt(1 + 1/3) = 0.1, t 3 on 6 df: p 0.024008 (SciPy)
        PairwiseComparisons c = PairwiseComparisons.pooled(List.of(A, B, C, new double[] {1.3}, new double[0]), 0.05);
        assertEquals(0.024008196755730935, c.pair(0, 3).pValue(), 1e-9);
        for (int i = 0; i < 4; i++) {
            assertFalse(c.differ(i, 4), "an item without replicates is told apart from none");
        }
        assertTrue(c.differ(2, 4) == false && c.differ(0, 2));
    }

    @Test
    void everyItemOnTheSameSeedsIsARandomisedCompleteBlock() {
        // 3 models x seeds 0..2: residual after model and seed effects MSE 0.61111 on (3−1)(3−1) = 4 df;
        // se of a difference sqrt(2 MSE / 3) = 0.638285; 0 − 1 = 2 points: p 0.035070 (SciPy), the paired
        // test alone gave 0.0742 on 2 df; Holm over 3 pairs then calls all three (0.035 <= 0.05 at the last step)
        List<SortedMap<Long, Double>> seeds = List.of(bySeed(80, 82, 85), bySeed(78, 81, 82), bySeed(70, 71, 75));
        PairwiseComparisons c = PairwiseComparisons.paired(seeds, 0.05);
        assertEquals(0.6382847385042254, c.pair(0, 1).difference().standardError(), 1e-12);
        assertEquals(4, c.pair(0, 1).difference().degreesOfFreedom(), 0);
        assertEquals(0.035070144120438976, c.pair(0, 1).pValue(), 1e-9);
        assertEquals(8.516877628526846e-05, c.pair(0, 2).pValue(), 1e-12);
        assertEquals(List.of(new RankInterval(1, 1), new RankInterval(2, 2), new RankInterval(3, 3)), RankInterval.of(c, false));
        assertEquals(List.of("a", "b", "c"), CompactLetterDisplay.of(3, c::differ));
    }

    private static SortedMap<Long, Double> bySeed(double... values) {
        SortedMap<Long, Double> m = new TreeMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put((long) i, values[i]);
        }
        return m;
    }

    @Test
    void pairIndexingCoversEveryPairOnce() {
        PairwiseComparisons c = PairwiseComparisons.independent(List.of(A, B, C, A, B), 0.05);
        assertEquals(10, c.pairs().size());
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                if (i != j) {
                    PairwiseComparisons.Pair p = c.pair(i, j);
                    assertEquals(Math.min(i, j), p.first());
                    assertEquals(Math.max(i, j), p.second());
                }
            }
        }
    }

    @Test
    void pairedBySharedSeedsOnly() {
        // seeds 0..2 shared, seed 3 only in the first (not a complete block): paired differences 2, 1, 3 (see MeanDifferenceTest)
        SortedMap<Long, Double> x = new TreeMap<>(java.util.Map.of(0L, 80.0, 1L, 82.0, 2L, 85.0, 3L, 10.0));
        SortedMap<Long, Double> y = new TreeMap<>(java.util.Map.of(0L, 78.0, 1L, 81.0, 2L, 82.0));
        PairwiseComparisons c = PairwiseComparisons.paired(List.of(x, y), 0.05);
        assertEquals(2, c.pair(0, 1).difference().estimate(), 1e-12);
        assertEquals(0.07417990022744854, c.pair(0, 1).pValue(), 1e-9);
        assertFalse(c.differ(0, 1), "p 0.074 > 0.05");
    }

    @Test
    void resolutionIsTheMeanPowerOverPairs() {
        PairwiseComparisons c = PairwiseComparisons.independent(List.of(A, C), 0.05);
        PairwiseComparisons.Pair p = c.pair(0, 1);
        assertEquals(p.difference().power(0.5, p.level()), c.resolution(0.5), 0);
        assertTrue(c.resolution(10) > 0.99);
        assertTrue(Double.isNaN(PairwiseComparisons.independent(List.of(A), 0.05).resolution(1)));
    }

    @Test
    void roundsMeasuredBackToBackAreBlocksWithinAStratumAndPooledAcross() {
        // three models at "mid" measured in two rounds, the second 0.5 slower for all (drift); W at "late"
        double[] x = {1.00, 1.50};
        double[] y = {1.10, 1.62};
        double[] z = {1.20, 1.68};
        double[] w = {1.30, 1.30};
        List<double[]> items = List.of(x, y, z, w);
        PairwiseComparisons c = PairwiseComparisons.blocked(items, List.of("mid", "mid", "mid", "late"), 0.05);
        // residuals after item and round effects: 0, 0, ∓0.01, ±0.01: SS 0.0004 on (3−1)(2−1) = 2 df, MSE 0.0002,
        // se = √(2 · 0.0002 / 2) = 0.0141421; X − Z = −0.19, t 13.435 on 2 df: p 0.0054945 (SciPy)
        assertEquals(Math.sqrt(0.0002), c.pair(0, 2).difference().standardError(), 1e-12);
        assertEquals(2, c.pair(0, 2).difference().degreesOfFreedom(), 0);
        assertEquals(0.005494547078593964, c.pair(0, 2).pValue(), 1e-9);
        assertEquals(0.016130089900092532, c.pair(0, 1).pValue(), 1e-9);
        // Holm over 6 pairs: 0.0055 ≤ 0.05/6 is called, then 0.0161 > 0.05/5 stops
        assertTrue(c.significantlyLess(0, 2));
        assertFalse(c.differ(0, 1));
        // across strata the rounds are not shared: one pooled sd (variances 0.125, 0.1352, 0.1152, 0 on 4 df)
        assertEquals(Math.sqrt(0.3754 / 4), c.pair(0, 3).difference().standardError(), 1e-12);
        assertEquals(4, c.pair(0, 3).difference().degreesOfFreedom(), 0);
        // the same forks without blocks: the drift is noise, and nothing is told apart
        PairwiseComparisons pooled = PairwiseComparisons.pooled(items, 0.05);
        assertTrue(pooled.pairs().stream().noneMatch(PairwiseComparisons.Pair::significant));
        // a stratum whose rounds are incomplete falls back to the pooled comparison
        PairwiseComparisons ragged = PairwiseComparisons.blocked(List.of(x, y, new double[] {1.2, 1.68, 1.3}), List.of("mid", "mid", "mid"), 0.05);
        assertEquals(ragged.pair(0, 1).difference().standardError(),
                PairwiseComparisons.pooled(List.of(x, y, new double[] {1.2, 1.68, 1.3}), 0.05).pair(0, 1).difference().standardError(), 0);
    }
    @Test
    void eachStratumIsJudgedByItsOwnResidual() {
        // early: residuals ∓0.005, ±0.005 (MSE 0.0001 on 1 df); mid: residuals ∓0.1, ±0.1 (MSE 0.04 on 1 df)
        double[] a = {1.00, 1.02};
        double[] b = {1.10, 1.10};
        double[] c = {1.0, 1.4};
        double[] d = {1.2, 1.2};
        PairwiseComparisons p = PairwiseComparisons.blocked(List.of(a, b, c, d), List.of("early", "early", "mid", "mid"), 0.05);
        assertEquals(Math.sqrt(2 * 0.0001 / 2), p.pair(0, 1).difference().standardError(), 1e-12);
        assertEquals(1, p.pair(0, 1).difference().degreesOfFreedom(), 0);
        // mid's noise is mid's alone: pooled over both strata, early's se would be √(2 · 0.02005 / 2), 14 times its own
        assertEquals(Math.sqrt(2 * 0.04 / 2), p.pair(2, 3).difference().standardError(), 1e-12);
    }
}
