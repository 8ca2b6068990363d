package org.blockbench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Pareto frontier of accuracy (higher is better) against a cost (lower is better): the
 * models no other model beats on both, i.e. none has cost ≤ and accuracy ≥ with one of them
 * strictly better. Models lacking either figure take no part.
 *
 * <p>On the latency axis "cost ≤" and "cost <" are read from the {@link LatencyRanking}: one model
 * has a lower latency than another only when it is in an earlier tie group (compare's test says
 * the other is slower), so noise never makes a model dominated; tied models have equal cost.
 */
public final class Pareto {

    private Pareto() {
    }

    /** The frontier's rows ordered by cost, then model. */
    public static List<LeaderboardRow> frontier(List<LeaderboardRow> rows, Axis axis) {
        return frontier(rows, axis, null);
    }

    /** The frontier with latency compared by tie group ({@code ties} null: by value). */
    public static List<LeaderboardRow> frontier(List<LeaderboardRow> rows, Axis axis, LatencyRanking ties) {
        List<LeaderboardRow> points = rows.stream().filter(r -> r.accuracyPercent() != null && axis.of(r) != null).toList();
        List<LeaderboardRow> front = new ArrayList<>();
        for (LeaderboardRow a : points) {
            boolean dominated = false;
            for (LeaderboardRow b : points) {
                if (dominates(b, a, axis, ties)) {
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
        return dominates(b, a, axis, null);
    }

    /** Whether b dominates a; on the latency axis with {@code ties}, costs are the tie groups' indices. */
    static boolean dominates(LeaderboardRow b, LeaderboardRow a, Axis axis, LatencyRanking ties) {
        boolean byGroup = axis == Axis.LATENCY && ties != null && ties.group(a.model()) >= 0 && ties.group(b.model()) >= 0;
        double bx = byGroup ? ties.group(b.model()) : axis.of(b);
        double ax = byGroup ? ties.group(a.model()) : axis.of(a);
        double by = b.accuracyPercent();
        double ay = a.accuracyPercent();
        return bx <= ax && by >= ay && (bx < ax || by > ay);
    }
}
