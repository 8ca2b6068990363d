package org.blockbench.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Reference values computed by hand from the normal approximation that Commons Math uses:
 * U from average ranks, z = (U_min − n1·n2/2) / sqrt(n1·n2·(n1+n2+1)/12), p = 2·Φ(z).
 */
class MannWhitneyTest {

    @Test
    void completelySeparatedSamplesOfFive() {
        // U_min = 0, E[U] = 12.5, Var[U] = 25·11/12 → z = −2.61116 → p = 0.0090234
        double p = MannWhitney.pValue(new double[] {1, 2, 3, 4, 5}, new double[] {6, 7, 8, 9, 10});
        assertEquals(0.00902343881808032, p, 1e-12);
        assertEquals(p, MannWhitney.pValue(new double[] {6, 7, 8, 9, 10}, new double[] {1, 2, 3, 4, 5}), 1e-15,
                "two-sided: symmetric in its arguments");
    }

    @Test
    void tiesGetAverageRanks() {
        // pooled 1 2 2 2 3 3 4 5 → ranks 1, 3, 3, 3, 5.5, 5.5, 7, 8; R_x = 1+3+3+5.5 = 12.5
        // U_x = 12.5 − 10 = 2.5, U_y = 13.5; z = (2.5 − 8)/sqrt(12) → p = 0.112351
        double p = MannWhitney.pValue(new double[] {1, 2, 2, 3}, new double[] {2, 3, 4, 5});
        assertEquals(0.11235119769046398, p, 1e-12);
    }

    @Test
    void unequalSizes() {
        // x = {1.1, 2.2, 3.3}, y = {0.5, 4.4, 5.5, 6.6, 7.7}: x beats y in 3 of 15 pairs → U_min = 3
        double p = MannWhitney.pValue(new double[] {1.1, 2.2, 3.3}, new double[] {0.5, 4.4, 5.5, 6.6, 7.7});
        assertEquals(0.17971249487899987, p, 1e-12);
    }

    @Test
    void identicalSamplesGiveOne() {
        double[] x = {3, 3, 3, 3, 3, 3};
        assertEquals(1.0, MannWhitney.pValue(x, x.clone()), 1e-15);
        double[] y = {1, 2, 3, 4, 5, 6, 7};
        assertEquals(1.0, MannWhitney.pValue(y, y.clone()), 1e-15);
    }

    @Test
    void emptySampleIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> MannWhitney.pValue(new double[0], new double[] {1}));
    }

    @Test
    void smallestPossiblePValueAndMinimumSizes() {
        assertEquals(0.00902343881808032, MannWhitney.smallestPossiblePValue(5, 5), 1e-12);
        assertEquals(1.0, MannWhitney.smallestPossiblePValue(0, 5));
        assertEquals(5, MannWhitney.minimumSamplesPerSide(0.01));
        assertEquals(3, MannWhitney.minimumSamplesPerSide(0.05));
        assertEquals(8, MannWhitney.minimumSamplesPerSide(0.001));
        // and the bound is tight: 4 per side cannot reach 0.01
        double p4 = MannWhitney.pValue(new double[] {1, 2, 3, 4}, new double[] {5, 6, 7, 8});
        assertEquals(MannWhitney.smallestPossiblePValue(4, 4), p4, 1e-15);
        assertEquals(true, p4 > 0.01);
    }
}
