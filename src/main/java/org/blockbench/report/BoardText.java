package org.blockbench.report;

import java.util.List;
import java.util.Locale;

/** Board-level sentences and cells the HTML and Markdown boards share: ranks, ties, precision, headline. */
final class BoardText {

    private BoardText() {
    }

    /** "3 =" for a rank shared with others, "3" alone, {@link Cells#MISSING} without latency. */
    static String rank(DatasetBoard board, ModelKey model) {
        LatencyRanking r = board.latencyRanking(model);
        Integer rank = r.rank(model);
        return rank == null ? Cells.MISSING : rank + (r.tied(model) ? " =" : "");
    }

    /** "12.345 ± 0.678" (JMH's 99.9 % interval half-width) or the mean alone when JMH gave none. */
    static String latency(LatencyResult l) {
        if (l == null) {
            return Cells.MISSING;
        }
        return Cells.fixed(l.meanMs(), 3) + (Double.isNaN(l.scoreErrorMs()) ? "" : " ± " + Cells.fixed(l.scoreErrorMs(), 3));
    }

    /** What the latency ranks of the board's scaffold group could resolve, as one sentence. */
    static String precision(DatasetBoard board) {
        StringBuilder s = new StringBuilder();
        for (ComparisonGroup g : board.groups()) {
            LatencyRanking r = board.latencyRanks().get(g);
            if (r == null) {
                continue;
            }
            long tied = r.groups().stream().filter(x -> x.size() > 1).count();
            s.append(s.length() == 0 ? "" : " ").append(g.title()).append(": ").append(r.ranks().size()).append(" timed models in ")
                    .append(r.groups().size()).append(" latency tie group(s)").append(tied > 0 ? " (" + tied + " with ties)" : "")
                    .append(Double.isNaN(r.resolvedPrecision()) ? "; precision not known (nothing compared)."
                            : String.format(Locale.ROOT, "; differences below %.1f %% are not resolved in this run.",
                            100 * r.resolvedPrecision()));
        }
        return s.length() == 0 ? "No latency measured." : s + " Models that share a rank (=) cannot be told apart by"
                + " compare's test (Mann-Whitney U and bootstrap interval, docs/report.md §Ties).";
    }

    /** Block names joined, or {@link Cells#MISSING}. */
    static String names(List<String> blocks) {
        return blocks.isEmpty() ? Cells.MISSING : String.join(", ", blocks);
    }

    /** The headline's "fastest" cell: the blocks, "(tied)" when several, and the lowest mean. */
    static String fastest(Headline h) {
        if (h.fastest().isEmpty()) {
            return Cells.MISSING;
        }
        return names(h.fastest()) + (h.fastest().size() > 1 ? " (tied)" : "") + ", " + Cells.fixed(h.fastestMs(), 3) + " ms";
    }

    /** The headline's "most accurate" cell. */
    static String mostAccurate(Headline h) {
        return h.mostAccurate().isEmpty() ? Cells.MISSING : names(h.mostAccurate()) + ", " + Cells.fixed(h.accuracyPercent(), 2) + " %";
    }
}
