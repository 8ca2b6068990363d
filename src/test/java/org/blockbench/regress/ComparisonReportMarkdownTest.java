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
class ComparisonReportMarkdownTest {

    static final Path GOLDEN = JmhResultReaderTest.FIXTURES.resolve("golden/compare.md");

    static ComparisonReport fixtureReport() {
        Path f = JmhResultReaderTest.FIXTURES;
        ResultSet base = JmhResultReader.read(f.resolve("base-avgt.json"));
        ResultSet fresh = JmhResultReader.read(f.resolve("new-avgt.json"));
        return RegressionCheck.compare("new-avgt.json vs base-avgt.json", base, fresh, VerdictPolicy.DEFAULTS,
                Instant.parse("2025-01-02T03:04:05Z"));
    }

    @Test
    void matchesTheGoldenFile() throws Exception {
        String actual = ComparisonReportMarkdown.render(fixtureReport());
        if (Boolean.getBoolean("regress.updateGolden")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, actual);
        }
        assertEquals(Files.readString(GOLDEN), actual);
    }
}
