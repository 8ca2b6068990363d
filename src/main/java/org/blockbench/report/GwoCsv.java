package org.blockbench.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.blockbench.gwo.GwoScore;

/**
 * {@code benchmark_results.csv} with the GWO benchmark's columns and meanings
 * (gwo_benchmark's BenchmarkResult, written by its run()): one row per training run (seed),
 * scored on that run's accuracy; {@code test_accuracy} and {@code train_accuracy} in percent,
 * {@code generalization_gap} = train − test, {@code c_p_M} dynamic parameters in millions,
 * {@code latency_ms} mean time per call at the measured batch, {@code throughput_imgs_sec}
 * images/s. Models without a run get one row with the complexity and empty score cells.
 */
final class GwoCsv implements LeaderboardFormat {

    static final List<String> COLUMNS = List.of("timestamp", "model_name", "score", "test_accuracy", "train_accuracy",
            "generalization_gap", "omega_proxy", "c_d", "c_p_M", "latency_ms", "throughput_imgs_sec", "seed");

    @Override
    public byte[] render(Leaderboard lb) {
        CsvTable t = new CsvTable(COLUMNS);
        for (DatasetBoard b : lb.boards()) {
            for (LeaderboardRow r : b.rows()) {
                if (r.accuracy() == null) {
                    t.add(row(r, null, lb.settings().alpha()));
                } else {
                    r.accuracy().runs().forEach(run -> t.add(row(r, run, lb.settings().alpha())));
                }
            }
        }
        return t.render().getBytes(StandardCharsets.UTF_8);
    }

    private static List<Object> row(LeaderboardRow r, SeedResult run, double alpha) {
        List<Object> c = new ArrayList<>();
        c.add(run == null ? "" : run.finishedAt());
        c.add(r.model().label());
        GwoScore s = run == null || r.gwo() == null ? null : GwoScore.of(r.gwo(), run.valAccuracyPercent(), alpha);
        c.add(s == null ? "" : s.score());
        c.add(run == null ? "" : run.valAccuracyPercent());
        c.add(run == null ? "" : run.trainAccuracyPercent());
        c.add(run == null ? "" : run.trainAccuracyPercent() - run.valAccuracyPercent());
        c.add(r.omega());
        c.add(r.gwo() == null ? "" : r.gwo().descriptiveComplexity());
        c.add(r.gwo() == null ? "" : r.gwo().parametricComplexityMillions());
        c.add(r.latency() == null ? "" : r.latency().meanMs());
        c.add(r.latency() == null ? "" : r.latency().throughputImagesPerSecond());
        c.add(run == null ? "" : run.seed());
        return c;
    }
}
