package org.blockbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed values and the edge cases: empty, one value, NaN and infinities. */
class StatsTest {

    @Test
    void fourValuesByHand() {
        // 1 2 3 4: mean 2.5; squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5, / (4 − 1) → variance 5/3
        Stats s = Stats.of(4, 1, 3, 2);
        assertEquals(4, s.count());
        assertEquals(2.5, s.mean(), 0);
        assertEquals(Math.sqrt(5.0 / 3), s.sampleStandardDeviation(), 1e-15);
        assertEquals(5.0 / 3, s.sampleVariance(), 1e-15);
        assertEquals(1, s.min(), 0);
        assertEquals(4, s.max(), 0);
        assertEquals(2.5, s.median(), 0, "even count: mean of the two middle values");
        assertTrue(s.hasSpread());
    }

    @Test
    void oddCountMedianIsTheMiddleValue() {
        Stats s = Stats.of(List.of(9.0, 4.0, 5.0));
        assertEquals(5, s.median(), 0);
        assertEquals(6, s.mean(), 0);
        // deviations 3, -2, -1: 9 + 4 + 1 = 14, / 2 = 7
        assertEquals(Math.sqrt(7), s.sampleStandardDeviation(), 1e-15);
    }

    @Test
    void durationsInMicroseconds() {
        Stats s = Stats.of(new long[] {9, 4, 5, 3});
        assertEquals(4.5, s.median(), 0);
        assertEquals(5.25, s.mean(), 0);
    }

    @Test
    void emptyIsAllNaN() {
        Stats s = Stats.of();
        assertEquals(0, s.count());
        assertTrue(Double.isNaN(s.mean()) && Double.isNaN(s.sampleStandardDeviation()) && Double.isNaN(s.min())
                && Double.isNaN(s.max()) && Double.isNaN(s.median()));
        assertFalse(s.hasSpread());
    }

    @Test
    void oneValueHasNoSpread() {
        Stats s = Stats.of(7.0);
        assertEquals(new Stats(1, 7, Double.NaN, 7, 7, 7), s);
        assertFalse(s.hasSpread());
    }

    @Test
    void nanAndInfinitiesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Stats.of(1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Stats.of(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class,
                () -> WeightedSamples.ofHistogram(new double[] {Double.NEGATIVE_INFINITY}, new long[] {1}));
    }

    @Test
    void histogramWithCountsEqualsTheExpandedValues() {
        Stats s = WeightedSamples.ofHistogram(new double[] {1.0, 2.0, 1.5, 2.5}, new long[] {3, 1, 2, 2}).stats();
        assertEquals(Stats.of(1, 1, 1, 2, 1.5, 1.5, 2.5, 2.5), s);
        assertEquals(8, s.count());
        assertEquals(1.625, s.mean(), 1e-15);
        // 3·0.625² + 0.375² + 2·0.125² + 2·0.875² = 2.875, / 7
        assertEquals(Math.sqrt(2.875 / 7), s.sampleStandardDeviation(), 1e-15);
        assertEquals(1.5, s.median(), 0);
        assertThrows(IllegalArgumentException.class, () -> WeightedSamples.ofHistogram(new double[] {1}, new long[] {-1}));
    }

    @Test
    void quantilesAreType7() {
        double[] sorted = {1, 2, 3, 4, 10};
        // numpy.quantile([1, 2, 3, 4, 10], [0, .25, .5, .9, 1]) = [1, 2, 3, 7.6, 10]
        assertEquals(1, Quantiles.type7(sorted, 0), 0);
        assertEquals(2, Quantiles.type7(sorted, 0.25), 0);
        assertEquals(3, Quantiles.type7(sorted, 0.5), 0);
        assertEquals(7.6, Quantiles.type7(sorted, 0.9), 1e-12);
        assertEquals(10, Quantiles.type7(sorted, 1), 0);
        assertEquals(1.5, Quantiles.type7(new double[] {1, 2}, 0.5), 0);
        assertTrue(Double.isNaN(Quantiles.type7(new double[0], 0.5)));
        assertThrows(IllegalArgumentException.class, () -> Quantiles.type7(sorted, 1.5));
        assertThrows(IllegalArgumentException.class, () -> Quantiles.type7(sorted, Double.NaN));
        // the same definition through the histogram form
        assertEquals(7.6, WeightedSamples.ofHistogram(new double[] {10, 1, 2, 3, 4}, new long[] {1, 1, 1, 1, 1}).quantile(0.9), 1e-12);
    }
}
