package org.blockbench.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.blockbench.BadInputException;
import org.blockbench.bench.result.SampleKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultSetsTest {

    static final Path FIXTURES = Path.of("src/test/resources/regress");

    static BenchmarkKey key(String method, Map<String, String> params, String mode) {
        return BenchmarkKey.of("org.sample.Bench." + method, params, mode);
    }

    @Test
    void rawDataGivesOneSamplePerIteration() {
        ResultSet set = ResultSets.read(FIXTURES.resolve("base-avgt.json"));
        assertEquals(3, set.runs().size());
        BenchmarkRun alpha = set.runs().get(key("alpha", Map.of("size", "10", "kind", "conv"), "avgt"));
        assertEquals(SampleKind.ITERATION_SCORES, alpha.sampleKind());
        assertEquals("ms/op", alpha.unit().text());
        assertEquals(10, alpha.samples().count());
        assertEquals(2, alpha.forks());
        // sorted: .97 .98 .99 .995 1.00 1.00 1.01 1.01 1.02 1.03 → median 1.00
        assertEquals(1.00, alpha.samples().median(), 1e-12);
    }

    @Test
    void paramOrderDoesNotChangeIdentity() {
        // new-avgt.json writes alpha's params as kind, size; base-avgt.json as size, kind
        ResultSet base = ResultSets.read(FIXTURES.resolve("base-avgt.json"));
        ResultSet fresh = ResultSets.read(FIXTURES.resolve("new-avgt.json"));
        BenchmarkKey alpha = key("alpha", Map.of("kind", "conv", "size", "10"), "avgt");
        assertTrue(base.runs().containsKey(alpha) && fresh.runs().containsKey(alpha));
    }

    @Test
    void nanAndInfinitySamplesAreRefusedNamingFileRecordAndField() {
        Path nan = FIXTURES.resolve("nan-avgt.json");
        BadInputException e = assertThrows(BadInputException.class, () -> ResultSets.read(nan));
        assertEquals(nan + ": record 0 (org.sample.Bench.alpha) field primaryMetric.rawData[0][0]: expected a finite number >= 0,"
                + " found the string \"NaN\"", e.getMessage());
    }

    @Test
    void histogramGivesOneSamplePerOperation() {
        BenchmarkRun run = ResultSets.read(FIXTURES.resolve("base-sample.json")).runs().values().iterator().next();
        assertEquals(SampleKind.OPERATION_SAMPLES, run.sampleKind());
        // fork 0: 3+10+4+1 and 2+12+3; fork 1: 5+9+2 and 11+5+1 → 68 operations
        assertEquals(68, run.samples().count());
        assertEquals(2, run.forks());
        // value 0.24 holds ranks 10..52 of 68 (0.23 ×3, 0.231 ×2, 0.232 ×5 below it), so the median is 0.24
        assertEquals(0.24, run.samples().median(), 1e-12);
        BenchmarkRun fresh = ResultSets.read(FIXTURES.resolve("new-sample.json")).runs().values().iterator().next();
        assertEquals("us/op", fresh.unit().text());
    }

    @Test
    void realJmhOutputWithBothShapes() {
        // written by JMH 1.37 for AbLatencyBenchmark: -bm avgt,sample -f 2 -i 2
        ResultSet set = ResultSets.read(FIXTURES.resolve("jmh-1.37-real.json"));
        assertEquals(2, set.runs().size());
        for (BenchmarkRun run : set.runs().values()) {
            if (run.key().mode().equals("avgt")) {
                assertEquals(4, run.samples().count());
            } else {
                assertEquals("sample", run.key().mode());
                assertEquals(14194, run.samples().count(), "JMH's own 'Cnt' column for this run");
                assertEquals(0.239872, run.samples().median(), 1e-9, "JMH's own p0.50");
            }
        }
    }

    @Test
    void malformedJsonNamesTheFileAndPosition(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("broken.json");
        Files.writeString(bad, "[\n  {\"benchmark\" : \"x\",\n   \"mode\" : }\n]");
        BadInputException e = assertThrows(BadInputException.class, () -> ResultSets.read(bad));
        assertTrue(e.getMessage().startsWith(bad + ": record 0: malformed JSON at line 3"), e.getMessage());
    }

    @Test
    void recordErrorsNameFileRecordAndField(@TempDir Path dir) throws Exception {
        Path noRaw = dir.resolve("noraw.json");
        Files.writeString(noRaw, "[{\"benchmark\":\"a.B.c\",\"mode\":\"avgt\",\"primaryMetric\":{\"score\":1,\"scoreError\":\"NaN\",\"scoreUnit\":\"ms/op\"}}]");
        BadInputException e = assertThrows(BadInputException.class, () -> ResultSets.read(noRaw));
        assertEquals(noRaw + ": record 0 (a.B.c) field primaryMetric: has neither rawData nor rawDataHistogram; "
                + "expected JMH JSON written with -rf json", e.getMessage());
        Path badValue = dir.resolve("badvalue.json");
        Files.writeString(badValue, "[{\"benchmark\":\"a.B.c\",\"mode\":\"avgt\",\"primaryMetric\":{\"score\":1,\"scoreError\":0,"
                + "\"scoreUnit\":\"ms/op\",\"rawData\":[[1.0,\"fast\"]]}}]");
        e = assertThrows(BadInputException.class, () -> ResultSets.read(badValue));
        assertTrue(e.getMessage().contains("field primaryMetric.rawData[0][1]: expected a finite number >= 0, found the string \"fast\""), e.getMessage());
        Path object = dir.resolve("object.json");
        Files.writeString(object, "{\"benchmark\":\"x\"}");
        e = assertThrows(BadInputException.class, () -> ResultSets.read(object));
        assertEquals(object + ": expected a JMH JSON result array, found an object", e.getMessage());
        Path unit = dir.resolve("unit.json");
        Files.writeString(unit, "[{\"benchmark\":\"a.B.c\",\"mode\":\"avgt\",\"primaryMetric\":{\"score\":1,\"scoreError\":0,"
                + "\"scoreUnit\":\"furlongs\",\"rawData\":[[1]]}}]");
        e = assertThrows(BadInputException.class, () -> ResultSets.read(unit));
        assertTrue(e.getMessage().contains("field primaryMetric.scoreUnit: unknown score unit 'furlongs'"), e.getMessage());
    }

    @Test
    void directoryFollowsTheOneReadersPolicy(@TempDir Path dir) throws Exception {
        Files.copy(FIXTURES.resolve("base-avgt.json"), dir.resolve("part1.json"));
        Files.writeString(dir.resolve("run-metadata.json"), "{\"machine\":\"x\"}");
        Files.writeString(dir.resolve(".part3.json.tmp.json"), "not json at all");
        Files.writeString(dir.resolve("part1.meta.json"), "not json either: sidecars are not results");
        Files.writeString(dir.resolve("notes.txt"), "ignored");
        // blockbench bench's layout: configs/<key>.json and a merged results.json repeat the same records
        Files.createDirectories(dir.resolve("configs"));
        Files.copy(FIXTURES.resolve("base-avgt.json"), dir.resolve("configs/copy.json"));
        ResultSet set = ResultSets.read(dir);
        BenchmarkRun alpha = set.runs().get(key("alpha", Map.of("size", "10", "kind", "conv"), "avgt"));
        assertEquals(10, alpha.samples().count(), "a record repeated byte for byte counts once, never pooled");
        assertEquals(2, alpha.forks());
        assertTrue(set.notes().contains("skipped run-metadata.json: a JSON object, not a JMH result array"), set.notes().toString());
        assertTrue(set.notes().contains("3 record(s) repeated byte for byte (per-config file and merged results) counted once"),
                set.notes().toString());
        // the same identity with other data in one run is refused, naming both files
        Files.copy(FIXTURES.resolve("new-avgt.json"), dir.resolve("configs/other.json"));
        BadInputException e = assertThrows(BadInputException.class, () -> ResultSets.read(dir));
        assertTrue(e.getMessage().contains(dir.resolve("configs/copy.json") + " record 0")
                && e.getMessage().contains(dir.resolve("configs/other.json") + " record "), e.getMessage());
    }

    @Test
    void missingOrEmptyInputs(@TempDir Path dir) {
        BadInputException e = assertThrows(BadInputException.class, () -> ResultSets.read(dir.resolve("nope.json")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        e = assertThrows(BadInputException.class, () -> ResultSets.read(dir));
        assertTrue(e.getMessage().startsWith("no JMH benchmark records in " + dir), e.getMessage());
    }
}
