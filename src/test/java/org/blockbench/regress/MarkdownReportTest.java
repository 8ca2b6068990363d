package org.blockbench.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Golden-file test of the Markdown report. To accept an intended change of the format, run
 * with {@code -Dregress.updateGolden=true} once and review the diff of the golden file.
 */
class MarkdownReportTest {

    static final Path GOLDEN = ResultSetsTest.FIXTURES.resolve("golden/compare.md");

    static ComparisonReport fixtureReport() {
        Path f = ResultSetsTest.FIXTURES;
        ResultSet base = ResultSets.read(f.resolve("base-avgt.json"));
        ResultSet fresh = ResultSets.read(f.resolve("new-avgt.json"));
        return RegressionCheck.compare("new-avgt.json vs base-avgt.json", base, fresh, VerdictPolicy.DEFAULTS,
                Instant.parse("2025-01-02T03:04:05Z"));
    }

    @Test
    void matchesTheGoldenFile() throws Exception {
        String actual = MarkdownReport.render(fixtureReport());
        if (Boolean.getBoolean("regress.updateGolden")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, actual);
        }
        assertEquals(Files.readString(GOLDEN), actual);
    }
}
