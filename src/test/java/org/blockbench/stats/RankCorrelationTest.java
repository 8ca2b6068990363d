package org.blockbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RankCorrelationTest {

    @Test
    void withoutTiesIsOneMinusSixSumDSquaredOverNCubedMinusN() {
        // ranks x: 1 2 3 4 5; ranks y: 2 1 4 3 5 -> d² = 1+1+1+1+0 = 4; ρ = 1 - 6·4/(5·24) = 0.8
        double[] x = {0.10, 0.20, 0.30, 0.40, 0.50};
        double[] y = {0.62, 0.61, 0.70, 0.65, 0.90};
        assertEquals(0.8, RankCorrelation.spearman(x, y), 1e-12);
    }

    @Test
    void reversedOrderIsMinusOneAndMonotoneMapIsOne() {
        double[] x = {1, 2, 3, 4};
        assertEquals(-1.0, RankCorrelation.spearman(x, new double[] {9, 7, 5, 1}), 1e-12);
        assertEquals(1.0, RankCorrelation.spearman(x, new double[] {1, 8, 27, 64}), 1e-12);
    }

    @Test
    void tiesShareTheirAverageRank() {
        // x ranks 1, 2.5, 2.5, 4 (mean 2.5); y ranks 1, 2, 3, 4 (mean 2.5)
        // deviations x: -1.5, 0, 0, 1.5; y: -1.5, -0.5, 0.5, 1.5
        // Σ dx·dy = 2.25 + 0 + 0 + 2.25 = 4.5; Σ dx² = 4.5; Σ dy² = 5 -> ρ = 4.5 / sqrt(4.5·5) = 0.9486832980505138
        double[] x = {1, 2, 2, 3};
        double[] y = {10, 20, 30, 40};
        assertEquals(4.5 / Math.sqrt(22.5), RankCorrelation.spearman(x, y), 1e-12);
    }

    @Test
    void constantSampleHasNoRankCorrelation() {
        assertTrue(Double.isNaN(RankCorrelation.spearman(new double[] {1, 1, 1}, new double[] {1, 2, 3})));
    }

    @Test
    void refusesBadInput() {
        assertThrows(IllegalArgumentException.class, () -> RankCorrelation.spearman(new double[] {1}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> RankCorrelation.spearman(new double[] {1, 2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> RankCorrelation.spearman(new double[] {1, Double.NaN}, new double[] {1, 2}));
    }
}
