package org.blockbench.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.blockbench.bench.BenchConfig;
import org.blockbench.bench.JmhSettings;
import org.blockbench.bench.TinyModels;
import org.blockbench.bench.sweep.ConfigExecutor;
import org.blockbench.ort.OptimizationLevel;
import org.blockbench.ort.Provider;
import org.blockbench.text.Progress;
import org.blockbench.zoo.Form;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code ab} and {@code bench} time the same path ({@code OrtInferenceBenchmark}, same session,
 * seeded input and parameter names): on one tiny model with the same settings ab sets bench's
 * parameter values and their average times agree within a factor 2. Short: one fork each, 5 × 200
 * ms measured; it asserts no speed.
 */
class AbBenchAgreementTest {

    @Test
    void abAndBenchGiveTheSameLatencyWithinTheirIntervals(@TempDir Path dir) throws Exception {
        System.setProperty("jmh.ignoreLock", "true");
        Path model = TinyModels.convNet(dir.resolve("tiny.onnx"), 32, 16, 0);

        JmhSettings settings = new JmhSettings(Optional.of(1), Optional.of(2), Optional.of(TimeValue.milliseconds(200)),
                Optional.of(5), Optional.of(TimeValue.milliseconds(200)), List.of(Mode.AverageTime), TimeUnit.MILLISECONDS);
        BenchConfig config = new BenchConfig(model.toString(), Form.DEPLOY, 1, Provider.CPU, 1, OptimizationLevel.ALL);
        Collection<RunResult> bench = new ConfigExecutor(settings, List.of(), null).run(config, dir, java.util.Map.of(),
                dir.resolve("bench.log"));
        double[] benchInterval = bench.iterator().next().getPrimaryResult().getScoreConfidence();

        AbSide side = new AbSide("A", model, 1, "all", 1);
        AbRunner.Outcome ab = AbRunner.run(side, new AbSide("B", model, 1, "all", 1), new AbPlan(1, 2, 200, 5, 200, "avgt"),
                VerdictPolicy.DEFAULTS, Metric.PRIMARY, 0, dir.resolve("ab"), Progress.Factory.NONE);
        JsonNode record = new ObjectMapper().readTree(ab.aJson().toFile()).get(0);
        double[] abInterval = {record.at("/primaryMetric/scoreConfidence/0").asDouble(),
                record.at("/primaryMetric/scoreConfidence/1").asDouble()};

        assertEquals(new TreeSet<>(config.jmhParams().keySet()), new TreeSet<>(side.jmhParams().keySet()),
                "ab sets bench's parameters by bench's names");
        assertEquals("ms/op", record.at("/primaryMetric/scoreUnit").asText());
        String figures = String.format(Locale.ROOT, "bench %.5f [%.5f, %.5f] ms/op, ab %.5f [%.5f, %.5f] ms/op",
                bench.iterator().next().getPrimaryResult().getScore(), benchInterval[0], benchInterval[1],
                record.at("/primaryMetric/score").asDouble(), abInterval[0], abInterval[1]);
        System.out.println("ab vs bench, tiny.onnx (3->16 conv, 32x32, batch 1, 1 thread): " + figures);
        // the two runs happen minutes apart on a shared machine, so their 99.9 % intervals, which hold only each run's own
        // noise, need not overlap (they missed by 0.7 % in one CI run under load); timing the same call, their scores are
        // within a factor 2, where a different path (session creation, a copy of the outputs) would be off by orders of
        // magnitude. The speed itself is the benchmarks' business, not a unit test's.
        double ratio = record.at("/primaryMetric/score").asDouble() / bench.iterator().next().getPrimaryResult().getScore();
        assertTrue(ratio > 0.5 && ratio < 2, figures);
        assertEquals(new TreeSet<>(config.jmhParams().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()),
                new TreeSet<>(side.jmhParams().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()),
                "ab measures bench's config: the same parameter values");
    }
}
