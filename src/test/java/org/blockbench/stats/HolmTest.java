package org.blockbench.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Holm's step-down by hand, and the levels that make each interval agree with its decision. */
class HolmTest {

    @Test
    void stepsDownUntilTheFirstKeptTest() {
        // m = 4, alpha 0.05, sorted: 0.005 <= 0.05/4 rejected; 0.01 <= 0.05/3 rejected;
        // 0.03 > 0.05/2 kept, and so is 0.04 (although 0.04 <= 0.05/1: step-down stops at the first kept)
        double[] p = {0.01, 0.04, 0.03, 0.005};
        assertArrayEquals(new boolean[] {true, false, false, true}, Holm.rejected(p, 0.05));
        assertArrayEquals(new double[] {0.05 / 3, 0.025, 0.025, 0.0125}, Holm.levels(p, 0.05), 1e-15);
    }

    @Test
    void bonferroniAtTheFirstStepAndNaNIsNeverRejected() {
        assertArrayEquals(new boolean[] {false, false}, Holm.rejected(new double[] {0.026, 0.03}, 0.05), "0.026 > 0.05/2");
        assertArrayEquals(new boolean[] {true, true}, Holm.rejected(new double[] {0.024, 0.03}, 0.05), "then 0.03 <= 0.05/1");
        assertArrayEquals(new boolean[] {false, true}, Holm.rejected(new double[] {Double.NaN, 0.0}, 0.05));
        assertArrayEquals(new boolean[] {}, Holm.rejected(new double[] {}, 0.05));
        assertThrows(IllegalArgumentException.class, () -> Holm.levels(new double[] {0.1}, 0));
    }
}
