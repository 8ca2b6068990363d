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
    void fortyTwoItemsInAChainShareLettersExactlyWhereNotCalled() {
        // a board's size: every pair called except neighbours, the shape single linkage chained into one group
        int n = 42;
        List<String> letters = CompactLetterDisplay.of(n, (i, j) -> Math.abs(i - j) > 1);
        assertEquals(List.of("a", "ab", "bc"), letters.subList(0, 3));
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                boolean share = shareName(letters.get(i), letters.get(j));
                assertEquals(Math.abs(i - j) <= 1, share, i + " " + letters.get(i) + " / " + j + " " + letters.get(j));
            }
        }
    }

    /** Whether two letter strings share a letter name (a name is a letter and its digits: "a", "b1"). */
    private static boolean shareName(String a, String b) {
        java.util.Set<String> x = new java.util.HashSet<>(java.util.Arrays.asList(a.split("(?=[a-zA-Z])")));
        return java.util.Arrays.stream(b.split("(?=[a-zA-Z])")).anyMatch(x::contains);
    }

    @Test
    void nothingCalledAndEverythingCalled() {
        assertEquals(List.of("a", "a", "a"), CompactLetterDisplay.of(3, (i, j) -> false));
        assertEquals(List.of("a", "b", "c"), CompactLetterDisplay.of(3, (i, j) -> true));
        assertEquals(List.of(), CompactLetterDisplay.of(0, (i, j) -> true));
        assertEquals("a1", CompactLetterDisplay.name(52));
    }
}
