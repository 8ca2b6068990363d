package org.blockbench.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code leaderboard.html}: one self-contained static page (no external resource): sortable
 * tables (click a header; {@code #sort=score} or {@code #sort=-score} in the URL sorts every
 * model table on load), the plots embedded as PNG data URIs with links to their SVG files, the
 * frontiers, events, notes and conventions. Every text is HTML-escaped, and a Content Security
 * Policy allows only this page's own script and style (by hash) and data: images, so that no
 * injected markup can run even if escaping were ever missed.
 */
final class LeaderboardHtml implements LeaderboardFormat {

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}
            table{border-collapse:collapse;margin:.5em 0 1.5em;font-size:13px}
            th,td{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}
            th{background:#f2f2f2;cursor:pointer;user-select:none}
            th[aria-sort=ascending]::after{content:" \\25B2"}th[aria-sort=descending]::after{content:" \\25BC"}
            td.num{text-align:right;white-space:nowrap}td.missing{color:#999;text-align:center}
            figure{display:inline-block;margin:0 1em 1em 0}figure img{max-width:100%;border:1px solid #ddd}
            .settings,.rule{color:#555}
            """;

    private static final String SCRIPT = """
            (function () {
              function key(td, numeric) {
                var v = td.getAttribute('data-sort');
                if (numeric) { return v === null || v === '' ? null : parseFloat(v); }
                return td.textContent;
              }
              function sortTable(table, col, descending) {
                var th = table.tHead.rows[0].cells[col];
                var numeric = th.getAttribute('data-type') === 'num';
                var body = table.tBodies[0];
                var rows = Array.prototype.slice.call(body.rows);
                rows.sort(function (a, b) {
                  var x = key(a.cells[col], numeric), y = key(b.cells[col], numeric);
                  if (x === null && y === null) { return 0; }
                  if (x === null) { return 1; }
                  if (y === null) { return -1; }
                  var c = numeric ? x - y : String(x).localeCompare(String(y));
                  return descending ? -c : c;
                });
                rows.forEach(function (r) { body.appendChild(r); });
                Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.removeAttribute('aria-sort'); });
                th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
              }
              var tables = document.querySelectorAll('table.sortable');
              Array.prototype.forEach.call(tables, function (table) {
                Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
                  th.addEventListener('click', function () {
                    sortTable(table, i, th.getAttribute('aria-sort') === 'ascending');
                  });
                });
              });
              var m = /^#sort=(-?)([a-z0-9-]+)$/.exec(window.location.hash);
              if (m) {
                Array.prototype.forEach.call(tables, function (table) {
                  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
                    if (th.getAttribute('data-key') === m[2]) { sortTable(table, i, m[1] === '-'); }
                  });
                });
              }
              window.addEventListener('load', function () {
                var rendered = Array.prototype.filter.call(document.querySelectorAll('figure.plot img'), function (img) {
                  return img.complete && img.naturalWidth > 0;
                });
                document.body.setAttribute('data-plots-rendered', String(rendered.length));
              });
              document.body.setAttribute('data-sortable', 'ready');
            })();
            """;

    private static final List<String> MODEL_KEYS = List.of("model", "params", "macs", "flops", "memory", "latency", "percentiles",
            "accuracy", "seeds", "cd", "cp", "omega", "score", "tier", "pareto", "compliant");

    private final List<RenderedPlot> plots;

    LeaderboardHtml(List<RenderedPlot> plots) {
        this.plots = List.copyOf(plots);
    }

    @Override
    public byte[] render(Leaderboard lb) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src '")
                .append(sha256(STYLE)).append("'; script-src '").append(sha256(SCRIPT)).append("'\">\n")
                .append("<title>BlockBench leaderboard</title>\n<style>").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>BlockBench leaderboard</h1>\n<p class=\"settings\">").append(esc(HumanCells.settings(lb)))
                .append("</p>\n");
        int index = 0;
        for (DatasetBoard b : lb.boards()) {
            board(out, b, index++);
        }
        out.append("<section id=\"notes\"><h2>Notes</h2>\n<ul>\n");
        if (lb.notes().isEmpty()) {
            out.append("<li>Every input was present.</li>\n");
        }
        lb.notes().forEach(n -> out.append("<li>").append(esc(n)).append("</li>\n"));
        out.append("</ul>\n<h2>Conventions</h2>\n<dl>\n");
        for (Map.Entry<String, String> c : ReportText.CONVENTIONS.entrySet()) {
            out.append("<dt>").append(esc(c.getKey())).append("</dt><dd>").append(esc(c.getValue())).append("</dd>\n");
        }
        out.append("</dl>\n</section>\n<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void board(StringBuilder out, DatasetBoard b, int index) {
        out.append("<section class=\"board\" id=\"board-").append(index).append("\" data-dataset=\"").append(esc(b.dataset()))
                .append("\">\n<h2>Dataset: ").append(esc(b.dataset())).append("</h2>\n");
        if (!b.protocol().isEmpty()) {
            out.append("<p class=\"protocol\"><strong>Training protocol:</strong> ").append(esc(b.protocol())).append("</p>\n");
        }
        out.append("<h3>Models</h3>\n");
        out.append("<table class=\"sortable models\">\n<thead><tr>");
        for (int i = 0; i < HumanCells.MODEL_COLUMNS.size(); i++) {
            out.append("<th data-key=\"").append(MODEL_KEYS.get(i)).append("\" data-type=\"")
                    .append(HumanCells.MODEL_NUMERIC.get(i) ? "num" : "text").append("\">")
                    .append(esc(HumanCells.MODEL_COLUMNS.get(i))).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (LeaderboardRow r : b.rows()) {
            out.append("<tr data-model=\"").append(esc(r.model().label())).append("\">");
            cells(out, HumanCells.model(r), HumanCells.MODEL_NUMERIC);
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
        if (!b.blocks().isEmpty()) {
            List<String> cols = HumanCells.blockColumns();
            out.append("<h3>Blocks over positions</h3>\n<table class=\"sortable blocks\">\n<thead><tr>");
            List<Boolean> numeric = new java.util.ArrayList<>();
            for (int i = 0; i < cols.size(); i++) {
                boolean num = i != 0 && i != 5 && i != cols.size() - 1;
                numeric.add(num);
                out.append("<th data-type=\"").append(num ? "num" : "text").append("\">").append(esc(cols.get(i))).append("</th>");
            }
            out.append("</tr></thead>\n<tbody>\n");
            for (BlockSummary s : b.blocks()) {
                out.append("<tr>");
                cells(out, HumanCells.block(s), numeric);
                out.append("</tr>\n");
            }
            out.append("</tbody>\n</table>\n");
        }
        out.append("<h3>Plots</h3>\n");
        boolean any = false;
        for (RenderedPlot p : plots) {
            if (p.dataset().equals(b.dataset())) {
                any = true;
                out.append("<figure class=\"plot\" data-group=\"").append(p.group().id()).append("\" data-axis=\"")
                        .append(p.axis().id()).append("\"><img alt=\"")
                        .append(esc("accuracy vs " + p.axis().id() + ", " + b.dataset() + ", " + p.group().title()))
                        .append("\" width=\"")
                        .append(AccuracyPlots.WIDTH).append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(p.png())).append("\"><figcaption>")
                        .append(esc(p.group().title() + ": " + p.axis().label())).append(" — files: <code>plots/").append(esc(p.baseName()))
                        .append(".svg</code>, <code>plots/").append(esc(p.baseName())).append(".png</code></figcaption></figure>\n");
            }
        }
        if (!any) {
            out.append("<p class=\"missing\">No plot: no model has both an accuracy and a cost figure.</p>\n");
        }
        out.append("<h3>Pareto frontiers (accuracy up, cost down)</h3>\n<ul>\n");
        for (ComparisonGroup g : b.groups()) {
            out.append("<li>").append(esc(g.title())).append("<ul>\n");
            for (Axis a : Axis.values()) {
                List<ModelKey> f = b.frontier(g, a);
                out.append("<li>").append(esc(a.label())).append(": ").append(f.isEmpty() ? "no model has both figures"
                        : esc(String.join(" → ", f.stream().map(ModelKey::label).toList()))).append("</li>\n");
            }
            out.append("</ul></li>\n");
        }
        out.append("</ul>\n<h3>Events</h3>\n");
        for (EventRanking e : b.events()) {
            out.append("<h4>").append(esc(e.event().title())).append("</h4>\n<p class=\"rule\">").append(esc(e.rule())).append("</p>\n");
            if (e.entries().isEmpty()) {
                out.append("<p>No entries.</p>\n");
                continue;
            }
            out.append("<table class=\"event\" data-event=\"").append(e.event().id())
                    .append("\"><thead><tr><th>rank</th><th>model</th><th>value</th><th>note</th></tr></thead><tbody>\n");
            for (EventRanking.Entry x : e.entries()) {
                out.append("<tr><td>").append(x.rank() == null ? "–" : x.rank()).append("</td><td>").append(esc(x.model().label()))
                        .append("</td><td class=\"num\">").append(esc(HumanCells.eventValue(e, x))).append("</td><td>")
                        .append(esc(x.note())).append("</td></tr>\n");
            }
            out.append("</tbody></table>\n");
        }
        out.append("</section>\n");
    }

    private static void cells(StringBuilder out, List<HumanCells.Cell> cells, List<Boolean> numeric) {
        for (int i = 0; i < cells.size(); i++) {
            HumanCells.Cell c = cells.get(i);
            boolean missing = c.text().equals(Cells.MISSING);
            out.append("<td");
            if (missing) {
                out.append(" class=\"missing\" title=\"not measured\"");
            } else if (numeric.get(i)) {
                out.append(" class=\"num\"");
            }
            if (numeric.get(i)) {
                out.append(" data-sort=\"").append(c.sortKey() == null ? "" : String.format(Locale.ROOT, "%.17g", c.sortKey())).append('"');
            }
            out.append('>').append(esc(c.text())).append("</td>");
        }
    }

    /** Escapes text for HTML element content and double- or single-quoted attribute values. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    /** A CSP source expression for inline content: sha256-BASE64. */
    static String sha256(String inline) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(inline.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
