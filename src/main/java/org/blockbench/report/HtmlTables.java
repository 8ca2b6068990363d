package org.blockbench.report;

import org.blockbench.model.ModelRef;
import static org.blockbench.text.HtmlText.escape;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The HTML board's tables besides the page frame: block × position heatmaps and the compact,
 * sortable and filterable model table. Colours are CSS classes (the page's Content Security
 * Policy admits no inline style): {@code d-4 … d4} on the diverging scale (blue better, orange
 * worse, Okabe–Ito's blue and vermillion), {@code s0 … s4} on the sequential one.
 */
final class HtmlTables {

    /** The compact table's columns: key, title, numeric. Long text (reasons, more figures) sits behind a disclosure. */
    private static final List<String[]> COLUMNS = List.of(
            new String[] {"model", "model", "text"},
            new String[] {"rank", "latency rank", "num"},
            new String[] {"latency", "latency ms (mean ± 99.9 % CI)", "num"},
            new String[] {"percentiles", "p50 / p90 / p99 ms", "num"},
            new String[] {"accuracy", "accuracy % (mean ± std)", "num"},
            new String[] {"macs", "M MACs", "num"},
            new String[] {"params", "params", "num"},
            new String[] {"memory", "memory MiB", "num"},
            new String[] {"omega", "Ω", "num"},
            new String[] {"score", "score", "num"},
            new String[] {"tier", "tier", "text"},
            new String[] {"pareto", "Pareto lat/MACs/mem", "text"},
            new String[] {"compliant", "compliant", "text"});

    private HtmlTables() {
    }

    static void heatmap(StringBuilder out, Heatmap h, int board) {
        out.append("<table class=\"heatmap\" id=\"heatmap-").append(board).append('-').append(h.metric().id())
                .append("\" data-metric=\"").append(h.metric().id()).append("\">\n<caption>").append(escape(h.metric().title()))
                .append("<br><span class=\"legend\">").append(escape(h.metric().legend())).append("</span></caption>\n<thead><tr><th>block</th>");
        h.positions().forEach(p -> out.append("<th>").append(escape(p)).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        for (String block : h.blocks()) {
            out.append("<tr><th>").append(escape(block)).append("</th>");
            for (String p : h.positions()) {
                HeatmapMetric.Value v = h.cell(block, p);
                if (v == null) {
                    out.append("<td class=\"missing\">").append(Cells.MISSING).append("</td>");
                } else {
                    out.append("<td class=\"").append(colourClass(h.metric(), v.colour())).append('"')
                            .append(v.interval().isEmpty() ? "" : " title=\"" + escape(v.interval()) + "\"").append('>').append(escape(v.text()))
                            .append("</td>");
                }
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    /** The CSS class of a colour position: d-4 … d4 (diverging) or s0 … s4 (sequential); "" without colour. */
    static String colourClass(HeatmapMetric metric, double colour) {
        if (Double.isNaN(colour)) {
            return "";
        }
        return metric.diverging() ? "d" + Math.round(HeatmapMetric.clamp(colour) * 4)
                : "s" + Math.round(Math.max(0, Math.min(1, colour)) * 4);
    }

    /** Okabe–Ito colours for operator types, by the type's rank in kernel time over the board; "other" grey. */
    private static final String[] OP_COLOURS = {"#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000"};

    static void models(StringBuilder out, DatasetBoard b, int index) {
        models(out, b, index, java.util.Map.of());
    }

    static void models(StringBuilder out, DatasetBoard b, int index, java.util.Map<ModelRef, OpTimeShares> time) {
        boolean timed = b.rows().stream().anyMatch(r -> time.containsKey(r.model()));
        List<String> opOrder = opOrder(b, time);
        String id = "models-" + index;
        out.append("<h3>Models</h3>\n<p><input type=\"search\" class=\"filter\" data-table=\"").append(id)
                .append("\" placeholder=\"filter models (any text)\" aria-label=\"filter models\"> ")
                .append("<span class=\"legend\">click a header to sort; a latency rank is an interval [best–worst], and models sharing a letter are not told apart</span></p>\n");
        out.append("<table class=\"sortable models\" id=\"").append(id).append("\">\n<thead><tr>");
        List<Boolean> numeric = new ArrayList<>();
        for (String[] c : COLUMNS) {
            numeric.add(c[2].equals("num"));
            out.append("<th data-key=\"").append(c[0]).append("\" data-type=\"").append(c[2]).append("\">").append(escape(c[1])).append("</th>");
        }
        if (timed) {
            out.append("<th data-key=\"time\" data-type=\"text\">time by op type</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (LeaderboardRow r : b.rows()) {
            List<HumanCells.Cell> full = HumanCells.model(r);
            List<HumanCells.Cell> c = new ArrayList<>();
            c.add(full.get(0));
            org.blockbench.stats.RankInterval rank = b.latencyRanking(r.model()).rank(r.model());
            c.add(HumanCells.Cell.num(BoardText.rank(b, r.model()), rank == null ? null : (rank.best() + rank.worst()) / 2.0));
            c.add(HumanCells.Cell.num(BoardText.latency(r.latency()), r.latency() == null ? null : r.latency().meanMs()));
            c.add(full.get(6));
            c.add(full.get(7));
            Double macs = Axis.MACS.of(r);
            c.add(HumanCells.Cell.num(macs == null ? Cells.MISSING : String.format(Locale.ROOT, "%.2f", macs / 1e6)
                    + (r.cost() != null && !r.cost().complete() ? " (incomplete)" : ""), macs));
            c.add(full.get(1));
            c.add(full.get(4));
            c.add(full.get(11));
            c.add(full.get(12));
            c.add(full.get(13));
            c.add(full.get(14));
            out.append("<tr data-model=\"").append(escape(r.model().label())).append("\">");
            LeaderboardHtml.cells(out, c, numeric.subList(0, c.size()));
            out.append(compliance(r, full));
            if (timed) {
                out.append("<td>").append(time.containsKey(r.model()) ? bar(time.get(r.model()), opOrder) : Cells.MISSING).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
        if (timed) {
            out.append("<p class=\"ops-legend legend\">time by op type: share of ONNX Runtime kernel time (one profiled run,"
                    + " <code>overhead --breakdown</code>): ");
            for (int i = 0; i < opOrder.size(); i++) {
                out.append("<span><svg width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\" fill=\"")
                        .append(colour(opOrder, opOrder.get(i))).append("\"/></svg> ").append(escape(opOrder.get(i))).append("</span>");
            }
            out.append("</p>\n");
        }
    }

    /** Operator types by their summed share over the board's models, "other" last. */
    private static List<String> opOrder(DatasetBoard b, java.util.Map<ModelRef, OpTimeShares> time) {
        java.util.Map<String, Double> total = new java.util.TreeMap<>();
        b.rows().stream().map(r -> time.get(r.model())).filter(t -> t != null)
                .forEach(t -> t.top().forEach(s -> total.merge(s.opType(), s.share(), Double::sum)));
        List<String> order = new ArrayList<>(total.keySet());
        order.sort(java.util.Comparator.comparing((String o) -> o.equals("other")).thenComparing(o -> -total.get(o)));
        return order;
    }

    private static String colour(List<String> order, String op) {
        int i = order.indexOf(op);
        return op.equals("other") || i >= OP_COLOURS.length ? "#bbbbbb" : OP_COLOURS[i];
    }

    /** A 120 × 12 px stacked bar as inline SVG (attributes, no style: the page's CSP admits no inline style). */
    static String bar(OpTimeShares t, List<String> order) {
        StringBuilder svg = new StringBuilder("<svg class=\"ops\" width=\"120\" height=\"12\" role=\"img\"><title>");
        svg.append(escape(String.join(", ", t.top().stream().map(s -> s.opType() + String.format(Locale.ROOT, " %.0f %%", 100 * s.share()))
                .toList()))).append("</title>");
        double x = 0;
        for (OpTimeShares.Share s : t.top()) {
            double w = 120 * s.share();
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" width=\"%.2f\" height=\"12\" fill=\"", x, w))
                    .append(colour(order, s.opType())).append("\"/>");
            x += w;
        }
        OpTimeShares.Share first = t.top().get(0);
        return svg.append("</svg>").append(escape(first.opType())).append(String.format(Locale.ROOT, " %.0f %%", 100 * first.share()))
                .toString();
    }

    /** The compliance verdict, its reasons and the figures the compact table leaves out, behind a disclosure. */
    private static String compliance(LeaderboardRow r, List<HumanCells.Cell> full) {
        String more = "FLOPs (all-op) " + full.get(3).text() + "; seeds " + full.get(8).text() + "; C_D " + full.get(9).text()
                + "; C_P (M) " + full.get(10).text();
        String reasons = r.compliance().reasons().isEmpty() ? "every target met" : String.join("; ", r.compliance().reasons());
        return "<td><details><summary>" + escape(r.compliance().verdict()) + "</summary>" + escape(reasons) + "<br>" + escape(more)
                + "</details></td>";
    }
}
