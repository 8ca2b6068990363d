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
import org.blockbench.zoo.Form;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code ab} and {@code bench} time the same path ({@code OrtInferenceBenchmark}, same session,
 * seeded input and parameter names): on one tiny model with the same settings their average
 * times agree within their 99.9 % intervals. Short: one fork each, 5 × 200 ms measured; it
 * asserts that the intervals overlap, never a speed.
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
                VerdictPolicy.DEFAULTS, Metric.PRIMARY, 0, dir.resolve("ab"));
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
        assertTrue(Math.max(benchInterval[0], abInterval[0]) <= Math.min(benchInterval[1], abInterval[1]), figures);
    }
}
