package org.blockbench.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code leaderboard.csv}: every column of every dataset's leaderboard, one row per (dataset,
 * model). Empty cell = not measured. Units are in the column names.
 */
final class FullCsv implements LeaderboardFormat {

    static final List<String> COLUMNS = List.of("dataset", "block", "position", "file", "classes", "params_trainable",
            "param_bytes", "buffer_bytes", "macs", "flops_2x_macs", "flops_all_operator", "peak_activation_bytes", "memory_mib",
            "cost_complete", "latency_form", "latency_batch", "latency_provider", "latency_threads", "latency_mode",
            "latency_mean_ms", "latency_score_error_ms", "latency_forks", "latency_fork_std_ms", "latency_call_std_ms",
            "latency_p50_ms", "latency_p90_ms", "latency_p99_ms", "latency_p999_ms", "throughput_img_per_s", "recipe", "epochs",
            "seeds", "val_accuracy_pct_mean", "val_accuracy_pct_std", "train_accuracy_pct_mean", "val_loss_mean",
            "train_seconds_mean", "c_d", "dynamic_params", "c_p_millions", "omega", "gwo_score", "gwo_score_std", "gwo_tier",
            "pareto_latency", "pareto_macs", "pareto_memory", "compliant", "compliance_notes");

    @Override
    public byte[] render(Leaderboard lb) {
        CsvTable t = new CsvTable(COLUMNS);
        for (DatasetBoard b : lb.boards()) {
            for (LeaderboardRow r : b.rows()) {
                t.add(cells(r));
            }
        }
        return t.render().getBytes(StandardCharsets.UTF_8);
    }

    static List<Object> cells(LeaderboardRow r) {
        List<Object> c = new ArrayList<>();
        c.add(r.dataset());
        c.add(r.model().block());
        c.add(r.model().position());
        c.add(r.model().file());
        c.add(r.classes());
        c.add(r.trainableParams());
        CostFigures k = r.cost();
        c.add(k == null ? "" : k.paramBytes());
        c.add(k == null ? "" : k.bufferBytes());
        c.add(k == null ? "" : k.macs());
        c.add(k == null ? "" : k.flopsTwoTimesMacs());
        c.add(k == null ? "" : k.flopsAllOperator());
        c.add(k == null ? "" : k.peakActivationBytes());
        c.add(Axis.MEMORY.of(r));
        c.add(k == null ? "" : Boolean.toString(k.complete()));
        LatencyResult l = r.latency();
        if (l == null) {
            for (int i = 0; i < 15; i++) {
                c.add("");
            }
        } else {
            c.add(l.form());
            c.add(l.batch());
            c.add(l.provider());
            c.add(l.threads());
            c.add(l.mode());
            c.add(l.meanMs());
            c.add(l.scoreErrorMs());
            c.add(l.forkMeansMs() == null ? "" : l.forkMeansMs().count());
            c.add(l.forkMeansMs() == null ? "" : l.forkMeansMs().sampleStandardDeviation());
            c.add(l.callStdMs());
            c.add(l.p50Ms());
            c.add(l.p90Ms());
            c.add(l.p99Ms());
            c.add(l.p999Ms());
            c.add(l.throughputImagesPerSecond());
        }
        AccuracySummary a = r.accuracy();
        c.add(a == null ? "" : a.recipe());
        c.add(a == null ? "" : a.epochs());
        c.add(a == null ? "" : a.runs().size());
        c.add(a == null ? "" : a.valAccuracyPercent().mean());
        c.add(a == null ? "" : a.valAccuracyPercent().sampleStandardDeviation());
        c.add(a == null || a.trainAccuracyPercent() == null ? "" : a.trainAccuracyPercent().mean());
        c.add(a == null || a.valLoss() == null ? "" : a.valLoss().mean());
        c.add(a == null || a.wallSeconds() == null ? "" : a.wallSeconds().mean());
        c.add(r.gwo() == null ? "" : r.gwo().descriptiveComplexity());
        c.add(r.gwo() == null ? "" : r.gwo().dynamicParams());
        c.add(r.gwo() == null ? "" : r.gwo().parametricComplexityMillions());
        c.add(r.omega());
        c.add(r.gwoScore() == null ? "" : r.gwoScore().score());
        c.add(r.gwoScoreStd());
        c.add(r.gwoScore() == null ? "" : r.gwoScore().tier().name());
        c.add(Cells.yesNo(r.pareto().get(Axis.LATENCY)));
        c.add(Cells.yesNo(r.pareto().get(Axis.MACS)));
        c.add(Cells.yesNo(r.pareto().get(Axis.MEMORY)));
        c.add(r.compliance().verdict());
        c.add(String.join("; ", r.compliance().reasons()));
        return c;
    }
}
