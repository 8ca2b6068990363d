package org.blockbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seals every output format with a golden file (JMH's ResultFormatTest style): the fixture
 * leaderboard rendered in each format must equal the file under
 * src/test/resources/org/blockbench/report/golden/, byte for byte once the temporary directory
 * is replaced by {@code <tmp>}. After an intended format change, regenerate with
 * {@code mvn -o test -Dtest=ReportFormatGoldenTest -Dblockbench.updateGolden=true} and review the diff.
 */
class ReportFormatGoldenTest {

    static final Path GOLDEN = Path.of("src/test/resources/org/blockbench/report/golden");

    @TempDir
    Path dir;

    @Test
    void everyFormatMatchesItsGoldenFile() throws Exception {
        ReportFixtures.Tree t = ReportFixtures.write(dir);
        // a user's file with a name that needs quoting in CSV and escaping in Markdown
        Files.writeString(t.jmh().resolve("user.json"), "[" + ReportFixtures.sample(dir.resolve("my, \"odd\" | *net*.onnx").toString(),
                1, "ms/op", 2.0, 2.0, new double[][][] {{{2.0, 4}}}) + "]");
        Leaderboard lb = LeaderboardBuilder.build(LeaderboardInputs.load(t.manifest(), t.analysis(), t.jmh(), t.training()),
                LeaderboardSettings.defaults(), k -> true);
        Map<String, LeaderboardFormat> formats = new LinkedHashMap<>(LeaderboardWriter.formats());
        formats.put("leaderboard-noplots.html", new LeaderboardHtml(List.of()));
        boolean update = Boolean.getBoolean("blockbench.updateGolden");
        for (Map.Entry<String, LeaderboardFormat> f : formats.entrySet()) {
            String actual = new String(f.getValue().render(lb), StandardCharsets.UTF_8).replace(dir.toString(), "<tmp>");
            Path golden = GOLDEN.resolve(f.getKey());
            if (update) {
                Files.createDirectories(GOLDEN);
                Files.writeString(golden, actual);
            }
            assertEquals(Files.readString(golden), actual, f.getKey() + " differs from " + golden);
        }
    }
}
