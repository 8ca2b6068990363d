package org.blockbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Letters worked by hand with Piepho's insert-and-absorb; shared letter ⇔ not told apart. */
class CompactLetterDisplayTest {

    @Test
    void noTransitivity() {
        // only 0 and 2 differ: 1 shares a letter with both
        assertEquals(List.of("a", "ab", "b"), CompactLetterDisplay.of(3, (i, j) -> i == 0 && j == 2));
    }

    @Test
    void fourItemsByHand() {
        // called: 0–2, 0–3, 1–3. {0123} → {123} {013} → {123} {01} ({13} absorbed) → {23} {12} {01}
        Set<List<Integer>> called = Set.of(List.of(0, 2), List.of(0, 3), List.of(1, 3));
        assertEquals(List.of("a", "ab", "bc", "c"), CompactLetterDisplay.of(4, (i, j) -> called.contains(List.of(i, j))));
    }

    @Test
    void nothingCalledAndEverythingCalled() {
        assertEquals(List.of("a", "a", "a"), CompactLetterDisplay.of(3, (i, j) -> false));
        assertEquals(List.of("a", "b", "c"), CompactLetterDisplay.of(3, (i, j) -> true));
        assertEquals(List.of(), CompactLetterDisplay.of(0, (i, j) -> true));
        assertEquals("a1", CompactLetterDisplay.name(52));
    }
}
