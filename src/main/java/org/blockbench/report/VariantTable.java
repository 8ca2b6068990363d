package org.blockbench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The deployment-variant table of a board (docs/quantization.md §Board): per model and variant,
 * latency, speedup over FP32 with its interval, bytes, accuracy drop (pp, mean ± std over
 * seeds) and top-1 agreement with FP32; per block the same averaged over positions. Written
 * only when some row has a variant, in Markdown ({@link LeaderboardMarkdown}) and as
 * {@value #CSV} ({@link CsvTable}).
 */
final class VariantTable {

    static final String CSV = "leaderboard-variants.csv";
    static final List<String> HEADER = List.of("model", "block", "position", "variant", "mean_ms", "fp32_mean_ms", "speedup",
            "speedup_low", "speedup_high", "model_bytes", "fp32_bytes", "accuracy_drop_pp_mean", "accuracy_drop_pp_std",
            "agreement_with_fp32", "seeds");

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
        out.append("| model | variant | ms | speedup [interval] | MB | accuracy drop pp | agreement |\n|---|---|---|---|---|---|---|\n");
        for (LeaderboardRow r : b.rows()) {
            for (VariantFigures v : r.variants()) {
                out.append("| ").append(org.blockbench.text.MarkdownText.escape(r.model().label())).append(" | ").append(v.variant()).append(" | ")
                        .append(v.latency() == null ? "" : fmt("%.2f", v.latency().meanMs())).append(" | ")
                        .append(Double.isNaN(v.speedup()) ? "" : fmt("%.2f× [%.2f, %.2f]", v.speedup(), v.speedupLow(), v.speedupHigh()))
                        .append(" | ").append(v.modelBytes() == null ? "" : fmt("%.2f", v.modelBytes() / 1e6)).append(" | ")
                        .append(v.accuracyDropPoints() == null ? "" : fmt("%.2f ± %.2f", v.accuracyDropPoints().mean(),
                                v.accuracyDropPoints().hasSpread() ? v.accuracyDropPoints().sampleStandardDeviation() : Double.NaN))
                        .append(" | ").append(v.agreementWithFp32() == null ? "" : fmt("%.4f", v.agreementWithFp32().mean()))
                        .append(" |\n");
            }
        }
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
