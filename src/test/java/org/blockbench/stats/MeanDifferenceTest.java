package org.blockbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Welch's and the paired t test against values computed with SciPy 1.10 (ttest_ind equal_var=False, ttest_rel). */
class MeanDifferenceTest {

    @Test
    void welchByHand() {
        // means 2.5 and 5; variances 5/3 / 4 and 4 / 3: se sqrt(0.41667 + 1.33333) = 1.3228757, df 3.2347188
        MeanDifference d = MeanDifference.welch(new double[] {1, 2, 3, 4}, new double[] {3, 5, 7});
        assertEquals(-2.5, d.estimate(), 1e-15);
        assertEquals(1.3228756555322954, d.standardError(), 1e-12);
        assertEquals(3.234718826405868, d.degreesOfFreedom(), 1e-12);
        assertEquals(0.1484713470268853, d.pValue(), 1e-9);
        double[] ci = d.interval(0.05);
        assertEquals(-6.542327954923024, ci[0], 1e-8);
        assertEquals(1.5423279549230244, ci[1], 1e-8);
    }

    @Test
    void pairedByHand() {
        // differences 2, 1, 3: mean 2, sd 1, se 1/sqrt(3), df 2
        MeanDifference d = MeanDifference.paired(new double[] {80, 82, 85}, new double[] {78, 81, 82});
        assertEquals(2, d.estimate(), 1e-15);
        assertEquals(1 / Math.sqrt(3), d.standardError(), 1e-15);
        assertEquals(2, d.degreesOfFreedom(), 0);
        assertEquals(0.07417990022744854, d.pValue(), 1e-9);
    }

    @Test
    void powerOfAThreeStandardErrorDifference() {
        // df 10, alpha 0.01: c = 3.1693; P(T > c − 3) + P(T < −c − 3) = 0.434531 (SciPy)
        assertEquals(0.434531466285663, new MeanDifference(0, 1, 10).power(3, 0.01), 1e-9);
    }

    @Test
    void oneReplicateHasNoStandardErrorAndIsNeverCalled() {
        MeanDifference d = MeanDifference.welch(new double[] {1}, new double[] {5, 6});
        assertFalse(d.defined());
        assertEquals(1, d.pValue(), 0);
        assertEquals(Double.NEGATIVE_INFINITY, d.interval(0.05)[0], 0);
        assertEquals(0, d.power(100, 0.05), 0);
        assertEquals(1, MeanDifference.paired(new double[] {1}, new double[] {2}).pValue(), 0);
    }

    @Test
    void noSpreadAtAll() {
        // no spread is no evidence of no noise: never called, no interval
        MeanDifference flat = MeanDifference.welch(new double[] {1, 1}, new double[] {2, 2});
        assertEquals(-1, flat.estimate(), 0);
        assertFalse(flat.defined());
        assertEquals(1, flat.pValue(), 0);
        assertEquals(Double.POSITIVE_INFINITY, flat.interval(0.05)[1], 0);
        assertEquals(1, MeanDifference.paired(new double[] {80, 82}, new double[] {70, 72}).pValue(), 0, "differences 10 and 10");
        assertThrows(IllegalArgumentException.class, () -> MeanDifference.welch(new double[] {}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> MeanDifference.paired(new double[] {1, 2}, new double[] {1}));
    }

    /** A floor raises a smaller standard error (zero spread included), keeps a larger one, and gives one pair no interval. */
    @Test
    void standardErrorFloor() {
        MeanDifference equal = MeanDifference.paired(new double[] {80, 82}, new double[] {70, 72});
        assertFalse(equal.defined());
        MeanDifference floored = equal.withStandardErrorAtLeast(0.5);
        assertEquals(0.5, floored.standardError(), 0);
        assertEquals(1, floored.degreesOfFreedom(), 0);
        assertEquals(10 - 12.706204736 * 0.5, floored.interval(0.05)[0], 1e-6);
        MeanDifference spread = MeanDifference.paired(new double[] {80, 84}, new double[] {70, 70}); // 10, 14: se 2
        assertEquals(2, spread.withStandardErrorAtLeast(0.5).standardError(), 1e-12);
        MeanDifference one = MeanDifference.paired(new double[] {80}, new double[] {70});
        assertFalse(one.withStandardErrorAtLeast(0.5).defined());
    }
}
