package org.blockbench.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.blockbench.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link AaCheck} driven from Java, with no command line in the path. */
class AaCheckTest {

    private static AaCheckRequest request(List<Path> inputs, int window, Path out) {
        return new AaCheckRequest(inputs, window, 0.01, List.of(0.05, 0.2), Metric.PRIMARY, VerdictPolicy.DEFAULTS,
                BusyMachineGuard.DEFAULT_MIN_SHARE, out, "aa");
    }

    @Test
    void countsTheSlowerVerdictsOfEveryDesignAndWritesTheReport(@TempDir Path dir) throws Exception {
        Path runs = Files.createDirectories(dir.resolve("runs"));
        Files.copy(ResultSetsTest.FIXTURES.resolve("base-avgt.json"), runs.resolve("a.json"));
        Files.copy(ResultSetsTest.FIXTURES.resolve("base-avgt.json"), runs.resolve("b.json"));
        Files.copy(ResultSetsTest.FIXTURES.resolve("new-avgt.json"), runs.resolve("c.json"));
        Files.copy(ResultSetsTest.FIXTURES.resolve("new-avgt.json"), runs.resolve(".hidden.json"));

        AaCheck.Result result = AaCheck.run(request(List.of(runs), 2, dir.resolve("out")), new RunFiles());

        // no CPU time in these runs: no guarded design; three runs exceed the window of 2, so the nightly design
        assertEquals(List.of("every pair of runs (later against earlier)",
                "each run against the pooled 2 runs before it (nightly --history design)"),
                result.outcomes().stream().map(AaCalibration.Outcome::design).toList());
        // c's benchmark alpha is slower than a's and b's, and than their pool
        assertEquals(List.of(2L, 1L), result.outcomes().stream().map(o -> o.counts().get(Verdict.SLOWER)).toList());
        assertTrue(result.tooMany());
        assertEquals(dir.resolve("out").resolve("aa.md"), result.report());
        assertEquals(result.markdown(), Files.readString(result.report()));
        assertTrue(result.markdown().startsWith("# A/A calibration\n\n3 runs of the same code (a.json … c.json), "),
                result.markdown());
        assertTrue(result.markdown().contains("| design | 5 % | 20 % |\n"), result.markdown());
    }

    @Test
    void identicalRunsRaiseNoAlarm(@TempDir Path dir) throws Exception {
        Path base = ResultSetsTest.FIXTURES.resolve("base-avgt.json");
        AaCheck.Result result = AaCheck.run(request(List.of(base, base), 5, dir), new RunFiles());
        assertEquals(1, result.outcomes().size());
        assertEquals(0L, result.outcomes().get(0).counts().get(Verdict.SLOWER));
        assertFalse(result.tooMany());
        assertFalse(result.markdown().contains("## False alarms"), result.markdown());
    }

    @Test
    void oneRunIsRefused(@TempDir Path dir) {
        Path base = ResultSetsTest.FIXTURES.resolve("base-avgt.json");
        BadInputException e = assertThrows(BadInputException.class,
                () -> AaCheck.run(request(List.of(base), 5, dir), new RunFiles()));
        assertEquals("A/A calibration needs at least 2 runs, found 1 in [" + base + "]", e.getMessage());
        assertFalse(Files.exists(dir.resolve("aa.md")));
    }
}
