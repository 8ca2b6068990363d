package org.blockbench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.blockbench.analysis.AnalysisGoldens;
import org.blockbench.regress.ComparisonGoldens;
import org.blockbench.report.LeaderboardGoldens;

/**
 * Golden files of the output formats (JMH's ResultFormatTest style): tests read them from the
 * class path and never write them. After an intended format change, regenerate them all with
 * <pre>
 * mvn -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.blockbench.GoldenFiles
 * </pre>
 * and read the diff ({@code git diff src/test/resources}) before committing it; see docs/testing.md.
 */
public final class GoldenFiles {

    /** Where the goldens live in the source tree (the class path root of test resources). */
    static final Path RESOURCES = Path.of("src/test/resources");

    private GoldenFiles() {
    }

    /** The golden file {@code resource} (a class-path path such as "org/blockbench/report/golden/leaderboard.csv"). */
    public static String read(String resource) {
        try (InputStream in = GoldenFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("no golden file " + resource + " on the class path; generate it with "
                        + "org.blockbench.GoldenFiles (docs/testing.md)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read golden file " + resource, e);
        }
    }

    /** Regenerates every golden file under src/test/resources; prints each path written. */
    public static void main(String[] args) throws IOException {
        Map<String, String> all = new TreeMap<>();
        Path tmp = Files.createTempDirectory("blockbench-golden");
        all.putAll(LeaderboardGoldens.renderAll(tmp));
        all.putAll(ComparisonGoldens.renderAll());
        all.putAll(AnalysisGoldens.renderAll());
        for (Map.Entry<String, String> e : all.entrySet()) {
            Path file = RESOURCES.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
            System.out.println("wrote " + file);
        }
        System.out.println("now read the diff: git diff -- " + RESOURCES);
    }
}
