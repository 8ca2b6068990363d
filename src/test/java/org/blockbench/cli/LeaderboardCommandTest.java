package org.blockbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.blockbench.report.ReportFixtures;
import org.blockbench.report.LeaderboardWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeaderboardCommandTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CliRunner.execute(new StringWriter(), err, args);
    }

    @Test
    void writesEveryOutput() throws Exception {
        ReportFixtures.Tree t = ReportFixtures.write(dir);
        Path out = dir.resolve("analysis");
        assertEquals(ExitCodes.OK, run("leaderboard", "--model-dir", t.manifest().getParent().toString(), "--jmh-results",
                t.jmh().toString(), "--training", t.training().toString(), "-o", out.toString()), err.toString());
        for (String f : List.of(LeaderboardWriter.BLOCKZOO_CSV, LeaderboardWriter.GWO_CSV, LeaderboardWriter.FULL_CSV, LeaderboardWriter.BLOCKS_CSV,
                LeaderboardWriter.JSON, LeaderboardWriter.MARKDOWN, LeaderboardWriter.HTML, "plots/synthetic-accuracy-vs-latency.png",
                "plots/synthetic-accuracy-vs-latency.svg", "plots/cifar10-gwo-networks-accuracy-vs-memory.svg")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        // the GWO CSV holds the published baseline scores, one row per run
        List<String> gwo = Files.readAllLines(out.resolve(LeaderboardWriter.GWO_CSV));
        assertEquals("timestamp,model_name,score,test_accuracy,train_accuracy,generalization_gap,omega_proxy,c_d,c_p_M,"
                + "latency_ms,throughput_imgs_sec,seed", gwo.get(0));
        assertTrue(gwo.stream().anyMatch(l -> l.startsWith("2026-11-22T07:00:00Z,DeformableConv/gwo-net,771.4,69.45,81,11.55,8.00311,8,0.003114,0.5,2000,0")),
                String.join("\n", gwo));
        // PNG magic and an SVG document
        byte[] png = Files.readAllBytes(out.resolve("plots/synthetic-accuracy-vs-latency.png"));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        assertTrue(Files.readString(out.resolve("plots/synthetic-accuracy-vs-latency.svg")).contains("<svg"));
        try (var s = Files.list(out)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files left");
        }
    }

    @Test
    void missingInputsGiveEmptyCellsNotFailure() throws Exception {
        Path out = dir.resolve("analysis");
        assertEquals(ExitCodes.OK, run("leaderboard", "--model-dir", dir.resolve("nothing").toString(), "--jmh-results",
                dir.resolve("none").toString(), "--training", dir.resolve("none").toString(), "-o", out.toString()), err.toString());
        String md = Files.readString(out.resolve(LeaderboardWriter.MARKDOWN));
        assertTrue(md.contains("no manifest:"), md);
        assertTrue(md.contains("no JMH results:"), md);
        assertEquals(1, Files.readAllLines(out.resolve(LeaderboardWriter.BLOCKZOO_CSV)).size(), "header only");
    }

    @Test
    void oldSpellingsWriteTheSameBoardWithANotice() throws Exception {
        ReportFixtures.Tree t = ReportFixtures.write(dir);
        assertEquals(ExitCodes.OK, run("leaderboard", "--model-dir", t.manifest().getParent().toString(), "--jmh-results",
                t.jmh().toString(), "--training", t.training().toString(), "--out", dir.resolve("new").toString()));
        assertEquals("", err.toString());
        assertEquals(ExitCodes.OK, run("leaderboard", "--models", t.manifest().getParent().toString(), "--jmh-results",
                t.jmh().toString(), "--training", t.training().toString(), "--output", dir.resolve("old").toString()));
        assertEquals(List.of("blockbench: --models DIR is deprecated and goes in the next release; use --model-dir DIR",
                "blockbench: --output is deprecated and goes in the next release; use --out"), err.toString().strip().lines().toList());
        assertEquals(Files.readString(dir.resolve("new").resolve(LeaderboardWriter.FULL_CSV)),
                Files.readString(dir.resolve("old").resolve(LeaderboardWriter.FULL_CSV)));
    }

    @Test
    void selectionNarrowsTheZoo() throws Exception {
        ReportFixtures.Tree t = ReportFixtures.write(dir);
        Path out = dir.resolve("analysis");
        assertEquals(ExitCodes.OK, run("leaderboard", "--model-dir", t.manifest().getParent().toString(), "--jmh-results",
                t.jmh().toString(), "--training", t.training().toString(), "-o", out.toString(), "--blocks", "MobileOneBlock"));
        List<String> rows = Files.readAllLines(out.resolve(LeaderboardWriter.FULL_CSV));
        assertEquals(1 + 2, rows.size(), "header + MobileOneBlock early and late, one dataset (synthetic): " + rows);
    }

    @Test
    void badOptionsAreOneLineErrors() {
        assertEquals(ExitCodes.BAD_INPUT, run("leaderboard", "--alpha", "-1", "-o", dir.toString()));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().contains("alpha must be a finite number >= 0, found -1.0"), err.toString());
        assertEquals(ExitCodes.BAD_INPUT, run("leaderboard", "--target-accuracy", "120", "-o", dir.toString()));
        assertEquals(ExitCodes.BAD_INPUT, run("leaderboard", "--blocks", "NoSuchBlock", "-o", dir.toString()));
    }
}
