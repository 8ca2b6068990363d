package org.blockbench.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CompareJob} driven from Java, with no command line in the path. */
class CompareJobTest {

    private static final Path BASE = ResultSetsTest.FIXTURES.resolve("base-avgt.json");
    private static final Path NEW = ResultSetsTest.FIXTURES.resolve("new-avgt.json");

    private static CompareRequest request(Path base, Path history, boolean append, Path out) {
        return new CompareRequest(base, NEW, history, History.DEFAULT_WINDOW, append, null, false, Metric.PRIMARY,
                VerdictPolicy.DEFAULTS, BusyMachineGuard.DEFAULT_MIN_SHARE,
                new ComparisonReportFiles(out, "compare", List.of("md", "json")));
    }

    @Test
    void twoRunsGiveTheVerdictsAndTheReportFiles(@TempDir Path out) throws Exception {
        CompareJob.Compared compared = assertInstanceOf(CompareJob.Compared.class,
                CompareJob.run(request(BASE, null, true, out), new RunFiles()));
        assertTrue(compared.regression());
        assertEquals(1, compared.report().count(Verdict.SLOWER));
        assertTrue(compared.missing(), "the baseline's benchmark 'gone' is not in NEW");
        assertEquals(List.of(out.resolve("compare.md"), out.resolve("compare.json")), compared.reports());
        assertTrue(Files.readString(out.resolve("compare.md")).contains("**Result: REGRESSION**"));
        assertEquals(List.of(), compared.historyFiles());
        List<String> lines = compared.summary();
        assertEquals("REGRESSION: 1 benchmark(s) slower", lines.get(lines.size() - 1));
        assertEquals("reports: " + compared.reports(), lines.get(lines.size() - 2));
        assertEquals(1, lines.stream().filter(l -> l.startsWith("removed      ")).count(), lines.toString());
        assertEquals(1, lines.stream().filter(l -> l.startsWith("added        ")).count(), lines.toString());
    }

    @Test
    void anEmptyHistoryComparesNothingAndStoresTheRunWhenAsked(@TempDir Path dir) throws Exception {
        Path history = dir.resolve("history");
        CompareJob.NoBaseline kept = assertInstanceOf(CompareJob.NoBaseline.class,
                CompareJob.run(request(null, history, false, dir.resolve("out")), new RunFiles()));
        assertNull(kept.stored());
        assertEquals("history " + history + " is empty: no baseline yet, nothing compared", kept.message());
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");

        CompareJob.NoBaseline stored = assertInstanceOf(CompareJob.NoBaseline.class,
                CompareJob.run(request(null, history, true, dir.resolve("out")), new RunFiles()));
        assertTrue(Files.isRegularFile(stored.stored()), String.valueOf(stored.stored()));
        assertEquals(history.resolve("runs"), stored.stored().getParent());
        assertEquals(kept.message() + "; stored " + stored.stored() + " as the first run", stored.message());

        CompareJob.Compared compared = assertInstanceOf(CompareJob.Compared.class,
                CompareJob.run(request(null, history, true, dir.resolve("out")), new RunFiles()));
        // the history's one run is NEW itself
        assertFalse(compared.regression());
        assertTrue(compared.report().comparisons().stream().allMatch(c -> c.verdict() == Verdict.UNCHANGED),
                compared.summary().toString());
        assertTrue(compared.historyFiles().size() > 1, "the run stored and its trend plots: " + compared.historyFiles());
        assertTrue(compared.historyFiles().stream().allMatch(Files::isRegularFile), compared.historyFiles().toString());
    }
}
