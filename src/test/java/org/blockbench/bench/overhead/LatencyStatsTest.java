package org.blockbench.bench.overhead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(new LatencyStats(3, 5, 6), LatencyStats.of(new long[] {9, 4, 5}));
        assertEquals(new LatencyStats(4, 4.5, 5.25), LatencyStats.of(new long[] {9, 4, 5, 3}));
    }

    @Test
    void emptyIsNaN() {
        LatencyStats s = LatencyStats.of(new long[0]);
        assertEquals(0, s.count());
        assertTrue(Double.isNaN(s.median()) && Double.isNaN(s.mean()));
    }
}
