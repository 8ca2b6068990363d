package org.blockbench.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WeightedSamplesTest {

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(3.0, WeightedSamples.of(5, 1, 3, 2, 4).median());
        assertEquals(2.5, WeightedSamples.of(4, 1, 3, 2).median());
        assertEquals(7.0, WeightedSamples.of(7).median());
        assertTrue(Double.isNaN(WeightedSamples.empty().median()));
    }

    @Test
    void histogramCountsExpand() {
        // 1.0 ×3, 2.0 ×1, 5.0 ×2 (given out of order, 2.0 split in two bins) → 1 1 1 2 5 5
        WeightedSamples s = WeightedSamples.ofHistogram(new double[] {5.0, 1.0, 2.0, 2.0, 9.0},
                new long[] {2, 3, 0, 1, 0});
        assertEquals(6, s.count());
        assertEquals(3, s.distinctValues());
        assertEquals(1.5, s.median());
        assertArrayEquals(new double[] {1, 1, 1, 2, 5, 5}, s.evenlySpaced(100));
        assertEquals(1.0, s.valueAtRank(2));
        assertEquals(2.0, s.valueAtRank(3));
        assertEquals(5.0, s.valueAtRank(5));
        assertThrows(IndexOutOfBoundsException.class, () -> s.valueAtRank(6));
    }

    @Test
    void quantileIsType7() {
        WeightedSamples s = WeightedSamples.of(10, 20, 30, 40);
        assertEquals(17.5, s.quantile(0.25), 1e-12); // h = 0.75 → 10 + 0.75·10
        assertEquals(32.5, s.quantile(0.75), 1e-12);
        assertEquals(10, s.quantile(0), 0);
        assertEquals(40, s.quantile(1), 0);
    }

    @Test
    void evenlySpacedOrderStatisticsOfALargeHistogram() {
        // 1,000,000 samples: value v with count 1000 for v = 0..999 → rank r holds floor(r / 1000)
        double[] v = new double[1000];
        long[] c = new long[1000];
        for (int i = 0; i < 1000; i++) {
            v[i] = i;
            c[i] = 1000;
        }
        double[] thin = WeightedSamples.ofHistogram(v, c).evenlySpaced(4);
        // ranks floor((i + 0.5) · 10^6 / 4) = 125000, 375000, 625000, 875000
        assertArrayEquals(new double[] {125, 375, 625, 875}, thin);
    }

    @Test
    void scaledAndPooled() {
        WeightedSamples ms = WeightedSamples.of(1.0, 2.0);
        assertArrayEquals(new double[] {1000, 2000}, ms.scaled(1000).evenlySpaced(10));
        WeightedSamples both = WeightedSamples.pooled(List.of(ms, WeightedSamples.of(2.0, 3.0)));
        assertArrayEquals(new double[] {1, 2, 2, 3}, both.evenlySpaced(10));
        assertThrows(IllegalArgumentException.class, () -> ms.scaled(0));
    }

    @Test
    void nonFiniteValuesAndNegativeCountsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> WeightedSamples.of(1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> WeightedSamples.of(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class,
                () -> WeightedSamples.ofHistogram(new double[] {1}, new long[] {-1}));
    }
}
