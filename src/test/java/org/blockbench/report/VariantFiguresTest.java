package org.blockbench.report;

import org.blockbench.model.ModelRef;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.blockbench.export.ManifestEntry;
import org.blockbench.export.ModelFile;
import org.blockbench.export.VariantFile;
import org.blockbench.stats.Stats;
import org.junit.jupiter.api.Test;

/** A row's INT8 figures from hand-chosen inputs: speedup, its propagated interval, bytes, drop over seeds. */
class VariantFiguresTest {

    private static final ModelRef KEY = ModelRef.of("RepMixer", "mid");

    private static LatencyResult latency(String form, double mean, double error) {
        return new LatencyResult(KEY, form, 1, "cpu", 1, "all", "sample", mean, error, Stats.of(mean), 0.1, mean, mean,
                mean, mean, 100, Path.of("results.json"));
    }

    private static SeedResult run(long seed, double drop, double agreement) {
        return run(KEY, seed, drop, agreement, 256);
    }

    private static SeedResult run(ModelRef key, long seed, double drop, double agreement, int images) {
        return new SeedResult(key, "synthetic", "blockzoo", seed, 1, 64, 1e-3, 50, 50, 1, 10, "", "run.json", null, 1024,
                List.of(new SeedResult.VariantSeed("int8", 50 - drop, drop, agreement, images)));
    }

    private static AccuracySummary accuracy(SeedResult... runs) {
        return new AccuracySummary("blockzoo", 1, Stats.of(50, 50), null, null, null, List.of(runs));
    }

    @Test
    void int8FiguresAgainstFp32() {
        LatencyResult fp32 = latency("deploy", 10, 1);
        List<LatencyResult> all = List.of(fp32, latency("int8", 4, 0.5), latency("fp16", 20, 2));
        ModelFile deploy = new ModelFile("RepMixer/mid/deploy.onnx", "x", 4000, 1000);
        ManifestEntry entry = new ManifestEntry("RepMixer", "mid", "input", List.of("batch", 3, 32, 32), "logits", 10, 17,
                1000, 0, deploy, deploy, null, List.of(new VariantFile("int8",
                        new ModelFile("RepMixer/mid/deploy.int8.onnx", "y", 1100, 1000), Map.of())));
        AccuracySummary acc = new AccuracySummary("blockzoo", 1, Stats.of(50, 50), null, null, null,
                List.of(run(0, 1.0, 0.99), run(1, 3.0, 0.97)));
        List<VariantFigures> v = VariantFigures.of(fp32, all, entry, acc);
        assertEquals(List.of("int8", "fp16"), v.stream().map(VariantFigures::variant).toList());
        VariantFigures int8 = v.get(0);
        assertEquals(2.5, int8.speedup(), 1e-12);
        assertEquals(9 / 4.5, int8.speedupLow(), 1e-12);
        assertEquals(11 / 3.5, int8.speedupHigh(), 1e-12);
        assertEquals(1100L, int8.modelBytes());
        assertEquals(4000L, int8.fp32Bytes());
        assertEquals(2.0, int8.accuracyDropPoints().mean(), 1e-12);
        assertEquals(Math.sqrt(2), int8.accuracyDropPoints().sampleStandardDeviation(), 1e-12);
        assertEquals(0.98, int8.agreementWithFp32().mean(), 1e-12);
        // paired over 2 seeds: drops 1 and 3 pp, se = sd / sqrt(2) = 1.0 above the binomial bound
        // 100 sqrt((0.01 - 0.01^2) / 256 + (0.03 - 0.03^2) / 256) / 2 = 0.6171 pp; t(0.975, 1) = 12.7062
        AccuracyDrop drop = int8.drop();
        assertEquals(0.617138, drop.binomialBoundPoints(), 1e-6);
        assertEquals(1.0, drop.difference().standardError(), 1e-12);
        assertEquals(2 - 12.706204736, drop.low(), 1e-6);
        assertEquals(2 + 12.706204736, drop.high(), 1e-6);
        assertFalse(drop.resolved());
        assertEquals("2.00 pp [-10.71, 14.71], not resolved", drop.describe());
        VariantFigures fp16 = v.get(1);
        assertEquals(0.5, fp16.speedup(), 1e-12);
        assertEquals(null, fp16.modelBytes());
        assertEquals(null, fp16.accuracyDropPoints());
    }

    /** Equal drops on both seeds have no spread: the binomial bound is the standard error. */
    @Test
    void equalDropsTakeTheBinomialError() {
        double d = 1 / 2.56; // one image of 256, in pp
        AccuracyDrop drop = VariantFigures.of(null, List.of(), null, accuracy(run(KEY, 0, d, 0.98, 256), run(KEY, 1, d, 0.98, 256)))
                .get(0).drop();
        double bound = 100 * Math.sqrt(2 * (0.02 - 0.00390625 * 0.00390625) / 256) / 2; // 0.62476 pp
        assertEquals(0.624762, bound, 1e-6);
        assertEquals(bound, drop.difference().standardError(), 1e-12);
        assertEquals(d - 12.706204736 * bound, drop.low(), 1e-6);
        assertEquals(d + 12.706204736 * bound, drop.high(), 1e-6);
        assertFalse(drop.resolved());
        // a run.json without the image count (0) has no binomial floor: equal drops then have no interval
        AccuracyDrop unknown = VariantFigures.of(null, List.of(), null, accuracy(run(KEY, 0, d, 0.98, 0), run(KEY, 1, d, 0.98, 0)))
                .get(0).drop();
        assertEquals("0.39 pp (2 seeds, no interval)", unknown.describe());
    }

    /** A seed whose variant its output check refused (no accuracy: NaN) is neither in the mean nor a replicate. */
    @Test
    void aRefusedSeedIsLeftOut() {
        List<VariantFigures> v = VariantFigures.of(null, List.of(), null, accuracy(run(0, 2.0, 0.98),
                run(1, Double.NaN, Double.NaN)));
        assertEquals(1, v.get(0).accuracyDropPoints().count());
        assertEquals(2.0, v.get(0).accuracyDropPoints().mean(), 0);
        assertEquals(0.98, v.get(0).agreementWithFp32().mean(), 0);
        assertEquals("2.00 pp (1 seed, no interval)", v.get(0).drop().describe());
    }

    /** One seed has no interval over seeds, however many images. */
    @Test
    void oneSeedHasNoInterval() {
        AccuracyDrop drop = VariantFigures.of(null, List.of(), null, accuracy(run(KEY, 0, 3, 0.9, 10000))).get(0).drop();
        assertEquals(Double.NEGATIVE_INFINITY, drop.low());
        assertEquals("3.00 pp (1 seed, no interval)", drop.describe());
    }

    /**
     * Two rows form one family, on one seed-to-seed variance of the drops: SS 0.08 (5.0, 5.2, 4.8) +
     * 0.0762939 (0.390625, 0) on 2 + 1 df, 0.0520980. The 5 pp drop over 3 seeds on 10,000 images:
     * √(0.052098 / 3) = 0.131780 is below the binomial floor 100 √(Σ (0.1 − drop²) / 10000) / 3 =
     * 0.180275 pp, which it takes, on 3 df: p = 0.000103 (SciPy), called at Holm's first level 0.025
     * (t(0.9875, 3) = 4.17653). 0.39 and 0 pp over 2 seeds is not resolved, at 0.05.
     */
    @Test
    void dropsOfABoardAreOneHolmFamily() {
        ModelRef other = ModelRef.of("RepMixer", "late");
        LeaderboardRow big = row(KEY, accuracy(run(KEY, 0, 5.0, 0.9, 10000), run(KEY, 1, 5.2, 0.9, 10000),
                run(KEY, 2, 4.8, 0.9, 10000)));
        LeaderboardRow small = row(other, accuracy(run(other, 0, 0.390625, 0.99, 256), run(other, 1, 0, 0.99, 256)));
        List<LeaderboardRow> rows = VariantFigures.withDropFamilies(List.of(big, small));
        AccuracyDrop a = rows.get(0).variants().get(0).drop();
        AccuracyDrop b = rows.get(1).variants().get(0).drop();
        double bound = 100 * Math.sqrt((0.3 - (0.05 * 0.05 + 0.052 * 0.052 + 0.048 * 0.048)) / 10000) / 3;
        assertEquals(0.180275, bound, 1e-6);
        assertEquals(bound, a.difference().standardError(), 1e-9);
        assertEquals(3, a.difference().degreesOfFreedom(), 0);
        assertEquals(0.000102882, a.difference().pValue(), 1e-8);
        assertEquals(0.025, a.level(), 1e-15);
        assertEquals(5.0 - 4.176534846 * bound, a.low(), 1e-6);
        assertEquals(5.0 + 4.176534846 * bound, a.high(), 1e-6);
        assertTrue(a.resolved());
        assertEquals(0.05, b.level(), 1e-15);
        assertEquals(3, b.difference().degreesOfFreedom(), 0);
        assertFalse(b.resolved());
    }

    /** Rows whose seeds' drops scatter little lend the family a variance a two-seed row alone could not estimate. */
    @Test
    void pooledVarianceResolvesWhatOneRowsTwoSeedsCannot() {
        ModelRef other = ModelRef.of("RepMixer", "late");
        // 2 seeds each on 2,048 images: 3.0/3.2 pp and 0.1/0.2 pp; alone, t(0.975, 1) = 12.7 makes the first [-10, 16]
        LeaderboardRow big = row(KEY, accuracy(run(KEY, 0, 3.0, 0.95, 2048), run(KEY, 1, 3.2, 0.95, 2048)));
        LeaderboardRow small = row(other, accuracy(run(other, 0, 0.1, 0.99, 2048), run(other, 1, 0.2, 0.99, 2048)));
        AccuracyDrop alone = VariantFigures.withDropFamilies(List.of(big)).get(0).variants().get(0).drop();
        assertEquals(1, alone.difference().degreesOfFreedom(), 0);
        assertFalse(alone.resolved());
        AccuracyDrop a = VariantFigures.withDropFamilies(List.of(big, small)).get(0).variants().get(0).drop();
        assertEquals(2, a.difference().degreesOfFreedom(), 0);
        assertTrue(a.resolved(), a.describe());
    }

    private static LeaderboardRow row(ModelRef key, AccuracySummary acc) {
        return new LeaderboardRow(key, "synthetic", 10, null, null, null, acc, null, null, null, null, Map.of(), null, null,
                VariantFigures.of(null, List.of(), null, acc));
    }

    /**
     * INT8 provenance: the ISA from the variant's metadata, the one from the sweep's sidecar, a mismatch
     * flagged, and the worst tensor read from the report beside the variant (its SHA-256 checked).
     */
    @Test
    void int8RowStatesItsInstructionSetsAndWorstTensor(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path results = dir.resolve("jmh/run1/results.json");
        java.nio.file.Files.createDirectories(results.getParent());
        java.nio.file.Files.writeString(results, "[]");
        org.blockbench.bench.result.RunEnvironment env = new org.blockbench.bench.result.RunEnvironment("2026-12-07T00:00:00Z",
                "Intel Xeon", 2, 2, "Linux", "jvm", "1.22", "onnxruntime", List.of("CPU"), "abc", false, "absent", "absent",
                "Intel Xeon (avx512+vnni)", List.of("avx512f", "avx512_vnni"));
        new org.blockbench.bench.result.ResultsMetadata(org.blockbench.bench.result.ResultsMetadata.FORMAT, "results.json", "run1",
                "all", env.capturedAt(), env, null, null, null, null, null, null, null)
                .write(org.blockbench.bench.result.ResultsMetadata.sidecarOf(results));
        LatencyResult fp32 = new LatencyResult(KEY, "deploy", 1, "cpu", 1, "all", "avgt", 10, 1, Stats.of(10), Double.NaN, 10, 10,
                10, 10, 3, results);
        LatencyResult int8 = new LatencyResult(KEY, "int8", 1, "cpu", 1, "all", "avgt", 4, 0.5, Stats.of(4), Double.NaN, 4, 4,
                4, 4, 3, results);
        Path models = dir.resolve("onnx-models");
        ModelFile deploy = new ModelFile("RepMixer/mid/deploy.onnx", "x", 4000, 1000);
        ManifestEntry entry = new ManifestEntry("RepMixer", "mid", "input", List.of("batch", 3, 32, 32), "logits", 10, 17,
                1000, 0, deploy, deploy, null, List.of(new VariantFile("int8",
                        new ModelFile("RepMixer/mid/deploy.int8.onnx", "sha-of-int8", 1100, 1000),
                        Map.of(org.blockbench.quant.QdqQuantizer.ISA_KEY, "AMD EPYC 7B13 (avx2, no VNNI)",
                                org.blockbench.quant.QdqQuantizer.REDUCE_RANGE_KEY, "true (7-bit weights)"))));
        org.blockbench.export.Manifest manifest = new org.blockbench.export.Manifest(org.blockbench.export.Manifest.FORMAT, 0, 10,
                32, "pytorch", 17, List.of(entry));
        Path report = models.resolve("RepMixer/mid/deploy.int8.explain.json");
        new org.blockbench.quant.TensorErrorFile(org.blockbench.quant.TensorErrorFile.FORMAT, "RepMixer/mid", "sha-of-int8", "hand",
                List.of(new org.blockbench.quant.TensorErrorFile.Tensor("stageB.0/Add", "activation", 21.14, 1, 0.0077, 10),
                        new org.blockbench.quant.TensorErrorFile.Tensor("stageB.0.conv.weight", "weight", 40, 1, 1e-4, 10)))
                .write(report);
        List<String> notes = new java.util.ArrayList<>();
        VariantEvidence evidence = VariantEvidence.load(manifest, models.resolve("manifest.json"), List.of(fp32, int8), notes);
        assertEquals(List.of(), notes);
        Int8Provenance p = VariantFigures.of(fp32, List.of(fp32, int8), entry, null, evidence).get(0).int8();
        assertEquals("avx2, no VNNI", p.quantizedForText());
        assertEquals("Intel Xeon (avx512+vnni)", p.measuredOn());
        assertTrue(p.isaMismatch());
        assertEquals("avx512+vnni ≠ quantized for avx2, no VNNI", p.measuredOnText());
        assertEquals("stageB.0/Add (21.1 dB)", p.worstTensorText());
        assertEquals("int8-explain/RepMixer/mid/deploy.int8.explain.json", p.link());

        // a report of another file (SHA-256 differs) is not shown, with a note
        new org.blockbench.quant.TensorErrorFile(org.blockbench.quant.TensorErrorFile.FORMAT, "RepMixer/mid", "stale", "hand",
                List.of()).write(report);
        VariantEvidence stale = VariantEvidence.load(manifest, models.resolve("manifest.json"), List.of(), notes);
        assertTrue(stale.tensorReports().isEmpty());
        assertEquals(1, notes.size(), notes.toString());
        Int8Provenance none = VariantFigures.of(fp32, List.of(fp32), entry, null, stale).get(0).int8();
        assertNull(none.measuredOn());
        assertFalse(none.isaMismatch());
        assertNull(none.link());
    }
}
