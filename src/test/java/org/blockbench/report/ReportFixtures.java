package org.blockbench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.blockbench.export.GwoSummary;
import org.blockbench.export.Manifest;
import org.blockbench.export.ManifestEntry;
import org.blockbench.export.ModelFile;
import org.blockbench.zoo.BuiltModel;
import org.blockbench.zoo.Form;
import org.blockbench.zoo.InitMode;
import org.blockbench.zoo.ModelId;
import org.blockbench.zoo.ScaffoldConfig;
import org.blockbench.zoo.build.Zoo;

/**
 * Input files in the formats the leaderboard reads, written by hand: a manifest (entries from
 * real zoo builds: parameter counts and GWO declarations), an analysis set, JMH JSON files and
 * training result files. The numbers in the analysis, JMH and training files are chosen so the
 * expected leaderboard can be worked out by hand (see the tests).
 */
public final class ReportFixtures {

    static final List<ModelId> MODELS = List.of(new ModelId("ResNetBasicBlock", "early"), new ModelId("ResNetBasicBlock", "mid"),
            new ModelId("ResNetBasicBlock", "late"), new ModelId("MobileOneBlock", "early"), new ModelId("MobileOneBlock", "late"),
            new ModelId("StandardConv", "gwo-net"), new ModelId("DeformableConv", "gwo-net"), new ModelId("DepthwiseConv", "gwo-net"));

    static final double MIB = 1024.0 * 1024.0;

    private ReportFixtures() {
    }

    /** Paths of a fixture tree. */
    public record Tree(Path root, Path manifest, Path analysis, Path jmh, Path training) {
    }

    public static Tree write(Path root) throws IOException {
        Tree t = new Tree(root, root.resolve("onnx-models/manifest.json"), root.resolve("onnx-models/analysis.json"),
                root.resolve("jmh-results"), root.resolve("training-results"));
        manifest().write(t.manifest());
        Files.writeString(t.analysis(), analysis());
        Files.createDirectories(t.jmh().resolve("sweep"));
        // an older measurement of ResNetBasicBlock/mid (no recorded start time), superseded by the sweep run below
        // although its file time is later: runs are ordered by the start time in their metadata, never by mtime
        Files.writeString(t.jmh().resolve("old.json"), "[" + sample("ResNetBasicBlock/mid", 1, "ms/op", 9.0, 9.0,
                new double[][][] {{{9.0, 4}}}) + "]");
        Files.setLastModifiedTime(t.jmh().resolve("old.json"), java.nio.file.attribute.FileTime.fromMillis(4_000_000_000_000L));
        Files.writeString(t.jmh().resolve("sweep/run.json"), "[" + String.join(",\n",
                // two forks: means 1.25 and 2.0
                sample("ResNetBasicBlock/early", 1, "ms/op", 1.625, 2.5, new double[][][] {{{1.0, 3}, {2.0, 1}}, {{1.5, 2}, {2.5, 2}}}),
                sample("ResNetBasicBlock/mid", 1, "ms/op", 3.0, 3.0, new double[][][] {{{3.0, 5}}}),
                // AverageTime in us/op: forks 400 and 600 us
                avgt("MobileOneBlock/early", "us/op", 500, new double[][] {{400, 400}, {600, 600}}),
                // batch 8 only: no latency at the default selection
                sample("MobileOneBlock/late", 8, "ms/op", 4.0, 4.0, new double[][][] {{{4.0, 2}}}),
                sample("StandardConv/gwo-net", 1, "ms/op", 0.2, 0.2, new double[][][] {{{0.2, 10}}}),
                sample("DeformableConv/gwo-net", 1, "ms/op", 0.5, 0.5, new double[][][] {{{0.5, 10}}}),
                sample("DepthwiseConv/gwo-net", 1, "ms/op", 0.3, 0.3, new double[][][] {{{0.3, 10}}}),
                throughput("ResNetBasicBlock/early")) + "]");
        // the run's metadata sidecar: never read as results; its start time orders the run
        Files.writeString(t.jmh().resolve("sweep/run.meta.json"), "{\"format\": \"blockbench-jmh-metadata/2\","
                + " \"started_at\": \"2026-01-02T00:00:00Z\", \"ort_version\": \"1.22.0\"}");
        Files.createDirectories(t.training());
        run(t, "ResNetBasicBlock/early", "synthetic", "blockzoo", 0, 0.80, 0.90);
        run(t, "ResNetBasicBlock/early", "synthetic", "blockzoo", 1, 0.82, 0.92);
        run(t, "ResNetBasicBlock/mid", "synthetic", "blockzoo", 0, 0.85, 0.95);
        run(t, "MobileOneBlock/early", "synthetic", "blockzoo", 0, 0.70, 0.75);
        run(t, "MobileOneBlock/early", "synthetic", "blockzoo", 1, 0.72, 0.77);
        run(t, "MobileOneBlock/early", "synthetic", "blockzoo", 2, 0.74, 0.79);
        run(t, "StandardConv/gwo-net", "cifar10", "gwo", 0, 0.6931, 0.80);
        run(t, "DeformableConv/gwo-net", "cifar10", "gwo", 0, 0.6945, 0.81);
        run(t, "DepthwiseConv/gwo-net", "cifar10", "gwo", 0, 0.6135, 0.70);
        return t;
    }

    /** A manifest whose entries come from real zoo builds (file hashes are placeholders). */
    static synchronized Manifest manifest() {
        if (manifest == null) {
            manifest = buildManifest();
        }
        return manifest;
    }

    private static Manifest manifest;

    private static Manifest buildManifest() {
        List<ManifestEntry> entries = new ArrayList<>();
        ScaffoldConfig config = ScaffoldConfig.defaults();
        for (ModelId id : MODELS) {
            BuiltModel m = Zoo.build(id, Form.TRAIN, config);
            ModelFile file = new ModelFile(id + "/train.onnx", "0".repeat(64), 1, m.storedElements());
            entries.add(new ManifestEntry(id.block(), id.position(), Zoo.INPUT_NAME, List.of("batch", 3, 32, 32),
                    Zoo.OUTPUT_NAME, 10, 17, m.trainableParams(), m.bufferElements(), file, file,
                    new GwoSummary(List.of(), m.gwo().descriptiveComplexity(), m.gwoInstances(), m.descriptiveComplexity(),
                            m.gwo().dynamicSubnetworks(), m.dynamicParams())));
        }
        return new Manifest(Manifest.FORMAT, 0, 10, 32, InitMode.PYTORCH.id(), 17, entries);
    }

    /** Static costs in the zoo-analysis format: MACs, parameter bytes, peak activation bytes (buffers 0: deploy form). */
    static String analysis() {
        List<String> models = new ArrayList<>();
        models.add(analysisOf("ResNetBasicBlock", "early", 556_000_000L, 18_000_000L, 2L * 1024 * 1024));
        models.add(analysisOf("ResNetBasicBlock", "mid", 556_000_000L, 18_000_000L, 2L * 1024 * 1024));
        models.add(analysisOf("ResNetBasicBlock", "late", 556_000_000L, 18_000_000L, 2L * 1024 * 1024));
        models.add(analysisOf("MobileOneBlock", "early", 300_000_000L, 12_000_000L, 1024 * 1024));
        models.add(analysisOf("StandardConv", "gwo-net", 650_000L, 250_000L, 100_000L));
        models.add(analysisOf("DeformableConv", "gwo-net", 1_500_000L, 262_000L, 150_000L));
        models.add(analysisOf("DepthwiseConv", "gwo-net", 300_000L, 240_000L, 120_000L));
        return "{\"format\": \"blockbench-zoo-analysis/1\", \"batch\": 1, \"warnings\": [], \"models\": [\n"
                + String.join(",\n", models) + "]}\n";
    }

    /** One zoo entry; its train totals differ (BN kept, more MACs) so that the deploy choice shows. */
    private static String analysisOf(String block, String position, long macs, long paramBytes, long peak) {
        return String.format(Locale.ROOT, """
                {"block": "%s", "position": "%s", "id": "%s/%s",
                 "train": %s,
                 "deploy": %s}""", block, position, block, position,
                totals(block + "/" + position + "/train.onnx", macs + 1_000_000, paramBytes + 4096, 4096, peak * 2),
                totals(block + "/" + position + "/deploy.onnx", macs, paramBytes, 0, peak));
    }

    private static String totals(String path, long macs, long paramBytes, long bufferBytes, long peak) {
        return String.format(Locale.ROOT, """
                {"path": "%s", "complete": true, "unsupported_ops": [], "params": %d, "param_bytes": %d,
                  "buffer_elements": %d, "buffer_bytes": %d, "macs": %d, "flops_two_x_macs": %d, "flops_all_operator": %d,
                  "peak_live_activation_bytes": %d, "nodes": 10}""",
                path, paramBytes / 4, paramBytes, bufferBytes / 4, bufferBytes, macs, 2 * macs, 2 * macs + 1000, peak);
    }

    public static String sample(String model, int batch, String unit, double score, double p90, double[][][] forks) {
        StringBuilder hist = new StringBuilder("[");
        for (int f = 0; f < forks.length; f++) {
            hist.append(f > 0 ? "," : "").append("[[");
            for (int b = 0; b < forks[f].length; b++) {
                hist.append(b > 0 ? "," : "").append(String.format(Locale.ROOT, "[%s,%d]", forks[f][b][0], (long) forks[f][b][1]));
            }
            hist.append("]]");
        }
        hist.append("]");
        return String.format(Locale.ROOT, """
                {"jmhVersion": "1.37", "benchmark": "org.blockbench.bench.jmh.OrtInferenceBenchmark.run", "mode": "sample",
                 "threads": 1, "forks": %d, "warmupIterations": 2, "measurementIterations": 1,
                 "params": {"model": %s, "form": "deploy", "batch": "%d", "provider": "cpu", "intraOpThreads": "1", "optLevel": "all"},
                 "primaryMetric": {"score": %s, "scoreError": "NaN", "scoreConfidence": ["NaN", "NaN"],
                   "scorePercentiles": {"0.0": %s, "50.0": %s, "90.0": %s, "95.0": %s, "99.0": %s, "99.9": %s, "100.0": %s},
                   "scoreUnit": "%s", "rawDataHistogram": %s},
                 "secondaryMetrics": {}}""", forks.length, json(model), batch, score, score, score, p90, p90, p90, p90, p90, unit, hist);
    }

    static String avgt(String model, String unit, double score, double[][] forks) {
        StringBuilder raw = new StringBuilder("[");
        for (int f = 0; f < forks.length; f++) {
            raw.append(f > 0 ? "," : "").append('[');
            for (int i = 0; i < forks[f].length; i++) {
                raw.append(i > 0 ? "," : "").append(forks[f][i]);
            }
            raw.append(']');
        }
        raw.append(']');
        return String.format(Locale.ROOT, """
                {"benchmark": "org.blockbench.bench.jmh.OrtInferenceBenchmark.run", "mode": "avgt", "forks": %d,
                 "params": {"model": "%s", "form": "deploy", "batch": "1", "provider": "cpu", "intraOpThreads": "1", "optLevel": "all"},
                 "primaryMetric": {"score": %s, "scoreError": 12.5, "scoreUnit": "%s", "rawData": %s}}""",
                forks.length, model, score, unit, raw);
    }

    static String throughput(String model) {
        return String.format(Locale.ROOT, """
                {"benchmark": "org.blockbench.bench.jmh.OrtInferenceBenchmark.run", "mode": "thrpt", "forks": 1,
                 "params": {"model": "%s", "form": "deploy", "batch": "1", "provider": "cpu", "intraOpThreads": "1", "optLevel": "all"},
                 "primaryMetric": {"score": 0.5, "scoreError": "NaN", "scoreUnit": "ops/ms", "rawData": [[0.5]]}}""", model);
    }

    /** A JSON string literal. */
    static String json(String s) {
        return s == null ? "null" : com.fasterxml.jackson.databind.node.TextNode.valueOf(s).toString();
    }

    /** A run.json as `blockbench train` writes it, under its <model>/<recipe>-<dataset>/seed-<n>/ directory. */
    public static void run(Tree t, String model, String dataset, String recipe, long seed, double valAcc, double trainAcc)
            throws IOException {
        org.blockbench.model.ModelRef ref = org.blockbench.model.ModelRef.parse(model);
        boolean file = ref.isFile();
        String id = ref.directory();
        String[] parts = file ? new String[] {null, null} : model.split("/", 2);
        Path runDir = t.training().resolve((id + "/" + recipe + "-" + dataset).replaceAll("[^A-Za-z0-9_/-]", "_"))
                .resolve("seed-" + seed);
        Files.createDirectories(runDir);
        Files.writeString(runDir.resolve("run.json"), String.format(Locale.ROOT, """
                {
                  "format" : "blockbench-training-run/1",
                  "model" : {"id": %s, "block": %s, "position": %s, "source": %s,
                             "trainable_params": 1, "buffer_elements": 0, "classes": 10},
                  "recipe" : {"name": "%s", "optimizer": "adam", "learning_rate": 0.001, "batch_size": 64, "epochs": 3,
                              "overrides": ["epochs"]},
                  "dataset" : {"name": %s, "source": "generated", "train_size": 512, "val_size": 256, "classes": 10},
                  "seed" : %d,
                  "epochs" : [
                    {"epoch": 1, "learning_rate": 0.001, "train_loss": 2.3, "train_accuracy": 0.1, "val_loss": 2.3, "val_accuracy": 0.1},
                    {"epoch": 2, "learning_rate": 0.001, "train_loss": 1.0, "train_accuracy": 0.5, "val_loss": 1.1, "val_accuracy": 0.5},
                    {"epoch": 3, "learning_rate": 0.001, "train_loss": 0.4, "train_accuracy": %s, "val_loss": 0.5, "val_accuracy": %s}
                  ],
                  "final_val_accuracy" : %s,
                  "final_val_loss" : 0.5,
                  "best_val_accuracy" : %s,
                  "train_seconds" : 8.0,
                  "eval_seconds" : 2.0,
                  "parity" : {"samples": 256, "passed": true},
                  "provenance" : {"started_at": "2026-11-22T06:59:00Z", "finished_at": "2026-11-22T07:00:0%dZ"}
                }
                """, json(id), json(parts[0]), json(parts[1]), json(file ? model : "onnx-models/manifest.json"), recipe, json(dataset), seed, trainAcc, valAcc, valAcc, valAcc,
                seed));
    }
}
