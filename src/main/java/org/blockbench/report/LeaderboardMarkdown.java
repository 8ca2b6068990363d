package org.blockbench.report;

import org.blockbench.model.ModelRef;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.blockbench.text.MarkdownText;

/** {@code leaderboard.md}: every board's tables, frontiers and events, in GitHub-flavoured Markdown. */
final class LeaderboardMarkdown implements LeaderboardFormat {

    @Override
    public byte[] render(Leaderboard lb) {
        StringBuilder out = new StringBuilder("# BlockBench leaderboard\n\n");
        out.append(esc(HumanCells.settings(lb))).append("\n\n");
        for (DatasetBoard b : lb.boards()) {
            out.append("## Dataset: ").append(esc(b.dataset())).append("\n\n");
            if (!b.protocol().isEmpty()) {
                out.append("**Training protocol:** ").append(esc(b.protocol())).append("\n\n");
            }
            headline(out, b);
            for (Heatmap h : Heatmap.of(b, HeatmapMetric.STANDARD)) {
                heatmap(out, h);
            }
            timeByOpType(out, b, lb);
            out.append("### Models\n\n");
            List<String> columns = new java.util.ArrayList<>(HumanCells.MODEL_COLUMNS);
            columns.add(6, "latency rank");
            table(out, columns, b.rows().stream().map(r -> {
                List<HumanCells.Cell> c = new java.util.ArrayList<>(HumanCells.model(r));
                c.add(6, HumanCells.Cell.text(BoardText.rank(b, r.model())));
                return c;
            }).toList());
            if (b.rows().stream().anyMatch(r -> r.imported() != null)) {
                out.append('\n').append(esc(ReportText.IMPORTED_ACCURACY)).append('\n');
            }
            if (!b.blocks().isEmpty()) {
                out.append("\n### Blocks over positions\n\n");
                table(out, HumanCells.blockColumns(), b.blocks().stream().map(HumanCells::block).toList());
            }
            out.append("\n### Pareto frontiers (accuracy up, cost down)\n\n");
            for (ComparisonGroup g : b.groups()) {
                out.append("- ").append(esc(g.title())).append(":\n");
                for (Axis a : Axis.values()) {
                    List<ModelRef> f = b.frontier(g, a);
                    out.append("  - ").append(esc(a.label())).append(": ").append(f.isEmpty() ? "no model has both figures"
                            : String.join(" → ", f.stream().map(k -> esc(k.label())).toList())).append('\n');
                }
            }
            VariantTable.markdown(b, out);
            out.append("\n### Events\n");
            for (EventRanking e : b.events()) {
                out.append("\n#### ").append(e.event().title()).append("\n\n").append(esc(e.rule())).append("\n\n");
                if (e.entries().isEmpty()) {
                    out.append("No entries.\n");
                    continue;
                }
                out.append("| rank | model | value | note |\n|---|---|---|---|\n");
                for (EventRanking.Entry x : e.entries()) {
                    out.append("| ").append(x.rank() == null ? "–" : x.rank().toString()).append(" | ").append(esc(x.model().label()))
                            .append(" | ").append(esc(HumanCells.eventValue(e, x))).append(" | ").append(esc(x.note())).append(" |\n");
                }
            }
            out.append('\n');
        }
        out.append("## Notes\n\n");
        if (lb.notes().isEmpty()) {
            out.append("Every input was present.\n");
        }
        lb.notes().forEach(n -> out.append("- ").append(esc(n)).append('\n'));
        out.append("\n## Conventions\n\n");
        for (Map.Entry<String, String> c : ReportText.CONVENTIONS.entrySet()) {
            out.append("- **").append(esc(c.getKey())).append("**: ").append(esc(c.getValue())).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The answer first: per position, the most accurate and the fastest (with those not told apart), the Pareto set; and the resolution. */
    private static void headline(StringBuilder out, DatasetBoard b) {
        List<Headline> lines = Headline.of(b);
        if (!lines.isEmpty()) {
            out.append("### Headline\n\n| position | most accurate | fastest (and not significantly slower) | Pareto set: accuracy vs latency |\n")
                    .append("|---|---|---|---|\n");
            for (Headline h : lines) {
                out.append("| ").append(esc(h.position())).append(" | ").append(esc(BoardText.mostAccurate(h))).append(" | ")
                        .append(esc(BoardText.fastest(h))).append(" | ").append(esc(BoardText.names(h.pareto()))).append(" |\n");
            }
            out.append('\n');
        }
        out.append(esc(BoardText.precision(b))).append("\n\n");
    }

    private static void timeByOpType(StringBuilder out, DatasetBoard b, Leaderboard lb) {
        List<LeaderboardRow> timed = b.rows().stream().filter(r -> lb.timeByOpType().containsKey(r.model())).toList();
        if (timed.isEmpty()) {
            return;
        }
        out.append("### Where the time goes\n\nShare of ONNX Runtime kernel time by operator type (one profiled run,"
                + " `overhead --breakdown`).\n\n| model | operator types |\n|---|---|\n");
        for (LeaderboardRow r : timed) {
            out.append("| ").append(esc(r.model().label())).append(" | ").append(esc(String.join(", ", lb.timeByOpType().get(r.model())
                    .top().stream().map(s -> s.opType() + String.format(java.util.Locale.ROOT, " %.0f %%", 100 * s.share())).toList())))
                    .append(" |\n");
        }
        out.append('\n');
    }

    private static void heatmap(StringBuilder out, Heatmap h) {
        out.append("### ").append(esc(h.metric().title())).append("\n\n").append(esc(h.metric().legend())).append(".\n\n| block |");
        h.positions().forEach(p -> out.append(' ').append(esc(p)).append(" |"));
        out.append("\n|---|");
        h.positions().forEach(p -> out.append("---:|"));
        out.append('\n');
        for (String block : h.blocks()) {
            out.append("| ").append(esc(block)).append(" |");
            for (String p : h.positions()) {
                HeatmapMetric.Value v = h.cell(block, p);
                out.append(' ').append(v == null ? Cells.MISSING : esc(v.text() + (v.interval().isEmpty() ? "" : " [" + v.interval() + "]")))
                        .append(" |");
            }
            out.append('\n');
        }
        out.append('\n');
    }

    private static void table(StringBuilder out, List<String> header, List<List<HumanCells.Cell>> rows) {
        out.append('|');
        header.forEach(h -> out.append(' ').append(esc(h)).append(" |"));
        out.append("\n|");
        header.forEach(h -> out.append("---|"));
        out.append('\n');
        for (List<HumanCells.Cell> r : rows) {
            out.append('|');
            r.forEach(c -> out.append(' ').append(esc(c.text())).append(" |"));
            out.append('\n');
        }
    }

    private static String esc(String s) {
        return MarkdownText.escape(s);
    }
}
