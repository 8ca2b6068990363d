package org.blockbench.report;

import static org.blockbench.text.HtmlText.escape;

import org.blockbench.io.PlotFiles;
import org.blockbench.model.ModelRef;
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
            body{font-family:system-ui,sans-serif;margin:0 auto;max-width:1248px;padding:0 16px;color:#222;font-size:14px}
            h1{font-size:1.35em;margin:.4em 0 .1em}h2{font-size:1.15em;margin:.8em 0 .2em}h3{font-size:1em;margin:.9em 0 .3em}
            table{border-collapse:collapse;margin:.3em 0 1em;font-size:13px}
            th,td{border:1px solid #ccc;padding:2px 5px;text-align:left;vertical-align:top}
            th{background:#f2f2f2}table.sortable th{cursor:pointer;user-select:none}
            th[aria-sort=ascending]::after{content:" \\25B2"}th[aria-sort=descending]::after{content:" \\25BC"}
            td.num{text-align:right;white-space:nowrap}td.missing{color:#999;text-align:center}
            table.models{width:100%;table-layout:fixed}table.models th,table.models td{overflow-wrap:anywhere}
            table.models td.num{white-space:normal}table.models th:nth-child(1){width:14%}table.models th:nth-child(2){width:4%}
            table.models th:nth-child(3){width:10%}table.models th:nth-child(4){width:12%}table.models th:nth-child(5){width:8%}
            table.models th:nth-child(6){width:6%}table.models th:nth-child(7){width:7%}table.models th:nth-child(8){width:5%}
            table.models th:nth-child(9){width:4%}table.models th:nth-child(10){width:6%}table.models th:nth-child(11){width:3%}
            table.models th:nth-child(12){width:5%}table.models th:nth-child(13){width:6%}table.models th:nth-child(14){width:9%}
            table.variants{width:100%;table-layout:fixed}table.variants td{overflow-wrap:anywhere}td.mismatch{background:#fde2e2}
            table.headline td:first-child{font-weight:600}
            .heatmaps{display:flex;flex-wrap:wrap;gap:6px 18px;align-items:flex-start}
            .heatmap{margin:0}.heatmap caption{text-align:left;font-weight:600;font-size:12px;padding-bottom:2px}
            .heatmap td{text-align:right;min-width:4.2em;padding:1px 5px}.heatmap th{font-weight:normal}
            .d-4{background:#0072b2;color:#fff}.d-3{background:#4a99cb}.d-2{background:#8dbfdd}.d-1{background:#cde2f0}
            .d0{background:#f4f4f4}.d1{background:#f7d8c2}.d2{background:#efb48c}.d3{background:#e38a53}.d4{background:#d55e00;color:#fff}
            .s0{background:#eef5fa}.s1{background:#c9dfee}.s2{background:#92c1df}.s3{background:#4a99cb}.s4{background:#0072b2;color:#fff}
            .plots{display:grid;grid-template-columns:1fr 1fr;gap:8px}
            figure{margin:0}figure img{max-width:100%;height:auto;border:1px solid #ddd}figcaption{font-size:12px;color:#555}
            .settings,.rule,.precision,.legend{color:#555;font-size:12px;margin:.1em 0;font-weight:normal}
            input.filter{font-size:13px;padding:2px 6px;width:18em}
            details>summary{cursor:pointer}td details>summary{color:#333}
            svg.ops{display:block}.ops-legend span{margin-right:10px;font-size:12px}.ops-legend svg{display:inline}
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
              Array.prototype.forEach.call(document.querySelectorAll('input.filter'), function (input) {
                var table = document.getElementById(input.getAttribute('data-table'));
                input.addEventListener('input', function () {
                  var q = input.value.toLowerCase();
                  Array.prototype.forEach.call(table.tBodies[0].rows, function (r) {
                    r.hidden = q !== '' && r.textContent.toLowerCase().indexOf(q) < 0;
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

    private final List<RenderedPlot> plots;

    LeaderboardHtml(List<RenderedPlot> plots) {
        this.plots = List.copyOf(plots);
    }

    @Override
    public byte[] render(Leaderboard lb) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src '")
                .append(sha256(STYLE)).append("'; script-src '").append(sha256(SCRIPT)).append("'\">\n")
                .append("<title>BlockBench leaderboard</title>\n<style>").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>BlockBench leaderboard</h1>\n<p class=\"settings\">").append(escape(HumanCells.settings(lb)))
                .append("</p>\n");
        int index = 0;
        for (DatasetBoard b : lb.boards()) {
            board(out, b, index++, lb.timeByOpType());
        }
        out.append("<section id=\"notes\"><h2>Notes and conventions</h2>\n<details><summary>Notes (").append(lb.notes().size())
                .append(")</summary>\n<ul>\n");
        if (lb.notes().isEmpty()) {
            out.append("<li>Every input was present.</li>\n");
        }
        lb.notes().forEach(n -> out.append("<li>").append(escape(n)).append("</li>\n"));
        out.append("</ul>\n</details>\n<details><summary>Conventions: what each number means</summary>\n<dl>\n");
        for (Map.Entry<String, String> c : ReportText.CONVENTIONS.entrySet()) {
            out.append("<dt>").append(escape(c.getKey())).append("</dt><dd>").append(escape(c.getValue())).append("</dd>\n");
        }
        out.append("</dl>\n</details>\n</section>\n<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void board(StringBuilder out, DatasetBoard b, int index, java.util.Map<ModelRef, OpTimeShares> timeByOpType) {
        out.append("<section class=\"board\" id=\"board-").append(index).append("\" data-dataset=\"").append(escape(b.dataset()))
                .append("\">\n<h2>Dataset: ").append(escape(b.dataset())).append("</h2>\n");
        List<Headline> headline = Headline.of(b);
        if (!headline.isEmpty()) {
            out.append("<table class=\"headline\">\n<thead><tr><th>position</th><th>most accurate</th>")
                    .append("<th>fastest (and not significantly slower)</th><th>Pareto set: accuracy vs latency</th></tr></thead>\n<tbody>\n");
            for (Headline h : headline) {
                out.append("<tr><td>").append(escape(h.position())).append("</td><td>").append(escape(BoardText.mostAccurate(h)))
                        .append("</td><td>").append(escape(BoardText.fastest(h))).append("</td><td>")
                        .append(escape(BoardText.names(h.pareto()))).append("</td></tr>\n");
            }
            out.append("</tbody>\n</table>\n");
        }
        if (!b.protocol().isEmpty()) {
            out.append("<p class=\"protocol\"><strong>Training protocol:</strong> ").append(escape(b.protocol())).append("</p>\n");
        }
        out.append("<p class=\"precision\">").append(escape(BoardText.precision(b))).append("</p>\n");
        List<Heatmap> heatmaps = Heatmap.of(b, HeatmapMetric.STANDARD);
        if (!heatmaps.isEmpty()) {
            out.append("<div class=\"heatmaps\">\n");
            heatmaps.forEach(h -> HtmlTables.heatmap(out, h, index));
            out.append("</div>\n");
        }
        out.append("<h3>Plots</h3>\n");
        boolean any = false;
        for (RenderedPlot p : plots) {
            if (p.dataset().equals(b.dataset())) {
                if (!any) {
                    out.append("<div class=\"plots\">\n");
                }
                any = true;
                out.append("<figure class=\"plot\" data-group=\"").append(p.group().id()).append("\" data-axis=\"")
                        .append(p.axis().id()).append("\"><img alt=\"")
                        .append(escape("accuracy vs " + p.axis().id() + ", " + b.dataset() + ", " + p.group().title()))
                        .append("\" width=\"")
                        .append(AccuracyPlots.WIDTH).append("\" height=\"").append(AccuracyPlots.HEIGHT)
                        .append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(p.png())).append("\"><figcaption>")
                        .append(escape(p.group().title() + ": " + p.axis().label())).append(" — files: <code>plots/").append(escape(p.baseName()))
                        .append(".svg</code>, <code>plots/").append(escape(p.baseName())).append(".png</code></figcaption></figure>\n");
            }
        }
        org.jfree.chart.JFreeChart variants = VariantPlot.chart(b); // INT8 drop vs speedup, docs/quantization.md
        if (variants != null) {
            if (!any) {
                out.append("<div class=\"plots\">\n");
            }
            any = true;
            out.append("<figure class=\"plot\" data-group=\"variants\"><img alt=\"").append(escape("INT8 accuracy drop vs speedup, "
                    + b.dataset())).append("\" width=\"").append(AccuracyPlots.WIDTH).append("\" height=\"").append(AccuracyPlots.HEIGHT)
                    .append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(PlotFiles.png(variants, AccuracyPlots.WIDTH, AccuracyPlots.HEIGHT)))
                    .append("\"><figcaption>INT8: accuracy drop vs speedup over FP32</figcaption></figure>\n");
        }
        out.append(any ? "</div>\n" : "<p class=\"missing\">No plot: no model has both an accuracy and a cost figure.</p>\n");
        HtmlTables.models(out, b, index, timeByOpType);
        VariantTable.html(b, out);
        if (!b.blocks().isEmpty()) {
            List<String> cols = HumanCells.blockColumns();
            out.append("<details><summary>Blocks over positions</summary>\n<table class=\"sortable blocks\">\n<thead><tr>");
            List<Boolean> numeric = new java.util.ArrayList<>();
            for (int i = 0; i < cols.size(); i++) {
                boolean num = i != 0 && i != 5 && i != cols.size() - 1;
                numeric.add(num);
                out.append("<th data-type=\"").append(num ? "num" : "text").append("\">").append(escape(cols.get(i))).append("</th>");
            }
            out.append("</tr></thead>\n<tbody>\n");
            for (BlockSummary s : b.blocks()) {
                out.append("<tr>");
                cells(out, HumanCells.block(s), numeric);
                out.append("</tr>\n");
            }
            out.append("</tbody>\n</table>\n</details>\n");
        }
        out.append("<details><summary>Pareto frontiers (accuracy up, cost down)</summary>\n<ul>\n");
        for (ComparisonGroup g : b.groups()) {
            out.append("<li>").append(escape(g.title())).append("<ul>\n");
            for (Axis a : Axis.values()) {
                List<ModelRef> f = b.frontier(g, a);
                out.append("<li>").append(escape(a.label())).append(": ").append(f.isEmpty() ? "no model has both figures"
                        : escape(String.join(" → ", f.stream().map(ModelRef::label).toList()))).append("</li>\n");
            }
            out.append("</ul></li>\n");
        }
        out.append("</ul>\n</details>\n<details><summary>Events</summary>\n");
        for (EventRanking e : b.events()) {
            out.append("<h4>").append(escape(e.event().title())).append("</h4>\n<p class=\"rule\">").append(escape(e.rule())).append("</p>\n");
            if (e.entries().isEmpty()) {
                out.append("<p>No entries.</p>\n");
                continue;
            }
            out.append("<table class=\"event\" data-event=\"").append(e.event().id())
                    .append("\"><thead><tr><th>rank</th><th>model</th><th>value</th><th>note</th></tr></thead><tbody>\n");
            for (EventRanking.Entry x : e.entries()) {
                out.append("<tr><td>").append(x.rank() == null ? "–" : x.rank()).append("</td><td>").append(escape(x.model().label()))
                        .append("</td><td class=\"num\">").append(escape(HumanCells.eventValue(e, x))).append("</td><td>")
                        .append(escape(x.note())).append("</td></tr>\n");
            }
            out.append("</tbody></table>\n");
        }
        out.append("</details>\n</section>\n");
    }

    static void cells(StringBuilder out, List<HumanCells.Cell> cells, List<Boolean> numeric) {
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
            out.append('>').append(escape(c.text())).append("</td>");
        }
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
