package org.blockbench.report;

import org.blockbench.model.ModelRef;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
        return new SeedResult(KEY, "synthetic", "blockzoo", seed, 1, 64, 1e-3, 50, 50, 1, 10, "", "run.json", null, 1024,
                List.of(new SeedResult.VariantSeed("int8", 50 - drop, drop, agreement)));
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
        VariantFigures fp16 = v.get(1);
        assertEquals(0.5, fp16.speedup(), 1e-12);
        assertEquals(null, fp16.modelBytes());
        assertEquals(null, fp16.accuracyDropPoints());
    }
}
