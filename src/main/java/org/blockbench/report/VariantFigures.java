package org.blockbench.report;

import org.blockbench.model.ModelRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.blockbench.export.ManifestEntry;
import org.blockbench.export.VariantFile;
import org.blockbench.quant.QdqQuantizer;
import org.blockbench.stats.Holm;
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
 * @param drop               the drop paired by seed with its interval ({@link AccuracyDrop}), null without seeds
 * @param int8               INT8 only: the instruction sets it was made for and measured on, its worst tensor
 */
public record VariantFigures(String variant, LatencyResult latency, double speedup, double speedupLow, double speedupHigh,
                             Long modelBytes, Long fp32Bytes, Stats accuracyDropPoints, Stats agreementWithFp32,
                             AccuracyDrop drop, Int8Provenance int8) {

    /** The variants of model {@code fp32}'s row: one per variant with a result, a file or a training figure. */
    static List<VariantFigures> of(LatencyResult fp32, List<LatencyResult> all, ManifestEntry entry, AccuracySummary acc) {
        return of(fp32, all, entry, acc, VariantEvidence.NONE);
    }

    /** As {@link #of(LatencyResult, List, ManifestEntry, AccuracySummary)}, with INT8's {@code evidence}. */
    static List<VariantFigures> of(LatencyResult fp32, List<LatencyResult> all, ManifestEntry entry, AccuracySummary acc,
                                   VariantEvidence evidence) {
        List<VariantFigures> out = new ArrayList<>();
        for (String v : org.blockbench.zoo.Form.variants().stream().map(org.blockbench.zoo.Form::id).toList()) {
            LatencyResult lat = fp32 == null ? null : all.stream().filter(r -> r.model().equals(fp32.model())
                    && r.form().equals(v) && r.batch() == fp32.batch() && r.provider().equals(fp32.provider())
                    && r.threads() == fp32.threads() && r.optLevel().equals(fp32.optLevel()) && r.mode().equals(fp32.mode()))
                    .reduce((a, b) -> b).orElse(null);
            VariantFile file = entry == null ? null : entry.variant(v).orElse(null);
            List<Double> drops = new ArrayList<>();
            List<Double> agreements = new ArrayList<>();
            List<SeedResult.VariantSeed> seeds = new ArrayList<>();
            if (acc != null) {
                for (SeedResult r : acc.runs()) {
                    // a seed whose variant was not evaluated (refused by its output check) is no replicate of the drop
                    r.variants().stream().filter(s -> s.variant().equals(v) && Double.isFinite(s.accuracyDropPoints()))
                            .forEach(s -> {
                                drops.add(s.accuracyDropPoints());
                                agreements.add(s.agreementWithFp32());
                                seeds.add(s);
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
            Int8Provenance int8 = null;
            if (v.equals("int8")) {
                ModelRef key = entry != null ? ModelRef.of(entry.block(), entry.position()) : fp32 != null ? fp32.model() : null;
                VariantEvidence.Report report = key == null ? null : evidence.tensorReports().get(key);
                int8 = new Int8Provenance(file == null ? null : file.settings().get(QdqQuantizer.ISA_KEY),
                        file == null ? null : file.settings().get(QdqQuantizer.REDUCE_RANGE_KEY),
                        lat == null ? null : evidence.measuredOn().get(lat.source()),
                        report == null ? null : report.content().worst().orElse(null), report == null ? null : report.file());
            }
            out.add(new VariantFigures(v, lat, speedup, low, high, file == null ? null : file.file().bytes(),
                    entry == null ? null : entry.deploy().bytes(), drops.isEmpty() ? null : Stats.of(drops),
                    agreements.isEmpty() ? null : Stats.of(agreements), seeds.isEmpty() ? null : AccuracyDrop.of(seeds), int8));
        }
        return out;
    }

    /**
     * {@code rows} with each variant's drop interval at the level {@link Holm} gives it among the
     * rows' drops of the same variant (one family per variant, at {@link Ranking#ALPHA}), on the
     * seed-to-seed variance pooled over that family ({@link AccuracyDrop#pooled}).
     */
    static List<LeaderboardRow> withDropFamilies(List<LeaderboardRow> rows) {
        Map<String, List<int[]>> where = new java.util.TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            List<VariantFigures> vs = rows.get(i).variants();
            for (int j = 0; j < vs.size(); j++) {
                if (vs.get(j).drop() != null && vs.get(j).drop().difference().defined()) {
                    where.computeIfAbsent(vs.get(j).variant(), k -> new ArrayList<>()).add(new int[] {i, j});
                }
            }
        }
        List<List<VariantFigures>> figures = new ArrayList<>();
        rows.forEach(r -> figures.add(new ArrayList<>(r.variants())));
        for (List<int[]> family : where.values()) {
            // one seed-to-seed variance of the drops for the family: Σ (seeds − 1) · sd² over Σ (seeds − 1)
            double ss = 0;
            double df = 0;
            for (int[] ij : family) {
                Stats d = figures.get(ij[0]).get(ij[1]).accuracyDropPoints;
                if (d != null && d.count() >= 2) {
                    ss += (d.count() - 1) * d.sampleStandardDeviation() * d.sampleStandardDeviation();
                    df += d.count() - 1;
                }
            }
            if (df > 0) {
                for (int[] ij : family) {
                    VariantFigures f = figures.get(ij[0]).get(ij[1]);
                    figures.get(ij[0]).set(ij[1], new VariantFigures(f.variant, f.latency, f.speedup, f.speedupLow, f.speedupHigh,
                            f.modelBytes, f.fp32Bytes, f.accuracyDropPoints, f.agreementWithFp32, f.drop.pooled(ss / df, df),
                            f.int8));
                }
            }
            double[] p = family.stream().mapToDouble(ij -> figures.get(ij[0]).get(ij[1]).drop().difference().pValue()).toArray();
            double[] levels = Holm.levels(p, Ranking.ALPHA);
            for (int k = 0; k < family.size(); k++) {
                int[] ij = family.get(k);
                VariantFigures f = figures.get(ij[0]).get(ij[1]);
                figures.get(ij[0]).set(ij[1], new VariantFigures(f.variant, f.latency, f.speedup, f.speedupLow, f.speedupHigh,
                        f.modelBytes, f.fp32Bytes, f.accuracyDropPoints, f.agreementWithFp32, f.drop.atLevel(levels[k]), f.int8));
            }
        }
        List<LeaderboardRow> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            out.add(rows.get(i).withVariants(figures.get(i)));
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
        m.put("accuracy_drop_pp_low", drop == null ? null : drop.low());
        m.put("accuracy_drop_pp_high", drop == null ? null : drop.high());
        m.put("accuracy_drop_level", drop == null ? null : drop.level());
        m.put("accuracy_drop_resolved", drop == null ? null : drop.resolved());
        m.put("accuracy_drop_binomial_se_pp", drop == null ? null : drop.binomialBoundPoints());
        m.put("accuracy_drop_interval", "paired t over seeds, standard error at least the validation set's binomial error,"
                + " Holm over the board's rows of this variant");
        if (int8 != null) {
            m.put("quantized_for", int8.quantizedFor());
            m.put("reduce_range", int8.reduceRange());
            m.put("measured_on", int8.measuredOn());
            m.put("isa_mismatch", int8.isaMismatch());
            m.put("worst_tensor", int8.worstTensor() == null ? null : int8.worstTensor().tensor());
            m.put("worst_tensor_kind", int8.worstTensor() == null ? null : int8.worstTensor().kind());
            m.put("worst_tensor_snr_db", int8.worstTensor() == null ? null : int8.worstTensor().snrDb());
            m.put("tensor_report", int8.tensorReport() == null ? null : int8.link());
        }
        return m;
    }
}
