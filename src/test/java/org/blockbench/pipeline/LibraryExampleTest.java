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
import java.util.Map;
import java.util.Optional;
import org.blockbench.bench.JmhSettings;
import org.blockbench.data.DatasetName;
import org.blockbench.train.TrainingProtocol;
import org.openjdk.jmh.runner.options.TimeValue;
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

        Workspace byCli = sameFilesFromTheCommandLine(workspace, "--skip", "bench,train");
        for (String board : List.of("leaderboard.csv", "results.csv", "benchmark_results.csv", "leaderboard-blocks.csv")) {
            assertArrayEquals(Files.readAllBytes(byCli.analysis().resolve(board)), Files.readAllBytes(workspace.analysis().resolve(board)),
                    board);
        }
        assertTrue(Files.readString(workspace.analysis().resolve("leaderboard.csv")).contains("StandardConv"));
    }

    /**
     * A whole job, every step, on one model at the smallest settings: the Java request and the
     * command line export, analyse and train the same (manifest, analysis, every deterministic
     * column of the board) and each measures the one config; only measured times differ.
     */
    @Test
    void aWholeJobFromJavaMeasuresAndTrainsAsTheCommandLineDoes() throws Exception {
        Workspace workspace = Workspace.under(dir.resolve("library"));
        JmhSettings tiny = new JmhSettings(Optional.of(1), Optional.of(1), Optional.of(TimeValue.milliseconds(100)), Optional.of(1),
                Optional.of(TimeValue.milliseconds(100)), JmhSettings.quick().modes(), JmhSettings.quick().timeUnit());
        JobRequest request = JobRequest.quick(workspace)
                .withSelection(new ZooSelection(List.of("StandardConv"), List.of("early"), false))
                .withBench(tiny, 1)
                .withTraining(TrainingProtocol.QUICK.withImageFraction(1.0 / 16), DatasetName.SYNTHETIC, List.of(0L));
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text, true);
        Job.Result result = new Job(out, out, Progress.Factory.NONE).run(request, new Job.Listener() { });
        assertEquals(0, result.exit(), text.toString());
        assertTrue(result.outcomes().stream().noneMatch(Job.Outcome::skipped));

        Workspace byCli = sameFilesFromTheCommandLine(workspace, "--dataset", "synthetic", "--seeds", "0", "--train-size", "128",
                "--val-size", "128", "--train-processes", "1", "--forks", "1", "--warmup-iterations", "1", "--warmup-time",
                "100ms", "--iterations", "1", "--iteration-time", "100ms", "--rounds", "1");
        List<Map<String, String>> java = boardRows(workspace);
        List<Map<String, String>> command = boardRows(byCli);
        assertEquals(1, java.size());
        assertEquals(command, java);
        assertTrue(Double.parseDouble(java.get(0).get("val_accuracy_pct_mean")) > 0, java.toString());
    }

    /**
     * Runs {@code blockbench run} on StandardConv/early with {@code options} into a workspace of its
     * own; checks that it succeeds and writes the same manifest and analysis bytes as {@code java}.
     */
    private Workspace sameFilesFromTheCommandLine(Workspace java, String... options) throws Exception {
        Path cli = dir.resolve("cli");
        List<String> args = new java.util.ArrayList<>(List.of("run", "--blocks", "StandardConv", "--positions", "early",
                "--no-gwo-network", "--model-dir", cli.resolve(Workspace.MODEL_DIR).toString(), "--jmh-results",
                cli.resolve(Workspace.JMH_RESULTS).toString(), "--training", cli.resolve(Workspace.TRAINING).toString(),
                "-o", cli.resolve(Workspace.ANALYSIS).toString()));
        args.addAll(List.of(options));
        int code = BlockBench.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(new StringWriter()))
                .execute(args.toArray(String[]::new));
        assertEquals(0, code);
        Workspace byCli = Workspace.under(cli);
        assertArrayEquals(Files.readAllBytes(byCli.manifest()), Files.readAllBytes(java.manifest()), "manifest.json");
        assertArrayEquals(Files.readAllBytes(byCli.analysisFile()), Files.readAllBytes(java.analysisFile()), "analysis.json");
        return byCli;
    }

    /**
     * leaderboard.csv's rows without what was timed (latency, throughput, training seconds, the
     * compliance note that quotes the p90), each with its latency present.
     */
    private static List<Map<String, String>> boardRows(Workspace w) throws Exception {
        List<String> lines = Files.readAllLines(w.analysis().resolve("leaderboard.csv"));
        List<String> header = List.of(lines.get(0).split(",", -1));
        List<Map<String, String>> rows = new java.util.ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = List.of(line.split(",", -1));
            Map<String, String> row = new java.util.TreeMap<>();
            for (int i = 0; i < header.size(); i++) {
                String column = header.get(i);
                boolean timed = column.startsWith("latency_") && !column.matches("latency_(form|batch|provider|threads|mode|forks)")
                        || column.equals("throughput_img_per_s") || column.equals("train_seconds_mean")
                        || column.equals("compliance_notes"); // names the measured p90
                if (timed) {
                    assertTrue(!column.equals("latency_mean_ms") || Double.parseDouble(cells.get(i)) > 0, line);
                } else {
                    row.put(column, cells.get(i));
                }
            }
            rows.add(row);
        }
        return rows;
    }
}
