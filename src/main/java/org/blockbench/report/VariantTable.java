package org.blockbench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.blockbench.text.HtmlText;
import org.blockbench.text.MarkdownText;

/**
 * The deployment-variant table of a board (docs/quantization.md §Board): per model and variant,
 * latency, speedup over FP32 with its interval, bytes, accuracy drop (pp, paired by seed, with its
 * interval: {@link AccuracyDrop}), top-1 agreement with FP32, and for INT8 the instruction set it
 * was quantized for and measured on and its worst tensor ({@link Int8Provenance}), linked to the
 * board's copy of its per-tensor report. Written
 * only when some row has a variant, in Markdown ({@link LeaderboardMarkdown}) and as
 * {@value #CSV} ({@link CsvTable}).
 */
final class VariantTable {

    static final String CSV = "leaderboard-variants.csv";
    static final List<String> HEADER = List.of("model", "block", "position", "variant", "mean_ms", "fp32_mean_ms", "speedup",
            "speedup_low", "speedup_high", "model_bytes", "fp32_bytes", "accuracy_drop_pp_mean", "accuracy_drop_pp_std",
            "agreement_with_fp32", "seeds", "accuracy_drop_pp_low", "accuracy_drop_pp_high", "accuracy_drop_level",
            "accuracy_drop_resolved", "quantized_for", "reduce_range", "measured_on", "isa_mismatch", "worst_tensor",
            "worst_tensor_snr_db", "tensor_report");

    private VariantTable() {
    }

    static boolean any(Leaderboard lb) {
        return lb.boards().stream().anyMatch(b -> b.rows().stream().anyMatch(r -> !r.variants().isEmpty()));
    }

    static void markdown(DatasetBoard b, StringBuilder out) {
        if (b.rows().stream().allMatch(r -> r.variants().isEmpty())) {
            return;
        }
        out.append("\n### Deployment variants (INT8, FP16) against FP32\n\n");
        out.append("| model | variant | ms | speedup [interval] | MB | accuracy drop pp [interval] | agreement | ISA quantized for"
                + " | ISA measured on | worst tensor |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (LeaderboardRow r : b.rows()) {
            for (VariantFigures v : r.variants()) {
                Int8Provenance p = v.int8();
                out.append("| ").append(MarkdownText.escape(r.model().label())).append(" | ").append(v.variant()).append(" | ")
                        .append(v.latency() == null ? "" : fmt("%.2f", v.latency().meanMs())).append(" | ")
                        .append(Double.isNaN(v.speedup()) ? "" : fmt("%.2f× [%.2f, %.2f]", v.speedup(), v.speedupLow(), v.speedupHigh()))
                        .append(" | ").append(v.modelBytes() == null ? "" : fmt("%.2f", v.modelBytes() / 1e6)).append(" | ")
                        .append(v.drop() == null ? "" : MarkdownText.escape(v.drop().describe()))
                        .append(" | ").append(v.agreementWithFp32() == null ? "" : fmt("%.4f", v.agreementWithFp32().mean()))
                        .append(" | ").append(p == null ? "" : MarkdownText.escape(p.quantizedForText()))
                        .append(" | ").append(p == null ? "" : (p.isaMismatch() ? "**" : "") + MarkdownText.escape(p.measuredOnText())
                                + (p.isaMismatch() ? "**" : ""))
                        .append(" | ").append(p == null || p.worstTensor() == null ? "" : "[" + MarkdownText.escape(p.worstTensorText())
                                + "](" + p.link() + ")")
                        .append(" |\n");
            }
        }
        out.append("\n").append(MarkdownText.escape(NOTE)).append("\n");
    }

    /** What the drop interval and the ISA columns mean, under the table. */
    static final String NOTE = "Accuracy drop: FP32 − variant in ONNX Runtime on the same validation images, per seed;"
            + " the interval is a t interval over seeds on the seed-to-seed variance pooled over this board's rows of the"
            + " variant, its standard error at least the validation set's binomial error, at the Holm level among this board's rows of the variant; \"not resolved\" when it holds 0."
            + " ISA: the instruction set the INT8 file was quantized for (its metadata) and the one its latency was measured"
            + " on (the sweep's environment), in bold where they differ. Worst tensor: the lowest-SNR quantized tensor of"
            + " the per-tensor report (float against dequantized on the calibration set), linked.";

    /** The HTML table of the same (LeaderboardHtml), with a link to each worst tensor's report. */
    static void html(DatasetBoard b, StringBuilder out) {
        if (b.rows().stream().allMatch(r -> r.variants().isEmpty())) {
            return;
        }
        out.append("<h3>Deployment variants (INT8, FP16) against FP32</h3>\n<table class=\"variants\">\n<thead><tr>");
        for (String h : List.of("model", "variant", "ms", "speedup [interval]", "MB", "accuracy drop pp [interval]", "agreement",
                "ISA quantized for", "ISA measured on", "worst tensor")) {
            out.append("<th>").append(HtmlText.escape(h)).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (LeaderboardRow r : b.rows()) {
            for (VariantFigures v : r.variants()) {
                Int8Provenance p = v.int8();
                out.append("<tr><td>").append(HtmlText.escape(r.model().label())).append("</td><td>").append(v.variant())
                        .append("</td><td>").append(v.latency() == null ? "" : fmt("%.2f", v.latency().meanMs()))
                        .append("</td><td>").append(Double.isNaN(v.speedup()) ? ""
                                : fmt("%.2f× [%.2f, %.2f]", v.speedup(), v.speedupLow(), v.speedupHigh()))
                        .append("</td><td>").append(v.modelBytes() == null ? "" : fmt("%.2f", v.modelBytes() / 1e6))
                        .append("</td><td>").append(v.drop() == null ? "" : HtmlText.escape(v.drop().describe()))
                        .append("</td><td>").append(v.agreementWithFp32() == null ? "" : fmt("%.4f", v.agreementWithFp32().mean()))
                        .append("</td><td>").append(p == null ? "" : HtmlText.escape(p.quantizedForText()))
                        .append(p != null && p.isaMismatch() ? "</td><td class=\"mismatch\"><strong>" : "</td><td>")
                        .append(p == null ? "" : HtmlText.escape(p.measuredOnText()))
                        .append(p != null && p.isaMismatch() ? "</strong>" : "").append("</td><td>")
                        .append(p == null || p.worstTensor() == null ? "" : "<a href=\"" + HtmlText.escape(p.link()) + "\">"
                                + HtmlText.escape(p.worstTensorText()) + "</a>")
                        .append("</td></tr>\n");
            }
        }
        out.append("</tbody>\n</table>\n<p class=\"note\">").append(HtmlText.escape(NOTE)).append("</p>\n");
    }

    /** Copies each linked per-tensor report into the board's {@value Int8Provenance#REPORTS_DIR}/; returns what it wrote. */
    static List<java.nio.file.Path> copyTensorReports(Leaderboard lb, java.nio.file.Path dir) {
        java.util.Map<String, java.nio.file.Path> copies = new java.util.TreeMap<>();
        for (DatasetBoard b : lb.boards()) {
            for (LeaderboardRow r : b.rows()) {
                for (VariantFigures v : r.variants()) {
                    if (v.int8() != null && v.int8().tensorReport() != null) {
                        copies.put(v.int8().link(), v.int8().tensorReport());
                    }
                }
            }
        }
        List<java.nio.file.Path> written = new ArrayList<>();
        copies.forEach((link, from) -> {
            java.nio.file.Path to = dir.resolve(link);
            org.blockbench.io.AtomicFile.write(to, org.blockbench.quant.TensorErrorFile.read(from).bytes());
            written.add(to);
        });
        return written;
    }

    static byte[] csv(Leaderboard lb) {
        CsvTable t = new CsvTable(HEADER);
        for (DatasetBoard b : lb.boards()) {
            for (LeaderboardRow r : b.rows()) {
                for (VariantFigures v : r.variants()) {
                    List<Object> row = new ArrayList<>();
                    row.add(r.model().label());
                    row.add(r.model().block());
                    row.add(r.model().position());
                    row.add(v.variant());
                    row.add(v.latency() == null ? null : v.latency().meanMs());
                    row.add(r.latency() == null ? null : r.latency().meanMs());
                    row.add(v.speedup());
                    row.add(v.speedupLow());
                    row.add(v.speedupHigh());
                    row.add(v.modelBytes());
                    row.add(v.fp32Bytes());
                    row.add(v.accuracyDropPoints() == null ? null : v.accuracyDropPoints().mean());
                    row.add(v.accuracyDropPoints() == null || !v.accuracyDropPoints().hasSpread() ? null
                            : v.accuracyDropPoints().sampleStandardDeviation());
                    row.add(v.agreementWithFp32() == null ? null : v.agreementWithFp32().mean());
                    row.add(v.accuracyDropPoints() == null ? 0 : v.accuracyDropPoints().count());
                    row.add(v.drop() == null ? null : v.drop().low());
                    row.add(v.drop() == null ? null : v.drop().high());
                    row.add(v.drop() == null ? null : v.drop().level());
                    row.add(v.drop() == null ? null : String.valueOf(v.drop().resolved()));
                    Int8Provenance p = v.int8();
                    row.add(p == null ? null : p.quantizedFor());
                    row.add(p == null ? null : p.reduceRange());
                    row.add(p == null ? null : p.measuredOn());
                    row.add(p == null ? null : String.valueOf(p.isaMismatch()));
                    row.add(p == null || p.worstTensor() == null ? null : p.worstTensor().tensor());
                    row.add(p == null || p.worstTensor() == null ? null : p.worstTensor().snrDb());
                    row.add(p == null ? null : p.link());
                    t.add(row);
                }
            }
        }
        return t.render().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }
}
