package org.blockbench.report;

import org.blockbench.model.ModelRef;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.blockbench.stats.Stats;
import org.blockbench.io.JsonFiles;

/**
 * {@code leaderboard.json} (format {@value #FORMAT}): settings, inputs, notes and every board
 * with its rows, block summaries, Pareto frontiers and events. A value not measured is
 * {@code null}; a number is never NaN.
 */
final class LeaderboardJson implements LeaderboardFormat {

    static final String FORMAT = "blockbench-leaderboard/1";

    private static final ObjectMapper JSON = JsonFiles.mapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public byte[] render(Leaderboard lb) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        LeaderboardSettings s = lb.settings();
        root.put("settings", map("alpha", s.alpha(),
                "targets", map("min_accuracy_pct", s.targets().minAccuracyPercent(), "max_latency_ms", s.targets().maxLatencyMs(),
                        "max_memory_mib", s.targets().maxMemoryMiB()),
                "latency_selection", map("form", s.latency().form(), "batch", s.latency().batch(), "provider",
                        s.latency().provider(), "threads", s.latency().threads(), "opt_level", s.latency().optLevel())));
        root.put("inputs", map("manifest", lb.inputs().manifest(), "analysis", lb.inputs().analysis(), "jmh_results",
                lb.inputs().jmhResults(), "training", lb.inputs().training()));
        root.put("conventions", ReportText.CONVENTIONS);
        root.put("notes", lb.notes());
        List<Object> boards = new ArrayList<>();
        for (DatasetBoard b : lb.boards()) {
            Map<String, Object> pareto = new LinkedHashMap<>();
            for (ComparisonGroup g : b.groups()) {
                Map<String, Object> byAxis = new LinkedHashMap<>();
                for (Axis a : Axis.values()) {
                    byAxis.put(a.id(), b.frontier(g, a).stream().map(ModelRef::label).toList());
                }
                pareto.put(g.id(), byAxis);
            }
            Map<String, Object> rankings = new LinkedHashMap<>();
            for (ComparisonGroup g : b.groups()) {
                Map<String, Object> byMetric = new LinkedHashMap<>();
                for (Ranking r : java.util.Arrays.asList(b.latencyRanks().get(g), b.accuracyRanks().get(g))) {
                    if (r != null) {
                        byMetric.put(r.metric(), ranking(r));
                    }
                }
                if (!byMetric.isEmpty()) {
                    rankings.put(g.id(), byMetric);
                }
            }
            Map<String, Object> board = map("dataset", b.dataset(), "protocol", b.protocol(), "headline", Headline.of(b).stream().map(h -> map("position",
                    h.position(), "most_accurate", h.mostAccurate(), "accuracy_pct", num(h.accuracyPercent()), "fastest", h.fastest(),
                    "fastest_mean_ms", num(h.fastestMs()), "pareto_latency", h.pareto())).toList(),
                    "rankings", rankings, "rows", b.rows().stream().map(r -> row(b, r)).toList(),
                    "blocks", b.blocks().stream().map(LeaderboardJson::block).toList(), "pareto", pareto,
                    "events", b.events().stream().map(LeaderboardJson::event).toList());
            boards.add(board);
        }
        root.put("boards", boards);
        try {
            return (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("leaderboard does not serialise", e);
        }
    }

    /** One ranking: its family, resolution and per model the rank interval and letters. */
    private static Map<String, Object> ranking(Ranking r) {
        return map("family_wise_alpha", r.comparisons().alpha(), "pairs", r.pairs(), "pairs_told_apart", r.separated(),
                "resolution", num(r.resolution()), "resolution_effect", r.lowerIsBetter() ? "5 %" : "5 points",
                "order", r.models().stream().map(ModelRef::label).toList());
    }

    /** A model's rank interval and letters, or null when not ranked. */
    private static Map<String, Object> rank(Ranking r, ModelRef model) {
        org.blockbench.stats.RankInterval i = r.rank(model);
        return i == null ? null : map("best", i.best(), "worst", i.worst(), "letters", r.letters().get(model),
                "estimate", num(r.estimate(model)));
    }

    private static Map<String, Object> row(DatasetBoard b, LeaderboardRow r) {
        Map<String, Object> m = map("model", r.model().label(), "block", r.model().block(), "position", r.model().position(),
                "file", r.model().file(), "classes", r.classes(), "params_trainable", r.trainableParams());
        CostFigures c = r.cost();
        m.put("cost", c == null ? null : map("form", c.form(), "param_bytes", c.paramBytes(), "buffer_bytes", c.bufferBytes(),
                "macs", c.macs(), "flops_2x_macs", c.flopsTwoTimesMacs(), "flops_all_operator", c.flopsAllOperator(),
                "peak_activation_bytes", c.peakActivationBytes(), "memory_mib", num(Axis.MEMORY.of(r)), "complete", c.complete(),
                "unsupported_ops", c.unsupportedOps()));
        LatencyResult l = r.latency();
        m.put("latency", l == null ? null : map("form", l.form(), "batch", l.batch(), "provider", l.provider(), "threads",
                l.threads(), "opt_level", l.optLevel(), "mode", l.mode(), "mean_ms", num(l.meanMs()), "score_error_ms",
                num(l.scoreErrorMs()), "fork_means_ms", stat(l.forkMeansMs()), "call_std_ms", num(l.callStdMs()),
                "p50_ms", num(l.p50Ms()), "p90_ms", num(l.p90Ms()), "p99_ms", num(l.p99Ms()), "p999_ms", num(l.p999Ms()),
                "samples", l.samples(), "throughput_img_per_s", num(l.throughputImagesPerSecond()),
                "source", l.source().toString(), "rank", rank(b.latencyRanking(r.model()), r.model())));
        AccuracySummary a = r.accuracy();
        m.put("accuracy", a == null ? null : map("recipe", a.recipe(), "epochs", a.epochs(), "val_accuracy_pct",
                stat(a.valAccuracyPercent()), "train_accuracy_pct", stat(a.trainAccuracyPercent()), "val_loss", stat(a.valLoss()),
                "train_seconds", stat(a.wallSeconds()), "rank", rank(b.accuracyRanking(r.model()), r.model()), "runs", a.runs().stream().map(LeaderboardJson::run).toList()));
        ImportedAccuracy imp = r.imported();
        if (imp != null) { // present only where something was imported, so boards without imports keep their shape
            m.put("imported_accuracy", map("marker", ImportedAccuracy.MARKER, "sources", imp.sources(), "val_accuracy_pct",
                    stat(imp.valAccuracyPercent()), "runs", imp.runs().stream().map(x -> map("seed", x.seed(), "dataset",
                            x.dataset(), "epochs", x.epochs(), "val_accuracy_pct", num(x.valAccuracyPercent()), "source",
                            x.source(), "format", x.format(), "line", x.line())).toList()));
        }
        m.put("gwo", r.gwo() == null ? null : map("c_d", r.gwo().descriptiveComplexity(), "dynamic_params",
                r.gwo().dynamicParams(), "c_p_millions", r.gwo().parametricComplexityMillions(), "omega", num(r.omega()),
                "score", r.gwoScore() == null ? null : num(r.gwoScore().score()), "score_std", num(r.gwoScoreStd()),
                "tier", r.gwoScore() == null ? null : r.gwoScore().tier().name()));
        Map<String, Object> pareto = new LinkedHashMap<>();
        for (Axis ax : Axis.values()) {
            pareto.put(ax.id(), r.pareto().get(ax));
        }
        m.put("pareto", pareto);
        m.put("compliance", map("verdict", r.compliance().verdict(), "reasons", r.compliance().reasons()));
        if (!r.variants().isEmpty()) {
            // absent when no variant was measured, so boards without variants keep their shape
            m.put("variants", r.variants().stream().map(VariantFigures::toMap).toList());
        }
        return m;
    }

    private static Map<String, Object> run(SeedResult t) {
        return map("seed", t.seed(), "dataset", t.dataset(), "recipe", t.recipe(), "epochs", t.epochs(), "batch_size",
                t.batchSize(), "lr", num(t.learningRate()), "val_accuracy_pct", num(t.valAccuracyPercent()),
                "train_accuracy_pct", num(t.trainAccuracyPercent()), "val_loss", num(t.valLoss()), "wall_seconds",
                num(t.wallSeconds()), "finished_at", t.finishedAt(), "source", t.source(), "base_channels",
                t.scaffold() == null ? null : t.scaffold().baseChannels(), "blocks_per_stage",
                t.scaffold() == null ? null : t.scaffold().blocksPerStage());
    }

    private static Map<String, Object> block(BlockSummary s) {
        return map("block", s.block(), "positions", s.positions(), "val_accuracy_pct_by_position",
                new java.util.TreeMap<>(s.accuracyByPosition()), "val_accuracy_pct_over_positions", stat(s.accuracyOverPositions()),
                "best_position", s.bestPosition(), "latency_mean_ms", num(s.latencyMeanMs()), "macs_mean", num(s.macsMean()),
                "params_trainable_mean", num(s.paramsMean()), "memory_mib_mean", num(s.memoryMeanMiB()), "gwo_score_mean",
                num(s.scoreMean()), "gwo_tier_of_mean", s.tierOfMeanScore() == null ? null : s.tierOfMeanScore().name());
    }

    private static Map<String, Object> event(EventRanking e) {
        return map("event", e.event().id(), "rule", e.rule(), "entries", e.entries().stream()
                .map(x -> map("rank", x.rank(), "model", x.model().label(), "value", num(x.value()), "compliant", x.compliant(),
                        "note", x.note())).toList());
    }

    private static Map<String, Object> stat(Stats s) {
        return s == null ? null : map("mean", num(s.mean()), "std", num(s.sampleStandardDeviation()), "n", s.count());
    }

    private static Double num(Double v) {
        return v == null || v.isNaN() || v.isInfinite() ? null : v;
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
