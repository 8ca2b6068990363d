package org.blockbench.bench.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.blockbench.BadInputException;
import org.blockbench.bench.TinyModels;
import org.blockbench.bench.jmh.OrtInferenceBenchmark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** JMH JSON written by JMH, split and spliced by us, is byte-for-byte what JMH writes. */
class JmhJsonTest {

    @TempDir
    static Path dir;

    static List<RunResult> results;

    @BeforeAll
    static void runTwoConfigsInProcess() throws Exception {
        System.setProperty("jmh.ignoreLock", "true");
        Path model = TinyModels.convNet(dir.resolve("net.onnx"), 4, 2, 0);
        results = new ArrayList<>(new Runner(new OptionsBuilder()
                .include("^" + OrtInferenceBenchmark.class.getName().replace(".", "\\.") + "\\.run$")
                .param("model", model.toString()).param("batch", "1", "2")
                .forks(0).warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.milliseconds(100))
                .addProfiler("gc").verbosity(VerboseMode.SILENT).build()).run());
        assertEquals(2, results.size());
    }

    @Test
    void splicedElementsAreExactlyJmhsOwnArray() {
        String together = JmhJson.write(results);
        List<JmhRecord> pieces = new ArrayList<>();
        for (RunResult r : results) {
            pieces.addAll(JmhReader.parse(JmhJson.write(List.of(r)), Path.of("one")));
        }
        assertEquals(together, JmhJson.array(pieces));
        assertEquals(together, JmhJson.array(JmhReader.parse(together, Path.of("both"))));
    }

    @Test
    void resultsHaveJmhsStructure() {
        for (JmhRecord e : JmhReader.parse(JmhJson.write(results), Path.of("both"))) {
            JsonNode t = e.tree();
            assertEquals(e.primary().score(), t.get("primaryMetric").get("score").asDouble());
            assertEquals(OrtInferenceBenchmark.class.getName() + ".run", t.get("benchmark").asText());
            assertEquals("sample", t.get("mode").asText());
            assertEquals(1, t.get("threads").asInt());
            assertEquals(0, t.get("forks").asInt());
            for (String p : List.of("model", "form", "batch", "provider", "intraOpThreads", "optLevel")) {
                assertTrue(t.get("params").get(p).isTextual(), "params are strings: " + p);
            }
            JsonNode m = t.get("primaryMetric");
            for (String f : List.of("score", "scoreError", "scoreConfidence", "scorePercentiles", "scoreUnit", "rawDataHistogram")) {
                assertTrue(m.has(f), f);
            }
            for (String pct : List.of("50.0", "90.0", "99.0", "99.9")) {
                assertTrue(m.get("scorePercentiles").get(pct).isNumber(), pct);
            }
            assertEquals("ms/op", m.get("scoreUnit").asText());
            // one iteration: JMH cannot give an error for the allocation metric and writes NaN as a string
            JsonNode alloc = t.get("secondaryMetrics").get("gc.alloc.rate.norm");
            assertEquals("NaN", alloc.get("scoreError").asText());
            assertTrue(alloc.get("scoreError").isTextual());
            ResultRow row = ResultRow.of(e);
            assertTrue(row.p50() > 0 && row.p50() <= row.p90() && row.p90() <= row.p99() && row.p99() <= row.p999(), row.toString());
            assertTrue(row.allocBytesPerOp() > 0);
            assertTrue(Double.isNaN(row.energyJoulesPerOp()));
        }
    }

    @Test
    void malformedFilesFailNamingThem() {
        assertEquals("r.json: expected a JMH JSON result array, found an empty file",
                assertThrows(BadInputException.class, () -> JmhReader.parse("", Path.of("r.json"))).getMessage());
        String text = JmhJson.write(results);
        BadInputException e = assertThrows(BadInputException.class, () -> JmhReader.parse(text.substring(0, text.length() / 2), Path.of("r.json")));
        assertTrue(e.getMessage().startsWith("r.json: "), e.getMessage());
        assertEquals("r.json: record 0 field benchmark: expected a non-empty string, found nothing",
                assertThrows(BadInputException.class, () -> JmhReader.parse("[{\"mode\":\"x\"}]", Path.of("r.json"))).getMessage());
    }

    @Test
    void emptyArrayIsJmhsEmptyArray() {
        assertEquals(JmhJson.write(List.of()), JmhJson.array(List.of()));
    }
}
