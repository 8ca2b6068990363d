package org.blockbench.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.blockbench.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTest {

    static final Path F = ResultSetsTest.FIXTURES;

    @Test
    void appendsInTimeOrderAndPoolsTheWindow(@TempDir Path dir) throws Exception {
        History h = new History(dir);
        assertEquals(List.of(), h.entries());
        HistoryEntry first = h.append(F.resolve("base-avgt.json"), Instant.parse("2025-01-01T00:00:00Z"));
        HistoryEntry second = h.append(F.resolve("new-avgt.json"), Instant.parse("2025-01-02T00:00:00Z"));
        HistoryEntry again = h.append(F.resolve("base-avgt.json"), Instant.parse("2025-01-03T00:00:00Z"));
        assertEquals(first, again, "the same content is stored once");
        assertTrue(first.name().startsWith("20250101T000000Z-") && first.name().endsWith(".json"), first.name());
        assertEquals(List.of(first, second), h.entries());
        // stored files are JMH JSON: the reader reads them like the originals
        assertEquals(ResultSets.read(F.resolve("base-avgt.json")).runs().keySet(),
                ResultSets.read(first.file()).runs().keySet());

        assertEquals(List.of(second), h.window(1, null));
        assertEquals(List.of(first), h.window(5, second));
        ResultSet pooled = h.pooled(h.window(5, null), Metric.PRIMARY);
        BenchmarkKey alpha = BenchmarkKey.of("org.sample.Bench.alpha", Map.of("size", "10", "kind", "conv"), "avgt");
        BenchmarkKey beta = BenchmarkKey.of("org.sample.Bench.beta", Map.of("size", "10", "kind", "conv"), "avgt");
        assertEquals(20, pooled.runs().get(alpha).samples().count(), "10 + 10 iterations");
        assertEquals(4, pooled.runs().get(alpha).forks());
        // beta is us/op in the first run and ns/op in the newer one: pooled in the newest unit
        assertEquals("ns/op", pooled.runs().get(beta).unit().text());
        assertEquals(250_250.0, pooled.runs().get(beta).samples().median(), 1e-6);
        assertTrue(pooled.source().contains("last 2 runs pooled"), pooled.source());
        assertThrows(BadInputException.class, () -> h.window(0, null));
    }

    @Test
    void aMalformedRunNeverEntersTheHistory(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "[{]");
        History h = new History(dir.resolve("h"));
        assertThrows(BadInputException.class, () -> h.append(bad, Instant.EPOCH));
        assertEquals(List.of(), h.entries());
    }

    @Test
    void foreignFilesInRunsAreRefused(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("runs"));
        Files.writeString(dir.resolve("runs/mine.json"), "[]");
        BadInputException e = assertThrows(BadInputException.class, () -> new History(dir).entries());
        assertTrue(e.getMessage().contains("is not named <yyyyMMddTHHmmssZ>-<hash>.json"), e.getMessage());
    }

    @Test
    void aaCalibrationCountsFalseAlarms() {
        ResultSet base = ResultSets.read(F.resolve("base-avgt.json"));
        ResultSet slower = ResultSets.read(F.resolve("new-avgt.json"));
        // runs: base, base, slower → pair (0,1): alpha, beta, gone unchanged; (0,2) and (1,2): alpha slower,
        // beta unchanged (gone and added are not in both)
        AaCalibration.Outcome o = AaCalibration.allPairs(List.of(base, base, slower), VerdictPolicy.DEFAULTS);
        assertEquals(3, o.rounds());
        assertEquals(7, o.comparisons());
        assertEquals(2L, o.counts().get(Verdict.SLOWER));
        assertEquals(5L, o.counts().get(Verdict.UNCHANGED));
        assertEquals(2, o.falseAlarms().size());
        assertEquals(2.0 / 7, o.slowerRate(), 1e-12);
        // alpha is 20 % slower: still slower at a 10 % threshold, no longer at 25 %
        double[] rates = o.slowerRateAt(new double[] {0.05, 0.10, 0.25}, VerdictPolicy.DEFAULTS);
        assertEquals(2.0 / 7, rates[0], 1e-12);
        assertEquals(2.0 / 7, rates[1], 1e-12);
        assertEquals(0.0, rates[2], 0);
        AaCalibration.Outcome clean = AaCalibration.allPairs(List.of(base, base), VerdictPolicy.DEFAULTS);
        // 0 of 3: one-sided 95 % Clopper-Pearson upper bound 1 - 0.05^(1/3)
        assertEquals(1 - Math.cbrt(0.05), clean.slowerRateUpper95(), 1e-9);
        AaCalibration.Outcome rolling = AaCalibration.rolling(List.of(base, base, slower), 2, VerdictPolicy.DEFAULTS);
        assertEquals(1, rolling.rounds());
        assertEquals(1L, rolling.counts().get(Verdict.SLOWER));
    }
}
