package org.blockbench.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code results.csv} with BlockZoo's columns and meanings (blockzoo/train.py, profiler.py,
 * benchmark.py), so its pandas scripts (visualize.py) run unchanged: one row per training run
 * (seed), and one row with empty training cells for a model without runs (BlockZoo's
 * profile-only rows). Meanings: {@code val_acc} a fraction 0–1 (final epoch);
 * {@code training_time} seconds; {@code params_total} = {@code params_trainable} = trainable
 * parameters (torch {@code model.parameters()}; BN running statistics are buffers);
 * {@code flops} = MACs (fvcore's FlopCountAnalysis counts one multiply-accumulate as one
 * flop); {@code memory_mb} = parameter bytes / 2^20 (torchinfo's total_param_bytes);
 * {@code latency_ms} mean time per call, {@code latency_std} the standard deviation of single
 * calls (JMH SampleTime samples; the fork spread where there are none), {@code throughput}
 * images/s at the measured batch; {@code device} the ONNX Runtime provider.
 */
final class BlockZooCsv implements LeaderboardFormat {

    static final List<String> COLUMNS = List.of("timestamp", "block", "dataset", "position", "epochs", "batch_size", "lr",
            "val_loss", "val_acc", "training_time", "params_total", "params_trainable", "flops", "memory_mb", "latency_ms",
            "latency_std", "throughput", "device", "num_blocks", "base_channels", "out_dim", "experiment_name", "notes");

    @Override
    public byte[] render(Leaderboard lb) {
        CsvTable t = new CsvTable(COLUMNS);
        for (DatasetBoard b : lb.boards()) {
            String dataset = b.dataset().equals(LeaderboardBuilder.NO_DATASET) ? "" : b.dataset();
            for (LeaderboardRow r : b.rows()) {
                if (r.accuracy() == null && r.imported() == null) {
                    t.add(row(r, dataset, null));
                } else if (r.accuracy() != null) {
                    r.accuracy().runs().forEach(run -> t.add(row(r, dataset, run)));
                }
                if (r.imported() != null) {
                    r.imported().runs().forEach(run -> t.add(imported(r, dataset, run)));
                }
            }
        }
        return t.render().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * An imported run as its own row: experiment_name "imported", the accuracy in val_acc, and
     * notes naming the marker, the file and its line (docs/report.md §Imported accuracy).
     */
    private static List<Object> imported(LeaderboardRow r, String dataset, ImportedRun run) {
        List<Object> c = row(r, dataset, null);
        c.set(COLUMNS.indexOf("epochs"), run.epochs());
        c.set(COLUMNS.indexOf("val_acc"), run.valAccuracyPercent() / 100);
        c.set(COLUMNS.indexOf("experiment_name"), "imported");
        c.set(COLUMNS.indexOf("notes"), ImportedAccuracy.MARKER + " from " + run.source() + " line " + run.line()
                + (run.seed() == null ? "" : "; seed=" + run.seed()));
        return c;
    }

    private static List<Object> row(LeaderboardRow r, String dataset, SeedResult run) {
        List<Object> c = new ArrayList<>();
        c.add(run == null ? "" : run.finishedAt());
        c.add(r.model().block());
        c.add(dataset);
        c.add(r.model().position());
        c.add(run == null ? "" : run.epochs());
        c.add(run == null || run.batchSize() <= 0 ? "" : run.batchSize());
        c.add(run == null ? "" : run.learningRate());
        c.add(run == null ? "" : run.valLoss());
        c.add(run == null ? "" : run.valAccuracyPercent() / 100);
        c.add(run == null ? "" : run.wallSeconds());
        c.add(r.trainableParams());
        c.add(r.trainableParams());
        c.add(r.cost() == null ? "" : r.cost().macs());
        c.add(r.cost() == null ? "" : r.cost().paramBytes() / (1024.0 * 1024.0));
        LatencyResult l = r.latency();
        c.add(l == null ? "" : l.meanMs());
        c.add(l == null ? "" : !Double.isNaN(l.callStdMs()) ? l.callStdMs()
                : l.forkMeansMs() == null ? Double.NaN : l.forkMeansMs().sampleStandardDeviation());
        c.add(l == null ? "" : l.throughputImagesPerSecond());
        c.add(l == null ? "" : l.provider());
        // the size the run trained (the quick protocol's reduced scaffold), else the published 3 and 64
        boolean reduced = run != null && run.reducedScaffold();
        c.add(reduced ? run.scaffold().blocksPerStage() : r.model().isScaffold() ? 3
                : r.model().position().equals("gwo-net") ? (Object) 2 : null);
        c.add(reduced ? run.scaffold().baseChannels() : r.model().isScaffold() ? (Object) 64 : null);
        c.add(r.classes());
        c.add("blockbench");
        List<String> notes = new ArrayList<>();
        if (run != null) {
            notes.add("recipe=" + run.recipe());
            notes.add("seed=" + run.seed());
        }
        if (l != null) {
            notes.add("latency=" + l.form() + " batch " + l.batch() + " threads " + l.threads() + " mode " + l.mode());
        }
        if (r.model().isFile()) {
            notes.add("file=" + r.model().file());
        }
        c.add(String.join("; ", notes));
        return c;
    }
}
