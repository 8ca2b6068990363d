package org.blockbench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixture leaderboard rendered in every format, keyed by golden file (class-path path).
 * Besides the zoo fixture it holds users' model files whose names attack each format: CSV
 * formulas ({@code =1+1}, {@code @SUM(...)}, {@code =HYPERLINK(...)}, {@code -2+3},
 * {@code +cmd}), HTML and Markdown markup, a name with a newline, and one that needs CSV
 * quoting. Shared by {@link LeaderboardFormatGoldenTest} and {@link org.blockbench.GoldenFiles}.
 */
public final class LeaderboardGoldens {

    /** Class-path directory of the goldens. */
    static final String DIR = "org/blockbench/report/golden/";

    /** Users' model file names, each hostile to some output format. */
    static final List<String> HOSTILE_NAMES = List.of("my, \"odd\" | *net*.onnx", "=1+1.onnx", "@SUM(A1:A9).onnx",
            "=HYPERLINK(\"evil.example\";\"click\").onnx", "-2+3.onnx", "+cmd.onnx",
            "<img src=x onerror=alert(1)> `tick` [a](b) #h.onnx", "two\nlines.onnx");

    private LeaderboardGoldens() {
    }

    /** The fixture leaderboard, its files under {@code dir}. */
    static Leaderboard leaderboard(Path dir) throws IOException {
        ReportFixtures.Tree t = ReportFixtures.write(dir);
        StringBuilder users = new StringBuilder("[");
        for (int i = 0; i < HOSTILE_NAMES.size(); i++) {
            double ms = 2.0 + i;
            users.append(i > 0 ? ",\n" : "").append(ReportFixtures.sample(dir.resolve(HOSTILE_NAMES.get(i)).toString(), 1,
                    "ms/op", ms, ms, new double[][][] {{{ms, 4}}}));
        }
        Files.writeString(t.jmh().resolve("user.json"), users.append("]").toString());
        return LeaderboardBuilder.build(LeaderboardInputs.load(t.manifest(), t.analysis(), t.jmh(), t.training()),
                LeaderboardSettings.defaults(), k -> true);
    }

    /** Every format's golden, the temporary directory written as {@code <tmp>}. */
    public static Map<String, String> renderAll(Path dir) throws IOException {
        Leaderboard lb = leaderboard(dir);
        Map<String, LeaderboardFormat> formats = new LinkedHashMap<>(LeaderboardWriter.formats());
        formats.put("leaderboard-noplots.html", new LeaderboardHtml(List.of()));
        Map<String, String> out = new LinkedHashMap<>();
        formats.forEach((name, format) -> out.put(DIR + name,
                new String(format.render(lb), StandardCharsets.UTF_8).replace(dir.toString(), "<tmp>")));
        return out;
    }
}
