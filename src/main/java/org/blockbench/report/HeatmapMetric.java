package org.blockbench.report;

import org.blockbench.model.ModelRef;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * A figure per (block, position) drawn as a block × position heatmap on the HTML and Markdown
 * boards. A metric gives each scaffold row a {@link Value}: its text and its colour, a number in
 * [−1, 1] on a diverging scale (0 neutral, negative better, positive worse) or in [0, 1] on a
 * sequential one. A metric with no value on a board is left out, so a metric whose data a run
 * lacks (INT8 variants not measured) costs nothing: add it to {@link #STANDARD} and it appears
 * once its data does.
 *
 * @param id      lower-case name (HTML {@code data-metric}, anchors)
 * @param title   the heatmap's title, with its unit
 * @param legend  how to read the colours
 * @param diverging whether the colour scale is diverging (else sequential)
 * @param value   the cell of one row on a board, or null when it has none
 */
public record HeatmapMetric(String id, String title, String legend, boolean diverging,
                            BiFunction<DatasetBoard, LeaderboardRow, Value> value) {

    /** The reference block relative figures are taken against, at the same position. */
    public static final String REFERENCE_BLOCK = "ResNetBasicBlock";

    /**
     * One cell.
     *
     * @param text     what the cell shows
     * @param colour   position on the scale (diverging: −1 best … 1 worst; sequential: 0 … 1), NaN: no colour
     * @param sortKey  the number behind the text
     * @param interval the interval behind a relative figure ("0.91–1.07×"), shown on hover and in Markdown; "" when none
     */
    public record Value(String text, double colour, double sortKey, String interval) {

        /** A cell without an interval. */
        public Value(String text, double colour, double sortKey) {
            this(text, colour, sortKey, "");
        }
    }

    /**
     * Latency relative to the reference block at the same position (geometric means of the forks'
     * lower deciles of call time, as ranked); coloured only when the pairwise test tells the two apart, "≈" and
     * neutral otherwise, with the ratio's interval at the level the pair was judged at.
     */
    public static final HeatmapMetric LATENCY_VS_REFERENCE = new HeatmapMetric("latency-vs-reference",
            "Latency ÷ " + REFERENCE_BLOCK + " at the same position",
            "geometric means of the forks' lower deciles of call time; < 1 faster (blue), > 1 slower (orange); ≈: not told apart from " + REFERENCE_BLOCK
                    + " (the interval, family-wise 95 %, contains 1)", true,
            (board, row) -> {
                LeaderboardRow ref = reference(board, row);
                if (row.latency() == null || ref == null || ref.latency() == null) {
                    return null;
                }
                Ranking ranks = board.latencyRanking(row.model());
                Double mine = ranks.estimate(row.model());
                Double theirs = ranks.estimate(ref.model());
                double ratio = mine != null && theirs != null ? mine / theirs : row.latency().meanMs() / ref.latency().meanMs();
                double[] ci = ranks.interval(row.model(), ref.model());
                boolean told = ranks.better(row.model(), ref.model()) || ranks.better(ref.model(), row.model());
                double colour = told ? clamp(Math.log(ratio) / Math.log(2)) : 0;
                String interval = ci == null ? "" : Double.isInfinite(ci[1]) || ci[0] == 0 ? "no interval (fewer than 2 forks, or another JMH mode)"
                        : String.format(Locale.ROOT, "%.2f–%.2f×", ci[0], ci[1]);
                return new Value((told || row.model().equals(ref.model()) ? "" : "≈ ") + String.format(Locale.ROOT, "%.2f×", ratio),
                        colour, ratio, interval);
            });

    /**
     * Accuracy minus the reference block's at the same position, in percentage points, paired by
     * seed; coloured only when the pairwise test tells the two apart.
     */
    public static final HeatmapMetric ACCURACY_VS_REFERENCE = new HeatmapMetric("accuracy-vs-reference",
            "Accuracy − " + REFERENCE_BLOCK + " at the same position (points)",
            "> 0 more accurate (blue), < 0 less accurate (orange), full colour at ±10 points; ≈: not told apart (the interval,"
                    + " family-wise 95 % over seeds, contains 0)", true,
            (board, row) -> {
                LeaderboardRow ref = reference(board, row);
                if (row.accuracyPercent() == null || ref == null || ref.accuracyPercent() == null) {
                    return null;
                }
                Ranking ranks = board.accuracyRanking(row.model());
                double d = row.accuracyPercent() - ref.accuracyPercent();
                double[] ci = ranks.interval(row.model(), ref.model());
                boolean told = ranks.better(row.model(), ref.model()) || ranks.better(ref.model(), row.model());
                String interval = ci == null ? "" : Double.isInfinite(ci[0]) ? "no interval (fewer than 2 shared seeds)"
                        : String.format(Locale.ROOT, "%+.2f to %+.2f", ci[0], ci[1]);
                return new Value((told || row.model().equals(ref.model()) ? "" : "≈ ") + String.format(Locale.ROOT, "%+.2f", d),
                        told ? clamp(-d / 10) : 0, d, interval);
            });

    /** MACs per image, millions; colour on a log scale over the board's range. */
    public static final HeatmapMetric MACS = new HeatmapMetric("macs", "MACs per image (M)",
            "darker: more multiply-accumulates (log scale over this board)", false,
            (board, row) -> {
                Double macs = Axis.MACS.of(row);
                if (macs == null || macs <= 0) {
                    return null;
                }
                double min = scaffoldMacs(board).min().orElse(macs);
                double max = scaffoldMacs(board).max().orElse(macs);
                double span = Math.log(max / min);
                double colour = span <= 0 ? 0.5 : Math.log(macs / min) / span;
                return new Value(String.format(Locale.ROOT, "%.1f", macs / 1e6), colour, macs);
            });

    /**
     * The heatmaps every board draws, in order. Another figure per (block, position) — INT8
     * speedup once variants are measured — is one more entry here.
     */
    public static final List<HeatmapMetric> STANDARD = List.of(LATENCY_VS_REFERENCE, ACCURACY_VS_REFERENCE, MACS);

    /** The reference block's row at the row's position, or null. */
    static LeaderboardRow reference(DatasetBoard board, LeaderboardRow row) {
        return row.model().isScaffold() ? board.row(ModelRef.of(REFERENCE_BLOCK, row.model().position())) : null;
    }

    private static java.util.stream.DoubleStream scaffoldMacs(DatasetBoard board) {
        return board.rows().stream().filter(r -> r.model().isScaffold()).map(Axis.MACS::of).filter(m -> m != null && m > 0)
                .mapToDouble(Double::doubleValue);
    }

    static double clamp(double x) {
        return Math.max(-1, Math.min(1, x));
    }
}
