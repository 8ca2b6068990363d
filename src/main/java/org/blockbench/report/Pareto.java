package org.blockbench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Pareto frontier of accuracy (higher is better) against a cost (lower is better): the
 * models no other model beats on both, i.e. none has cost ≤ and accuracy ≥ with one of them
 * strictly better. Models lacking either figure take no part.
 */
public final class Pareto {

    private Pareto() {
    }

    /** The frontier's rows ordered by cost, then model. */
    public static List<LeaderboardRow> frontier(List<LeaderboardRow> rows, Axis axis) {
        List<LeaderboardRow> points = rows.stream().filter(r -> r.accuracyPercent() != null && axis.of(r) != null).toList();
        List<LeaderboardRow> front = new ArrayList<>();
        for (LeaderboardRow a : points) {
            boolean dominated = false;
            for (LeaderboardRow b : points) {
                if (dominates(b, a, axis)) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                front.add(a);
            }
        }
        front.sort(Comparator.comparingDouble((LeaderboardRow r) -> axis.of(r)).thenComparing(LeaderboardRow::model));
        return front;
    }

    static boolean dominates(LeaderboardRow b, LeaderboardRow a, Axis axis) {
        double bx = axis.of(b);
        double ax = axis.of(a);
        double by = b.accuracyPercent();
        double ay = a.accuracyPercent();
        return bx <= ax && by >= ay && (bx < ax || by > ay);
    }
}
