package org.blockbench.report;

import org.blockbench.model.ModelRef;
import java.util.List;
import java.util.Locale;
import org.blockbench.stats.RankInterval;

/** Board-level sentences and cells the HTML and Markdown boards share: rank intervals, resolution, headline. */
final class BoardText {

    private BoardText() {
    }

    /** The latency rank interval and compact letters ("2–5 bc"), {@link Cells#MISSING} without latency. */
    static String rank(DatasetBoard board, ModelRef model) {
        return rank(board.latencyRanking(model), model);
    }

    /** A rank interval and its letters ("1", "2–5 bc"), {@link Cells#MISSING} when not ranked. */
    static String rank(Ranking r, ModelRef model) {
        RankInterval rank = r.rank(model);
        return rank == null ? Cells.MISSING : rank + " " + r.letters().get(model);
    }

    /** "12.345 ± 0.678" (JMH's 99.9 % interval half-width) or the mean alone when JMH gave none. */
    static String latency(LatencyResult l) {
        if (l == null) {
            return Cells.MISSING;
        }
        return Cells.fixed(l.meanMs(), 3) + (Double.isNaN(l.scoreErrorMs()) ? "" : " ± " + Cells.fixed(l.scoreErrorMs(), 3));
    }

    /**
     * What each ranking of the board resolved, in words a user reads once: per comparison group
     * and metric, the pairs compared and told apart, and how often pairs 5 % (latency) or 5 points
     * (accuracy) apart would be told apart at this run's noise.
     */
    static String precision(DatasetBoard board) {
        StringBuilder s = new StringBuilder();
        for (ComparisonGroup g : board.groups()) {
            for (Ranking r : java.util.Arrays.asList(board.latencyRanks().get(g), board.accuracyRanks().get(g))) {
                if (r == null) {
                    continue;
                }
                boolean latency = r.lowerIsBetter();
                s.append(s.length() == 0 ? "" : " ").append(g.title()).append(", ").append(r.metric()).append(": ")
                        .append(r.ranks().size()).append(latency ? " timed" : " trained").append(" models, ")
                        .append(r.separated()).append(" of ").append(r.pairs()).append(" pairs told apart; ")
                        .append(Double.isNaN(r.resolution()) ? "resolution not known (nothing compared)."
                                : String.format(Locale.ROOT, "pairs %s apart are told apart in %.0f %% of cases.",
                                latency ? "5 %" : "5 points", 100 * r.resolution()));
            }
        }
        return s.length() == 0 ? "No latency or accuracy measured." : s + " Ranks are intervals [best–worst]: models sharing a letter"
                + " are not told apart (a t test per pair over forks or seeds, Holm over the group's pairs at family-wise 5 %;"
                + " docs/report.md §Ranks).";
    }

    /** Block names joined, or {@link Cells#MISSING}. */
    static String names(List<String> blocks) {
        return blocks.isEmpty() ? Cells.MISSING : String.join(", ", blocks);
    }

    /** The headline's "fastest" cell: the blocks, "(not told apart)" when several, and the lowest mean. */
    static String fastest(Headline h) {
        if (h.fastest().isEmpty()) {
            return Cells.MISSING;
        }
        return names(h.fastest()) + (h.fastest().size() > 1 ? " (not told apart)" : "") + ", " + Cells.fixed(h.fastestMs(), 3) + " ms";
    }

    /** The headline's "most accurate" cell. */
    static String mostAccurate(Headline h) {
        return h.mostAccurate().isEmpty() ? Cells.MISSING : names(h.mostAccurate()) + (h.mostAccurate().size() > 1 ? " (not told apart)" : "")
                + ", " + Cells.fixed(h.accuracyPercent(), 2) + " %";
    }
}
