package org.blockbench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.blockbench.export.ManifestEntry;
import org.blockbench.export.VariantFile;
import org.blockbench.stats.Stats;

/**
 * One deployment variant (INT8, FP16) of a leaderboard row, against the row's FP32 deploy form
 * (docs/quantization.md §Board). Null or NaN where not measured.
 *
 * @param variant            {@code int8} or {@code fp16}
 * @param latency            the variant's JMH result in the row's latency config (form = the variant)
 * @param speedup            FP32 mean / variant mean
 * @param speedupLow         lower bound: (FP32 mean − its 99.9 % error) / (variant mean + its error)
 * @param speedupHigh        upper bound: (FP32 mean + error) / (variant mean − error); NaN when an error is missing
 *                           or the variant's interval reaches 0
 * @param modelBytes         the variant file's bytes (manifest)
 * @param fp32Bytes          the deploy file's bytes (manifest)
 * @param accuracyDropPoints FP32 − variant accuracy in percentage points over the seeds (mean ± spread)
 * @param agreementWithFp32  top-1 agreement with FP32 over the seeds
 */
public record VariantFigures(String variant, LatencyResult latency, double speedup, double speedupLow, double speedupHigh,
                             Long modelBytes, Long fp32Bytes, Stats accuracyDropPoints, Stats agreementWithFp32) {

    /** The variants of model {@code fp32}'s row: one per variant with a result, a file or a training figure. */
    static List<VariantFigures> of(LatencyResult fp32, List<LatencyResult> all, ManifestEntry entry, AccuracySummary acc) {
        List<VariantFigures> out = new ArrayList<>();
        for (String v : org.blockbench.zoo.Form.variants().stream().map(org.blockbench.zoo.Form::id).toList()) {
            LatencyResult lat = fp32 == null ? null : all.stream().filter(r -> r.model().equals(fp32.model())
                    && r.form().equals(v) && r.batch() == fp32.batch() && r.provider().equals(fp32.provider())
                    && r.threads() == fp32.threads() && r.optLevel().equals(fp32.optLevel()) && r.mode().equals(fp32.mode()))
                    .reduce((a, b) -> b).orElse(null);
            VariantFile file = entry == null ? null : entry.variant(v).orElse(null);
            List<Double> drops = new ArrayList<>();
            List<Double> agreements = new ArrayList<>();
            if (acc != null) {
                for (SeedResult r : acc.runs()) {
                    r.variants().stream().filter(s -> s.variant().equals(v)).forEach(s -> {
                        drops.add(s.accuracyDropPoints());
                        agreements.add(s.agreementWithFp32());
                    });
                }
            }
            if (lat == null && file == null && drops.isEmpty()) {
                continue;
            }
            double speedup = Double.NaN;
            double low = Double.NaN;
            double high = Double.NaN;
            if (lat != null) {
                speedup = fp32.meanMs() / lat.meanMs();
                double e1 = fp32.scoreErrorMs();
                double e2 = lat.scoreErrorMs();
                if (!Double.isNaN(e1) && !Double.isNaN(e2)) {
                    low = (fp32.meanMs() - e1) / (lat.meanMs() + e2);
                    high = lat.meanMs() - e2 > 0 ? (fp32.meanMs() + e1) / (lat.meanMs() - e2) : Double.NaN;
                }
            }
            out.add(new VariantFigures(v, lat, speedup, low, high, file == null ? null : file.file().bytes(),
                    entry == null ? null : entry.deploy().bytes(), drops.isEmpty() ? null : Stats.of(drops),
                    agreements.isEmpty() ? null : Stats.of(agreements)));
        }
        return out;
    }

    /** The JSON object of this variant (LeaderboardJson). */
    Map<String, Object> toMap() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("variant", variant);
        m.put("mean_ms", latency == null ? null : latency.meanMs());
        m.put("score_error_ms", latency == null ? null : latency.scoreErrorMs());
        m.put("speedup", speedup);
        m.put("speedup_low", speedupLow);
        m.put("speedup_high", speedupHigh);
        m.put("speedup_interval", "propagated from both JMH 99.9 % score errors (conservative)");
        m.put("model_bytes", modelBytes);
        m.put("fp32_bytes", fp32Bytes);
        m.put("accuracy_drop_pp_mean", accuracyDropPoints == null ? null : accuracyDropPoints.mean());
        m.put("accuracy_drop_pp_std", accuracyDropPoints == null ? null : accuracyDropPoints.hasSpread()
                ? accuracyDropPoints.sampleStandardDeviation() : Double.NaN);
        m.put("agreement_with_fp32_mean", agreementWithFp32 == null ? null : agreementWithFp32.mean());
        m.put("seeds", accuracyDropPoints == null ? 0 : accuracyDropPoints.count());
        return m;
    }
}
