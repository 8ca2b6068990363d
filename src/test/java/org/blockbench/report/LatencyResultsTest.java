package org.blockbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.blockbench.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyResultsTest {

    @TempDir
    Path dir;

    @Test
    void readsForksPercentilesAndUnits() throws Exception {
        ReportFixtures.Tree t = ReportFixtures.write(dir);
        LatencyResults.Reading reading = LatencyResults.readDirectory(t.jmh());
        Map<String, LatencyResult> byModel = reading.results().stream().filter(r -> r.batch() == 1)
                .collect(Collectors.toMap(r -> r.model().label(), Function.identity()));

        LatencyResult early = byModel.get("ResNetBasicBlock/early");
        assertEquals("sample", early.mode());
        assertEquals(1.625, early.meanMs(), 1e-12);
        // fork means (1*3 + 2*1)/4 = 1.25 and (1.5*2 + 2.5*2)/4 = 2.0
        assertEquals(2, early.forkMeansMs().count());
        assertEquals(1.625, early.forkMeansMs().mean(), 1e-12);
        assertEquals(Math.sqrt(2 * 0.375 * 0.375), early.forkMeansMs().sampleStandardDeviation(), 1e-12);
        // call std over the 8 samples 1,1,1,2,1.5,1.5,2.5,2.5 (mean 1.625)
        double ss = 3 * 0.625 * 0.625 + 0.375 * 0.375 + 2 * 0.125 * 0.125 + 2 * 0.875 * 0.875;
        assertEquals(Math.sqrt(ss / 7), early.callStdMs(), 1e-12);
        assertEquals(8, early.samples());
        assertEquals(2.5, early.p90Ms(), 0);
        assertEquals("p90", early.rankingLatencyKind());
        assertTrue(Double.isNaN(early.scoreErrorMs()), "JMH's \"NaN\" string reads as NaN");

        // AverageTime in us/op: converted to ms; forks 0.4 and 0.6
        LatencyResult mobile = byModel.get("MobileOneBlock/early");
        assertEquals(0.5, mobile.meanMs(), 1e-12);
        assertEquals(0.0125, mobile.scoreErrorMs(), 1e-12);
        assertEquals(Math.sqrt(0.02), mobile.forkMeansMs().sampleStandardDeviation(), 1e-12);
        assertTrue(Double.isNaN(mobile.p90Ms()));
        assertEquals("mean", mobile.rankingLatencyKind());
        assertEquals(2000.0, mobile.throughputImagesPerSecond(), 1e-9);

        // the sweep run (recorded start time) replaces old.json's ResNetBasicBlock/mid, though old.json's mtime is newer
        assertEquals(3.0, byModel.get("ResNetBasicBlock/mid").meanMs(), 0);
        assertTrue(reading.notes().stream().anyMatch(n -> n.contains("run started 2026-01-02T00:00:00Z) replaces the older ")
                && n.endsWith("old.json (no recorded start time)")), reading.notes().toString());
        // throughput results and the metadata sidecar are passed over, with a note
        assertEquals(7, reading.results().size());
        assertTrue(reading.notes().stream().anyMatch(n -> n.startsWith("1 JMH result(s)")), reading.notes().toString());
    }

    @Test
    void runsThatCannotBeOrderedAreRefused() throws Exception {
        ReportFixtures.Tree t = ReportFixtures.write(dir);
        Files.delete(t.jmh().resolve("sweep/run.meta.json"));
        BadInputException e = assertThrows(BadInputException.class, () -> LatencyResults.readDirectory(t.jmh()));
        assertTrue(e.getMessage().contains("neither run records a later start time"), e.getMessage());
    }

    @Test
    void missingDirectoryIsANoteNotAnError() {
        LatencyResults.Reading r = LatencyResults.readDirectory(dir.resolve("absent"));
        assertTrue(r.results().isEmpty());
        assertTrue(r.notes().get(0).contains("does not exist"), r.notes().toString());
    }

    @Test
    void malformedFilesAreNamed() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "[{\"benchmark\": \"x\", ");
        Files.writeString(dir.resolve(".hidden.json"), "hidden files are never read");
        BadInputException e = assertThrows(BadInputException.class, () -> LatencyResults.readDirectory(dir));
        assertTrue(e.getMessage().startsWith(bad.toString()), e.getMessage());

        Files.writeString(bad, "[" + ReportFixtures.sample("A/early", 1, "ops/s", 1, 1, new double[][][] {{{1, 1}}}) + "]");
        e = assertThrows(BadInputException.class, () -> LatencyResults.readDirectory(dir));
        assertTrue(e.getMessage().contains("'ops/s' is not a time per operation"), e.getMessage());
        assertTrue(e.getMessage().startsWith(bad + " record 0 (org.blockbench.bench.jmh.OrtInferenceBenchmark.run) field "
                + "primaryMetric.scoreUnit: "), e.getMessage());
    }
}
