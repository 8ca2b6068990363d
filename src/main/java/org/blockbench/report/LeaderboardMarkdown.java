package org.blockbench.report;

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
            out.append("### Models\n\n");
            table(out, HumanCells.MODEL_COLUMNS, b.rows().stream().map(HumanCells::model).toList());
            if (!b.blocks().isEmpty()) {
                out.append("\n### Blocks over positions\n\n");
                table(out, HumanCells.blockColumns(), b.blocks().stream().map(HumanCells::block).toList());
            }
            out.append("\n### Pareto frontiers (accuracy up, cost down)\n\n");
            for (ComparisonGroup g : b.groups()) {
                out.append("- ").append(esc(g.title())).append(":\n");
                for (Axis a : Axis.values()) {
                    List<ModelKey> f = b.frontier(g, a);
                    out.append("  - ").append(esc(a.label())).append(": ").append(f.isEmpty() ? "no model has both figures"
                            : String.join(" → ", f.stream().map(k -> esc(k.label())).toList())).append('\n');
                }
            }
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
