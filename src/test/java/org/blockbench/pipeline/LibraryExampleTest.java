package org.blockbench.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.blockbench.cli.BlockBench;
import org.blockbench.text.Progress;
import org.blockbench.zoo.build.ZooSelection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/library.md's example, as written there: a job driven from Java with no picocli in the
 * path, which writes the same manifest, analysis and board as {@code blockbench run} with the
 * same selection.
 */
class LibraryExampleTest {

    @TempDir
    Path dir;

    @Test
    void aJobFromJavaWritesWhatTheCommandLineWrites() throws Exception {
        Path root = dir.resolve("library");
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text, true);

        // docs/library.md
        Workspace workspace = Workspace.under(root);
        JobRequest request = JobRequest.quick(workspace)
                .withSelection(new ZooSelection(List.of("StandardConv"), List.of("early"), false))
                .skipping(Stage.BENCH, Stage.TRAIN);
        Job.Result result = new Job(out, out, Progress.Factory.NONE).run(request, new Job.Listener() { });
        // end of docs/library.md

        assertEquals(0, result.exit(), text.toString());
        assertEquals(List.of("export", "analyze", "bench", "train", "leaderboard"),
                result.outcomes().stream().map(o -> o.step().name()).toList());
        assertEquals(List.of(false, false, true, true, false), result.outcomes().stream().map(Job.Outcome::skipped).toList());

        Path cli = dir.resolve("cli");
        int code = BlockBench.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(new StringWriter()))
                .execute("run", "--blocks", "StandardConv", "--positions", "early", "--no-gwo-network", "--skip", "bench,train",
                        "--model-dir", cli.resolve(Workspace.MODEL_DIR).toString(), "--jmh-results",
                        cli.resolve(Workspace.JMH_RESULTS).toString(), "--training", cli.resolve(Workspace.TRAINING).toString(),
                        "-o", cli.resolve(Workspace.ANALYSIS).toString());
        assertEquals(0, code);
        Workspace byCli = Workspace.under(cli);
        assertArrayEquals(Files.readAllBytes(byCli.manifest()), Files.readAllBytes(workspace.manifest()), "manifest.json");
        assertArrayEquals(Files.readAllBytes(byCli.analysisFile()), Files.readAllBytes(workspace.analysisFile()), "analysis.json");
        for (String board : List.of("leaderboard.csv", "results.csv", "benchmark_results.csv", "leaderboard-blocks.csv")) {
            assertArrayEquals(Files.readAllBytes(byCli.analysis().resolve(board)), Files.readAllBytes(workspace.analysis().resolve(board)),
                    board);
        }
        assertTrue(Files.readString(workspace.analysis().resolve("leaderboard.csv")).contains("StandardConv"));
    }
}
