package org.blockbench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Pareto frontier of accuracy (higher is better) against a cost (lower is better): the
 * models no other model dominates. Models lacking either figure take no part.
 *
 * <p>With the board's rankings ({@link Ranking}), a model is dominated only by one that is
 * <em>significantly</em> better in one metric and not significantly worse in the other
 * (docs/report.md §Ranks): latency and accuracy are compared by their pairwise tests, MACs and
 * memory, which are exact, by value. So noise never makes a model dominated, and a model
 * significantly slower than another and not significantly more accurate is never on the
 * frontier. Without rankings, plain values decide (cost ≤ and accuracy ≥, one strictly).
 */
public final class Pareto {

    private Pareto() {
    }

    /** The frontier by plain values, ordered by cost, then model. */
    public static List<LeaderboardRow> frontier(List<LeaderboardRow> rows, Axis axis) {
        return frontier(rows, axis, null, null);
    }

    /** The frontier by the rankings' significant differences ({@code latency}, {@code accuracy} null: by value). */
    public static List<LeaderboardRow> frontier(List<LeaderboardRow> rows, Axis axis, Ranking latency, Ranking accuracy) {
        List<LeaderboardRow> points = rows.stream().filter(r -> r.accuracyPercent() != null && axis.of(r) != null).toList();
        List<LeaderboardRow> front = new ArrayList<>();
        for (LeaderboardRow a : points) {
            boolean dominated = false;
            for (LeaderboardRow b : points) {
                if (dominates(b, a, axis, latency, accuracy)) {
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
        return dominates(b, a, axis, null, null);
    }

    /**
     * Whether b dominates a: b significantly better in one metric and not significantly worse in
     * the other. A null ranking compares that metric by value.
     */
    static boolean dominates(LeaderboardRow b, LeaderboardRow a, Axis axis, Ranking latency, Ranking accuracy) {
        if (b.model().equals(a.model())) {
            return false;
        }
        boolean cheaper = cheaper(b, a, axis, latency);
        boolean dearer = cheaper(a, b, axis, latency);
        boolean moreAccurate = accuracy == null ? b.accuracyPercent() > a.accuracyPercent() : accuracy.better(b.model(), a.model());
        boolean lessAccurate = accuracy == null ? b.accuracyPercent() < a.accuracyPercent() : accuracy.better(a.model(), b.model());
        return cheaper && !lessAccurate || moreAccurate && !dearer;
    }

    /** Whether x costs less than y: by the latency ranking's test on the latency axis, by value otherwise. */
    private static boolean cheaper(LeaderboardRow x, LeaderboardRow y, Axis axis, Ranking latency) {
        if (axis == Axis.LATENCY && latency != null) {
            return latency.better(x.model(), y.model());
        }
        return axis.of(x) < axis.of(y);
    }
}
