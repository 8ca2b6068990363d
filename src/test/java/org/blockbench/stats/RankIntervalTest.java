package org.blockbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The interval's own rules; intervals from comparisons are in PairwiseComparisonsTest. */
class RankIntervalTest {

    @Test
    void textAndValidation() {
        assertEquals("3", new RankInterval(3, 3).toString());
        assertEquals("2–5", new RankInterval(2, 5).toString());
        assertTrue(new RankInterval(1, 1).resolved());
        assertFalse(new RankInterval(1, 2).resolved());
        assertThrows(IllegalArgumentException.class, () -> new RankInterval(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new RankInterval(3, 2));
    }
}
