package org.blockbench.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.blockbench.bench.result.SampleKind;

class ComparisonReportJsonTest {

    static JsonNode written(ComparisonReport report) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ComparisonReportFormat.of("json").write(report, out);
        return new ObjectMapper().readTree(out.toByteArray());
    }

    @Test
    void carriesEveryNumberOfTheComparisons() throws Exception {
        ComparisonReport report = ComparisonGoldens.fixtureReport();
        JsonNode root = written(report);
        assertEquals(ComparisonReportFile.FORMAT, root.get("format").asText());
        assertEquals("2025-01-02T03:04:05Z", root.get("created_at").asText());
        assertEquals(0.01, root.at("/policy/alpha").asDouble());
        assertEquals(0.05, root.at("/policy/threshold").asDouble());
        assertEquals(1, root.at("/summary/slower").asInt());
        assertTrue(root.at("/summary/regression").asBoolean());
        assertEquals(report.comparisons().size(), root.get("comparisons").size());
        for (int i = 0; i < report.comparisons().size(); i++) {
            Comparison c = report.comparisons().get(i);
            JsonNode j = root.get("comparisons").get(i);
            assertEquals(c.key().benchmark(), j.get("benchmark").asText());
            assertEquals(c.key().params().get("size"), j.at("/params/size").asText());
            assertEquals(c.verdict().text(), j.get("verdict").asText());
            assertEquals(c.timeRatio(), j.get("time_ratio").asDouble(), 0);
            assertEquals(c.fastestForkRatio(), j.get("fastest_fork_ratio").asDouble(), 0);
            assertEquals(c.pValue(), j.get("p_value").asDouble(), 0);
            assertEquals(c.interval().low(), j.get("ci_low").asDouble(), 0);
            assertEquals(c.baseCount(), j.get("base_samples").asLong());
        }
        assertEquals("org.sample.Bench.added", root.at("/added/0/benchmark").asText());
        assertEquals("org.sample.Bench.gone", root.at("/removed/0/benchmark").asText());
    }

    @Test
    void notComputedNumbersAreNulls() throws Exception {
        BenchmarkKey key = RegressionCheckTest.KEY;
        Comparison c = new Comparison(key, "ms/op", SampleKind.ITERATION_SCORES, 0, 3, 0, 0, Double.NaN, 1.0, Double.NaN,
                Double.NaN, null, Double.NaN, Verdict.INCONCLUSIVE, "no finite samples in baseline (3 NaN/Infinity dropped)");
        ComparisonReport r = new ComparisonReport("t", "b", "n", VerdictPolicy.DEFAULTS, List.of(c), List.of(), List.of(),
                List.of(), Instant.EPOCH);
        JsonNode j = written(r).get("comparisons").get(0);
        assertTrue(j.get("p_value").isNull(), "one rule for every JSON we write: NaN as null, " + j);
        assertTrue(j.get("ci_low").isNull());
        assertTrue(j.get("fastest_fork_ratio").isNull());
        assertTrue(j.get("base_median").isNull());
        assertEquals(1.0, j.get("new_median").asDouble(), 0, "finite numbers stay numbers");
    }

    @Test
    void readsBackAsTheRecordItWasWrittenFrom(@TempDir Path dir) throws Exception {
        ComparisonReport report = ComparisonGoldens.fixtureReport();
        Path file = dir.resolve("compare.json");
        try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(file)) {
            ComparisonReportFormat.of("json").write(report, out);
        }
        ComparisonReportFile read = ComparisonReportFile.read(file);
        assertEquals(ComparisonReportFile.of(report).summary(), read.summary());
        assertEquals(ComparisonReportFile.of(report).comparisons(), read.comparisons());
        assertEquals(report.comparisons().get(0).timeRatio(), read.comparisons().get(0).timeRatio(), 0);
        assertEquals("org.sample.Bench.gone", read.removed().get(0).benchmark());
        java.nio.file.Files.writeString(file, "{\"format\": \"blockbench-regress/0\"}");
        org.blockbench.BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(org.blockbench.BadInputException.class,
                () -> ComparisonReportFile.read(file));
        assertEquals(file + ": format 'blockbench-regress/0', expected 'blockbench-regress/1' (written by `blockbench compare`"
                + " of this version; run it again)", e.getMessage());
    }
}
