package org.blockbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.blockbench.GoldenFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seals each leaderboard format with its golden file (JMH's ResultFormatTest style): one test
 * per format, so one format's change never hides another's. The goldens are read from the
 * class path and never written here; regenerate them with {@link GoldenFiles} (docs/testing.md).
 */
class LeaderboardFormatGoldenTest {

    @TempDir
    static Path dir;

    private static Map<String, String> rendered;

    @BeforeAll
    static void render() throws IOException {
        rendered = LeaderboardGoldens.renderAll(dir);
    }

    private static void check(String name) {
        String resource = LeaderboardGoldens.DIR + name;
        assertEquals(GoldenFiles.read(resource), rendered.get(resource), name + " differs from its golden file");
    }

    @Test
    void blockZooResultsCsv() {
        check(LeaderboardWriter.BLOCKZOO_CSV);
    }

    @Test
    void gwoBenchmarkResultsCsv() {
        check(LeaderboardWriter.GWO_CSV);
    }

    @Test
    void fullLeaderboardCsv() {
        check(LeaderboardWriter.FULL_CSV);
    }

    @Test
    void blockSummaryCsv() {
        check(LeaderboardWriter.BLOCKS_CSV);
    }

    @Test
    void leaderboardJson() {
        check(LeaderboardWriter.JSON);
    }

    @Test
    void leaderboardMarkdown() {
        check(LeaderboardWriter.MARKDOWN);
    }

    @Test
    void leaderboardHtmlWithoutPlots() {
        check("leaderboard-noplots.html");
    }
}
