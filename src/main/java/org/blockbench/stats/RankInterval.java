package org.blockbench.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * The ranks an item can hold given which pairwise differences were called (shared/SPEC.md §11,
 * "ranking with confidence"): best = 1 + the items significantly better than it, worst = n − the
 * items significantly worse. An item nothing is told apart from ranks [1, n]; an item called
 * better than all others ranks [1, 1].
 *
 * @param best  the best rank it can hold (1 = first)
 * @param worst the worst rank it can hold
 */
public record RankInterval(int best, int worst) {

    public RankInterval {
        if (best < 1 || worst < best) {
            throw new IllegalArgumentException("need 1 <= best <= worst, found [" + best + ", " + worst + "]");
        }
    }

    /** Whether the interval is one rank. */
    public boolean resolved() {
        return best == worst;
    }

    /** "3" for a single rank, "2–5" otherwise. */
    @Override
    public String toString() {
        return resolved() ? Integer.toString(best) : best + "–" + worst;
    }

    /**
     * Every item's rank interval, lower means being better when {@code lowerIsBetter} (latency),
     * higher otherwise (accuracy).
     */
    public static List<RankInterval> of(PairwiseComparisons c, boolean lowerIsBetter) {
        List<RankInterval> out = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            int better = 0;
            int worse = 0;
            for (int j = 0; j < c.size(); j++) {
                if (j == i) {
                    continue;
                }
                if (lowerIsBetter ? c.significantlyLess(j, i) : c.significantlyLess(i, j)) {
                    better++;
                } else if (lowerIsBetter ? c.significantlyLess(i, j) : c.significantlyLess(j, i)) {
                    worse++;
                }
            }
            out.add(new RankInterval(1 + better, c.size() - worse));
        }
        return out;
    }
}
