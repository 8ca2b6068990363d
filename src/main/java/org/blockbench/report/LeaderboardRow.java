package org.blockbench.report;

import org.blockbench.model.ModelRef;
import java.util.EnumMap;
import java.util.Map;
import org.blockbench.gwo.GwoComplexity;
import org.blockbench.gwo.GwoScore;

/**
 * One model on one dataset's leaderboard. A null component was not measured (no JMH result, no
 * analysis, no training run, no GWO declaration) and is shown as an empty cell.
 *
 * @param model           the model
 * @param dataset         the dataset the accuracy is on
 * @param classes         classes of the model's head (manifest), null when unknown
 * @param trainableParams trainable parameters (manifest for zoo models, analysis for files)
 * @param cost            static costs of the analysed graph (deploy form where both were analysed)
 * @param latency         the selected JMH latency result
 * @param accuracy        accuracy over seeds
 * @param gwo             declared C_D and counted dynamic parameters
 * @param omega           Ω = C_D + α·C_P (null without a GWO declaration)
 * @param gwoScore        Ω, score and tier from the mean accuracy (null without accuracy or GWO)
 * @param gwoScoreStd     score standard deviation over seeds (NaN for one seed; null with no score)
 * @param pareto          per axis, whether the row is on the accuracy frontier (absent: not on the plot)
 * @param compliance      checks against the targets
 * @param imported        accuracy other tools measured (--import-accuracy), shown apart and never in a mean with
 *                        {@code accuracy}, nor used for scores, frontiers, events or compliance; null when none
 * @param variants        INT8/FP16 deployment variants measured against this FP32 row (empty when none)
 */
public record LeaderboardRow(ModelRef model, String dataset, Integer classes, Long trainableParams, CostFigures cost, LatencyResult latency,
                             AccuracySummary accuracy, GwoComplexity gwo, Double omega, GwoScore gwoScore, Double gwoScoreStd,
                             Map<Axis, Boolean> pareto, Compliance compliance, ImportedAccuracy imported,
                             java.util.List<VariantFigures> variants) {

    public LeaderboardRow {
        pareto = pareto.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(pareto));
        variants = variants == null ? java.util.List.of() : java.util.List.copyOf(variants);
    }

    /** A row without imported accuracy or variants. */
    public LeaderboardRow(ModelRef model, String dataset, Integer classes, Long trainableParams, CostFigures cost,
                          LatencyResult latency, AccuracySummary accuracy, GwoComplexity gwo, Double omega, GwoScore gwoScore,
                          Double gwoScoreStd, Map<Axis, Boolean> pareto, Compliance compliance) {
        this(model, dataset, classes, trainableParams, cost, latency, accuracy, gwo, omega, gwoScore, gwoScoreStd, pareto,
                compliance, null, java.util.List.of());
    }

    LeaderboardRow withPareto(Map<Axis, Boolean> p) {
        return new LeaderboardRow(model, dataset, classes, trainableParams, cost, latency, accuracy, gwo, omega, gwoScore, gwoScoreStd, p,
                compliance, imported, variants);
    }

    LeaderboardRow withVariants(java.util.List<VariantFigures> v) {
        return new LeaderboardRow(model, dataset, classes, trainableParams, cost, latency, accuracy, gwo, omega, gwoScore, gwoScoreStd,
                pareto, compliance, imported, v);
    }

    LeaderboardRow withCompliance(Compliance c) {
        return new LeaderboardRow(model, dataset, classes, trainableParams, cost, latency, accuracy, gwo, omega, gwoScore, gwoScoreStd,
                pareto, c, imported, variants);
    }

    /** Mean accuracy in percent, or null. */
    public Double accuracyPercent() {
        return accuracy == null ? null : accuracy.meanPercent();
    }
}
