package org.blockbench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.blockbench.zoo.Position;

/**
 * The human-readable leaderboard tables (Markdown and HTML share them): column titles and the
 * text of each cell, with a sort key per cell for HTML. Missing values show {@link Cells#MISSING}.
 */
final class HumanCells {

    private HumanCells() {
    }

    /** A cell's text and its numeric sort key (null: text sort, or missing). */
    record Cell(String text, Double sortKey) {
        static Cell text(String t) {
            return new Cell(t, null);
        }

        static Cell num(String t, Double key) {
            return new Cell(t, key == null || key.isNaN() ? null : key);
        }
    }

    static final List<String> MODEL_COLUMNS = List.of("model", "params", "MACs", "FLOPs (all-op)", "memory MiB",
            "latency ms (mean ± 99.9 % CI)", "p50 / p90 / p99 ms", "accuracy % (mean ± std)", "seeds", "C_D", "C_P (M)", "Ω",
            "score", "tier", "Pareto lat/MACs/mem", "compliant");

    /** Which model columns are numeric (sort numerically in HTML). */
    static final List<Boolean> MODEL_NUMERIC = List.of(false, true, true, true, true, true, true, true, true, true, true,
            true, true, false, false, false);

    static List<Cell> model(LeaderboardRow r) {
        List<Cell> c = new ArrayList<>();
        c.add(Cell.text(r.model().label()));
        c.add(Cell.num(Cells.count(r.trainableParams()), r.trainableParams() == null ? null : r.trainableParams().doubleValue()));
        Double macs = Axis.MACS.of(r);
        String incomplete = r.cost() != null && !r.cost().complete() ? " (incomplete)" : "";
        c.add(Cell.num(Cells.millions(macs) + incomplete, macs));
        Double flops = r.cost() == null ? null : (double) r.cost().flopsAllOperator();
        c.add(Cell.num(Cells.millions(flops) + incomplete, flops));
        c.add(Cell.num(Cells.fixed(Axis.MEMORY.of(r), 2), Axis.MEMORY.of(r)));
        LatencyResult l = r.latency();
        if (l == null) {
            c.add(Cell.num(Cells.MISSING, null));
            c.add(Cell.num(Cells.MISSING, null));
        } else {
            int forks = l.forkMeansMs() == null ? 0 : (int) l.forkMeansMs().count();
            c.add(Cell.num(BoardText.latency(l) + " (" + forks + (forks == 1 ? " fork)" : " forks)"), l.meanMs()));
            c.add(Cell.num(Double.isNaN(l.p50Ms()) ? Cells.MISSING
                    : Cells.fixed(l.p50Ms(), 3) + " / " + Cells.fixed(l.p90Ms(), 3) + " / " + Cells.fixed(l.p99Ms(), 3), l.p90Ms()));
        }
        AccuracySummary a = r.accuracy();
        // an imported figure is appended, marked, with its source; the sort key stays the measured mean alone
        ImportedAccuracy imp = r.imported();
        String importedText = imp == null ? "" : (a == null ? "" : " · ") + ImportedAccuracy.MARKER + " "
                + Cells.meanStd(imp.valAccuracyPercent(), 2) + " (" + String.join(", ", imp.sources()) + ")";
        c.add(Cell.num((a == null ? (imp == null ? Cells.MISSING : "") : Cells.meanStd(a.valAccuracyPercent(), 2)) + importedText,
                a == null ? null : a.meanPercent()));
        c.add(Cell.num(a == null ? Cells.MISSING : Integer.toString(a.runs().size()), a == null ? null : (double) a.runs().size()));
        c.add(Cell.num(r.gwo() == null ? Cells.MISSING : Integer.toString(r.gwo().descriptiveComplexity()),
                r.gwo() == null ? null : (double) r.gwo().descriptiveComplexity()));
        c.add(Cell.num(r.gwo() == null ? Cells.MISSING : Cells.fixed(r.gwo().parametricComplexityMillions(), 6),
                r.gwo() == null ? null : r.gwo().parametricComplexityMillions()));
        c.add(Cell.num(Cells.fixed(r.omega(), 3), r.omega()));
        Double score = r.gwoScore() == null ? null : r.gwoScore().score();
        String scoreText = score == null ? Cells.MISSING : Cells.fixed(score, 2)
                + (r.gwoScoreStd() != null && !r.gwoScoreStd().isNaN() ? " ± " + Cells.fixed(r.gwoScoreStd(), 2) : "");
        c.add(Cell.num(scoreText, score));
        c.add(Cell.text(r.gwoScore() == null ? Cells.MISSING : r.gwoScore().tier().name()));
        c.add(Cell.text(flag(r, Axis.LATENCY) + "/" + flag(r, Axis.MACS) + "/" + flag(r, Axis.MEMORY)));
        c.add(Cell.text(r.compliance().describe()));
        return c;
    }

    private static String flag(LeaderboardRow r, Axis a) {
        Boolean b = r.pareto().get(a);
        return b == null ? "·" : b ? "★" : "–";
    }

    static List<String> blockColumns() {
        List<String> cols = new ArrayList<>(List.of("block"));
        for (Position p : Position.values()) {
            cols.add("acc % " + p.id());
        }
        cols.addAll(List.of("acc % mean ± std over positions", "best position", "latency ms (mean)", "MACs (mean)",
                "memory MiB (mean)", "score (mean)", "tier of mean"));
        return cols;
    }

    static List<Cell> block(BlockSummary s) {
        List<Cell> c = new ArrayList<>();
        c.add(Cell.text(s.block()));
        for (Position p : Position.values()) {
            Double v = s.accuracyByPosition().get(p.id());
            c.add(Cell.num(Cells.fixed(v, 2), v));
        }
        c.add(Cell.num(Cells.meanStd(s.accuracyOverPositions(), 2),
                s.accuracyOverPositions() == null ? null : s.accuracyOverPositions().mean()));
        c.add(Cell.text(s.bestPosition().isEmpty() ? Cells.MISSING : s.bestPosition()));
        c.add(Cell.num(Cells.fixed(s.latencyMeanMs(), 3), s.latencyMeanMs()));
        c.add(Cell.num(Cells.millions(s.macsMean()), s.macsMean()));
        c.add(Cell.num(Cells.fixed(s.memoryMeanMiB(), 2), s.memoryMeanMiB()));
        c.add(Cell.num(Cells.fixed(s.scoreMean(), 2), s.scoreMean()));
        c.add(Cell.text(s.tierOfMeanScore() == null ? Cells.MISSING : s.tierOfMeanScore().name()));
        return c;
    }

    static String settings(Leaderboard lb) {
        LeaderboardSettings s = lb.settings();
        return String.format(Locale.ROOT, "α = %s; targets: accuracy ≥ %.2f %%, latency ≤ %.3f ms, memory ≤ %.2f MiB;"
                + " latency column: %s", Cells.machine(s.alpha()), s.targets().minAccuracyPercent(), s.targets().maxLatencyMs(),
                s.targets().maxMemoryMiB(), s.latency().describe());
    }

    static String eventValue(EventRanking e, EventRanking.Entry x) {
        return switch (e.event()) {
            case LATENCY_SPRINT -> Cells.fixed(x.value(), 3) + " ms";
            case MEMORY_CHALLENGE -> Cells.fixed(x.value(), 2) + " MiB";
            case ACCURACY_CONTEST -> Cells.fixed(x.value(), 2) + " %";
            case ALL_AROUND -> String.format(Locale.ROOT, "%.0f", x.value()) + " (sum of places)";
        };
    }
}
