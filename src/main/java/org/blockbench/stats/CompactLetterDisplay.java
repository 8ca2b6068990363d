package org.blockbench.stats;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * The compact letter display of pairwise comparisons, as under a Tukey post-hoc table: every item
 * gets one or more letters, and two items share a letter exactly when their difference was not
 * called. Built by Piepho's insert-and-absorb algorithm (J. Comput. Graph. Stat. 13, 2004): start
 * with one letter for all; for each called pair, split every letter holding both into one without
 * the first and one without the second; drop any letter whose items another letter holds. Letters
 * are then named a, b, c, … in the order of the first item (in the given order, best first)
 * holding them; past z they continue as A–Z, then as a1, b1, ….
 */
public final class CompactLetterDisplay {

    private CompactLetterDisplay() {
    }

    /**
     * Letters per item, for {@code n} items listed best first, {@code differ} saying which pairs
     * were called.
     */
    public static List<String> of(int n, BiPredicate<Integer, Integer> differ) {
        List<BitSet> columns = new ArrayList<>();
        BitSet all = new BitSet();
        all.set(0, n);
        if (n > 0) {
            columns.add(all);
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (!differ.test(i, j)) {
                    continue;
                }
                List<BitSet> next = new ArrayList<>();
                for (BitSet c : columns) {
                    if (c.get(i) && c.get(j)) {
                        BitSet withoutI = (BitSet) c.clone();
                        withoutI.clear(i);
                        BitSet withoutJ = (BitSet) c.clone();
                        withoutJ.clear(j);
                        next.add(withoutI);
                        next.add(withoutJ);
                    } else {
                        next.add(c);
                    }
                }
                columns = absorb(next);
            }
        }
        // name the letters by their first item, best first
        columns.sort((a, b) -> a.nextSetBit(0) != b.nextSetBit(0) ? Integer.compare(a.nextSetBit(0), b.nextSetBit(0))
                : compareBits(a, b));
        List<StringBuilder> letters = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            letters.add(new StringBuilder());
        }
        for (int c = 0; c < columns.size(); c++) {
            String name = name(c);
            BitSet col = columns.get(c);
            for (int i = col.nextSetBit(0); i >= 0; i = col.nextSetBit(i + 1)) {
                letters.get(i).append(name);
            }
        }
        return letters.stream().map(StringBuilder::toString).toList();
    }

    /** Drops empty columns, duplicates, and columns contained in another. */
    private static List<BitSet> absorb(List<BitSet> columns) {
        List<BitSet> kept = new ArrayList<>();
        for (int a = 0; a < columns.size(); a++) {
            BitSet c = columns.get(a);
            boolean redundant = c.isEmpty();
            for (int b = 0; b < columns.size() && !redundant; b++) {
                if (a == b) {
                    continue;
                }
                BitSet o = columns.get(b);
                BitSet rest = (BitSet) c.clone();
                rest.andNot(o);
                // contained in another; of two equal columns keep the first
                redundant = rest.isEmpty() && (!c.equals(o) || b < a);
            }
            if (!redundant) {
                kept.add(c);
            }
        }
        return kept;
    }

    private static int compareBits(BitSet a, BitSet b) {
        for (int i = 0; i < Math.max(a.length(), b.length()); i++) {
            if (a.get(i) != b.get(i)) {
                return a.get(i) ? -1 : 1;
            }
        }
        return 0;
    }

    /** a … z, A … Z, then a1 … */
    static String name(int index) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        int round = index / alphabet.length();
        return alphabet.charAt(index % alphabet.length()) + (round == 0 ? "" : Integer.toString(round));
    }
}
