package org.blockbench.bench.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Locale;
import org.blockbench.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one JMH reader's policy, rule by rule (see {@link JmhReader}). */
class JmhReaderTest {

    @TempDir
    Path dir;

    /** One avgt record of benchmark a.B.c with param n, score {@code score} and the given rawData. */
    static String record(String n, String score, String error, String rawData) {
        return String.format(Locale.ROOT, """
                {"benchmark": "a.B.c", "mode": "avgt", "params": {"n": "%s"},
                 "primaryMetric": {"score": %s, "scoreError": %s, "scoreUnit": "ms/op", "rawData": %s}}""",
                n, score, error, rawData);
    }

    static String array(String... records) {
        return "[" + String.join(",\n", records) + "]\n";
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    /**
     * {@code overhead} then {@code leaderboard}: an overhead run's profiled and plain JMH files
     * share one identity with different numbers; under a results root they used to make every
     * read of it exit 2. Its directory is skipped whole; the latency run beside it is read.
     */
    @Test
    void anOverheadRunsDirectoryIsNotReadAsLatency() throws Exception {
        write("runs/bench/results.json", array(record("1", "2.0", "0.1", "[[2.0]]")));
        write("runs/overhead-1/k.profiled.jmh.json", array(record("1", "3.0", "0.1", "[[3.0]]")));
        write("runs/overhead-1/k.jmh.json", array(record("1", "2.5", "0.1", "[[2.5]]")));
        write("runs/overhead-1/overhead.json", "{\"format\": \"blockbench-overhead/1\"}");
        List<JmhRecord> records = JmhReader.read(dir.resolve("runs")).records();
        assertEquals(1, records.size());
        assertEquals(2.0, records.get(0).primary().score(), 0);
        assertEquals(List.of(dir.resolve("runs/bench/results.json")), JmhReader.jsonFilesUnder(dir.resolve("runs")));
    }

    @Test
    void overheadDefaultsToTheDirectoryTheLeaderboardReadsBreakdownsFrom() {
        var overhead = new picocli.CommandLine(new org.blockbench.cli.OverheadCommand()).getCommandSpec().findOption("-o");
        var board = new picocli.CommandLine(new org.blockbench.cli.LeaderboardCommand()).getCommandSpec();
        assertEquals(board.findOption("--overhead").defaultValue(), overhead.defaultValue());
        assertFalse(overhead.defaultValue().equals(board.findOption("--jmh-results").defaultValue()));
    }

    @Test
    void nanScoreErrorMeansNoInterval() throws Exception {
        Path f = write("one.json", array(record("1", "2.0", "\"NaN\"", "[[2.0]]")));
        JmhRecord r = JmhReader.read(f).records().get(0);
        assertFalse(r.primary().hasInterval());
        assertEquals(2.0, r.primary().score(), 0);
        assertEquals(1, r.primary().samples().count());
        assertEquals(SampleKind.ITERATION_SCORES, r.primary().sampleKind());
        assertEquals("a.B.c avgt {n=1}", r.identity());
    }

    @Test
    void badNumbersNameFileRecordAndField() throws Exception {
        Path f = write("bad.json", array(record("1", "2.0", "0.1", "[[2.0]]"), record("2", "2.0", "0.1", "[[2.0, \"Infinity\"]]")));
        BadInputException e = assertThrows(BadInputException.class, () -> JmhReader.read(f));
        assertEquals(f + ": record 1 (a.B.c) field primaryMetric.rawData[0][1]: expected a finite number >= 0, found the string "
                + "\"Infinity\"", e.getMessage());
        Path err = write("err.json", array(record("1", "2.0", "\"Infinity\"", "[[2.0]]")));
        e = assertThrows(BadInputException.class, () -> JmhReader.read(err));
        assertTrue(e.getMessage().endsWith("field primaryMetric.scoreError: expected a finite number >= 0 or \"NaN\", found the "
                + "string \"Infinity\""), e.getMessage());
        Path fork = write("fork.json", array(record("1", "2.0", "0.1", "[[2.0], []]")));
        e = assertThrows(BadInputException.class, () -> JmhReader.read(fork));
        assertTrue(e.getMessage().endsWith("field primaryMetric.rawData[1]: expected a non-empty array, found []"), e.getMessage());
        Path zero = write("zero.json", "[{\"benchmark\": \"a.B.c\", \"mode\": \"sample\", \"primaryMetric\": {\"score\": 1,"
                + " \"scoreError\": 0, \"scoreUnit\": \"ms/op\", \"rawDataHistogram\": [[[[1.0, 0]]]]}}]");
        e = assertThrows(BadInputException.class, () -> JmhReader.read(zero));
        assertTrue(e.getMessage().endsWith("field primaryMetric.rawDataHistogram[0][0][0][1]: expected a positive integer count, found 0"),
                e.getMessage());
        Path truncated = write("truncated.json", "[" + record("1", "2.0", "0.1", "[[2.0]]") + ",");
        e = assertThrows(BadInputException.class, () -> JmhReader.read(truncated));
        assertTrue(e.getMessage().startsWith(truncated + ": record 1: "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void hiddenFilesAndSidecarsAreSkippedAndRepeatsInARunCountOnce() throws Exception {
        String a = record("1", "2.0", "0.1", "[[2.0]]");
        String b = record("2", "3.0", "0.1", "[[3.0]]");
        write("run/configs/n1.json", array(a));
        write("run/configs/n2.json", array(b));
        write("run/results.json", array(a, b));
        write("run/results.meta.json", "{\"format\": \"blockbench-jmh-metadata/2\", \"started_at\": \"2026-01-01T00:00:00Z\"}");
        write("run/configs/n1.meta.json", "{\"key\": \"n1\"}");
        write("run/bench-run.json", "{\"format\": \"blockbench-bench-run/2\", \"jmh\": {}}");
        write(".trash/old.json", "not JSON");
        write("run/.results.json.tmp.json", "[");
        JmhResults read = JmhReader.read(dir);
        assertEquals(List.of("a.B.c avgt {n=1}", "a.B.c avgt {n=2}"), read.records().stream().map(JmhRecord::identity).toList());
        assertTrue(read.notes().contains("2 record(s) repeated byte for byte (per-config file and merged results) counted once"),
                read.notes().toString());
        // the same identity with other data inside one run is an error naming both files
        write("run/configs/n1.json", array(record("1", "2.5", "0.1", "[[2.5]]")));
        BadInputException e = assertThrows(BadInputException.class, () -> JmhReader.read(dir));
        assertTrue(e.getMessage().contains(dir.resolve("run/configs/n1.json") + " record 0 (a.B.c)")
                && e.getMessage().contains(dir.resolve("run/results.json") + " record 0 (a.B.c)"), e.getMessage());
    }

    @Test
    void acrossRunsTheLaterRecordedStartWinsNotTheFileTime() throws Exception {
        Path older = write("jmh-results/night1/results.json", array(record("1", "2.0", "0.1", "[[2.0]]")));
        Path newer = write("jmh-results/night2/results.json", array(record("1", "4.0", "0.1", "[[4.0]]")));
        new ResultsMetadata(ResultsMetadata.FORMAT, "results.json", "night1", "all", "2026-01-01T00:00:00Z", null, null, null, null,
                null, null, null, null).write(ResultsMetadata.sidecarOf(older));
        new ResultsMetadata(ResultsMetadata.FORMAT, "results.json", "night2", "all", "2026-01-02T00:00:00Z", null, null, null, null,
                null, null, null, null).write(ResultsMetadata.sidecarOf(newer));
        Files.setLastModifiedTime(older, FileTime.fromMillis(4_000_000_000_000L));
        JmhResults read = JmhReader.read(dir.resolve("jmh-results"));
        assertEquals(1, read.records().size());
        assertEquals(4.0, read.records().get(0).primary().score(), 0);
        assertTrue(read.notes().contains("a.B.c avgt {n=1}: " + newer + " (run started 2026-01-02T00:00:00Z) replaces the older "
                + older + " (run started 2026-01-01T00:00:00Z)"), read.notes().toString());
        // merge reads its inputs as one set, so the same pair is a conflict there
        assertThrows(BadInputException.class, () -> JmhReader.readAsOneSet(List.of(older, newer)));
        // without start times the runs cannot be ordered
        Files.delete(ResultsMetadata.sidecarOf(newer));
        Files.delete(ResultsMetadata.sidecarOf(older));
        BadInputException e = assertThrows(BadInputException.class, () -> JmhReader.read(dir.resolve("jmh-results")));
        assertTrue(e.getMessage().contains("neither run records a later start time"), e.getMessage());
    }

    @Test
    void metadataRoundTripsAndFallsBackToTheEnvironmentsCaptureTime() throws Exception {
        Path meta = write("results.meta.json", "{\"format\": \"blockbench-jmh-metadata/2\", \"run\": \"r\", \"unknown\": 1,"
                + " \"environment\": {\"captured_at\": \"2026-03-04T05:06:07Z\", \"ort_providers\": []}}");
        ResultsMetadata m = ResultsMetadata.read(meta);
        assertEquals("r", m.run());
        assertEquals("2026-03-04T05:06:07Z", m.runStart().orElseThrow().toString());
        Path copy = dir.resolve("copy.meta.json");
        m.write(copy);
        assertEquals(m.runStart(), ResultsMetadata.read(copy).runStart());
        Files.writeString(meta, "{\"format\": \"blockbench-jmh-metadata/2\", \"started_at\": \"yesterday\"}");
        assertThrows(BadInputException.class, () -> ResultsMetadata.read(meta).runStart());
    }

    @Test
    void aSidecarOfTheFormerVersionIsRefusedInOneLine() throws Exception {
        Path meta = write("results.meta.json", "{\"format\": \"blockbench-jmh-metadata/1\", \"startedAt\": \"2026-01-01T00:00:00Z\"}");
        BadInputException e = assertThrows(BadInputException.class, () -> ResultsMetadata.read(meta));
        assertEquals(meta + ": format 'blockbench-jmh-metadata/1', expected 'blockbench-jmh-metadata/2' (written by"
                + " `blockbench bench` or `merge` of this version; run it again)", e.getMessage());
    }
}
