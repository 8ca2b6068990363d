package org.blockbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CliRunner.execute(out, err, args);
    }

    /** The command line run prints for each step of its plan. */
    private static List<String> commandLines(RunCommand run) {
        return org.blockbench.pipeline.Job.plan(run.request()).stream()
                .map(s -> "blockbench " + String.join(" ", StepCommands.arguments(s))).toList();
    }

    @Test
    void planPassesTheSelectionAndQuickSettingsToEachStep() {
        RunCommand run = new RunCommand();
        new CommandLine(run).parseArgs("--blocks", "MobileOneBlock", "--positions", "early", "--gwo-network", "--model-dir", "m",
                "--jmh-results", "j", "--training", "t", "-o", "a", "--seeds", "0,1");
        List<String> lines = commandLines(run);
        // Fashion-MNIST where Debian's package is installed, the synthetic task elsewhere
        String quick = java.nio.file.Files.isRegularFile(Path.of("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz"))
                ? "fashion-mnist" : "synthetic";
        assertEquals(List.of(
                "blockbench export -q -o m --blocks MobileOneBlock --positions early --gwo-network",
                "blockbench analyze --manifest " + Path.of("m", "manifest.json"),
                "blockbench bench --model-dir m --all -o j -f 1 -wi 1 -w 100ms -i 3 -r 550ms --rounds 3",
                "blockbench train --models MobileOneBlock/early --recipe blockzoo --base-channels 16 --blocks-per-stage 1"
                        + " --epochs 1 --batch 16 --lr 0.003 --schedule warmup-cosine --manifest " + Path.of("m", "manifest.json")
                        + " --dataset " + quick + " --train-size 2048 --val-size 2048 --seeds 0,1 -o t -q",
                "blockbench train --models StandardConv/gwo-net,DeformableConv/gwo-net,DepthwiseConv/gwo-net --recipe blockzoo"
                        + " --base-channels 16 --blocks-per-stage 1 --epochs 3 --batch 16 --lr 0.003 --schedule warmup-cosine --manifest "
                        + Path.of("m", "manifest.json")
                        + " --dataset " + quick + " --train-size 2048 --val-size 2048 --seeds 0,1 -o t -q",
                "blockbench leaderboard --model-dir m --jmh-results j --training t -o a --blocks MobileOneBlock --positions early"
                        + " --gwo-network"), lines);
    }

    @Test
    void quickProtocolKnobsCanBeOverridden() {
        RunCommand run = new RunCommand();
        new CommandLine(run).parseArgs("--blocks", "MobileOneBlock", "--positions", "early", "--no-gwo-network",
                "--base-channels", "8", "--blocks-per-stage", "2", "--epochs", "4", "--train-size", "64", "--seeds", "3");
        String train = commandLines(run).stream().filter(l -> l.startsWith("blockbench train ")).findFirst().orElseThrow();
        assertTrue(train.contains("--base-channels 8 --blocks-per-stage 2 --epochs 4 --batch 16"), train);
        assertTrue(train.contains("--train-size 64 --val-size 2048 --seeds 3"), train);
    }

    @Test
    void trainingAsTwoShardProcessesGivesTheRunsOfOneProcess() throws Exception {
        java.util.Map<String, Double> one = trainedAccuracies(dir.resolve("one"), "1");
        java.util.Map<String, Double> two = trainedAccuracies(dir.resolve("two"), "2");
        assertEquals(4, one.size(), one.toString());
        assertEquals(one, two);
        assertTrue(out.toString().contains("(as 2 processes, --shard i/2)"), out.toString());
    }

    /** run.json's final validation accuracy per run directory, after a run training with {@code processes}. */
    private java.util.Map<String, Double> trainedAccuracies(Path root, String processes) throws Exception {
        Path training = root.resolve("training");
        int code = run("run", "--blocks", "ResNetBasicBlock", "--positions", "early,mid", "--no-gwo-network", "--model-dir",
                root.resolve("onnx-models").toString(), "--jmh-results", root.resolve("jmh").toString(), "--training",
                training.toString(), "-o", root.resolve("analysis").toString(), "--skip", "analyze,bench,leaderboard",
                "--train-size", "32", "--val-size", "16", "--seeds", "0,1", "--train-processes", processes);
        assertEquals(ExitCodes.OK, code, out + "\n" + err);
        java.util.Map<String, Double> accuracies = new java.util.TreeMap<>();
        try (var files = Files.walk(training)) {
            for (Path f : files.filter(f -> f.getFileName().toString().equals(org.blockbench.train.RunRecord.FILE_NAME)).toList()) {
                accuracies.put(training.relativize(f).toString(),
                        org.blockbench.train.RunRecord.read(f).orElseThrow().finalValAccuracy());
            }
        }
        return accuracies;
    }

    @Test
    void skippedStepsAreReportedAndTheRestRuns() throws Exception {
        Path models = dir.resolve("onnx-models");
        Path analysis = dir.resolve("analysis");
        int code = run("run", "--blocks", "RepMixer", "--positions", "mid", "--model-dir", models.toString(), "--jmh-results",
                dir.resolve("jmh").toString(), "--training", dir.resolve("training").toString(), "-o", analysis.toString(),
                "--skip", "analyze,bench,train");
        assertEquals(ExitCodes.OK, code, out + "\n" + err);
        assertTrue(Files.isRegularFile(models.resolve("RepMixer/mid/deploy.onnx")));
        assertTrue(Files.isRegularFile(analysis.resolve("leaderboard.html")));
        String text = out.toString();
        assertTrue(text.contains("analyze      skipped (--skip)"), text);
        assertTrue(text.contains("leaderboard  " + analysis.resolve("leaderboard.html") + "\n")
                || text.contains("leaderboard  " + analysis.resolve("leaderboard.html") + System.lineSeparator()), text);
    }

    /**
     * The whole job for one model, for real: export, analysis, a JMH measurement, LibTorch training
     * and the leaderboard, which then has every column of the row filled. Small settings keep it
     * short; --ignore-jmh-lock as in the bench tests (correctness, not timing).
     */
    @Test
    void wholeJobForOneModelFillsEveryColumn() throws Exception {
        Path analysis = dir.resolve("analysis");
        int code = run("run", "--blocks", "StandardConv", "--positions", "early", "--no-gwo-network",
                "--model-dir", dir.resolve("onnx-models").toString(), "--jmh-results", dir.resolve("jmh").toString(),
                "--training", dir.resolve("training").toString(), "-o", analysis.toString(),
                "--warmup-iterations", "0", "--iterations", "1", "--iteration-time", "300ms", "--rounds", "1",
                "--train-size", "32", "--val-size", "16", "--ignore-jmh-lock");
        assertEquals(ExitCodes.OK, code, out + "\n" + err);
        List<String> csv = Files.readAllLines(analysis.resolve("leaderboard.csv"));
        assertEquals(2, csv.size(), String.join("\n", csv));
        List<String> header = List.of(csv.get(0).split(",", -1));
        List<String> row = List.of(csv.get(1).split(",", -1));
        for (String column : List.of("params_trainable", "macs", "memory_mib", "latency_mean_ms", "latency_p90_ms",
                "val_accuracy_pct_mean", "c_d", "omega", "gwo_score", "gwo_tier")) {
            assertTrue(!row.get(header.indexOf(column)).isEmpty(), column + " is empty: " + csv.get(1));
        }
        assertEquals("StandardConv", row.get(header.indexOf("block")));
        assertTrue(out.toString().contains("== blockbench run: 5 steps"), out.toString());
        for (String step : List.of("export", "analyze", "bench", "train", "leaderboard")) {
            assertTrue(out.toString().lines().anyMatch(l -> l.matches("\\s+" + step + "\\s+[0-9.]+ s\\s+exit 0")), step + ": " + out);
        }
    }

    @Test
    void oldSpellingsNameTheSameWorkspaceWithANotice() {
        RunCommand run = new RunCommand();
        CommandLine cli = new CommandLine(run).setErr(new java.io.PrintWriter(err, true));
        cli.parseArgs("--models", "m", "--output", "a", "--jmh-results", "j", "--training", "t");
        assertEquals(new org.blockbench.pipeline.Workspace(Path.of("m"), Path.of("j"), Path.of("t"), Path.of("a"),
                Path.of(org.blockbench.pipeline.Workspace.OVERHEAD)), run.request().workspace());
        assertEquals(List.of("blockbench: --models DIR is deprecated and goes in the next release; use --model-dir DIR",
                "blockbench: --output is deprecated and goes in the next release; use --out"), err.toString().strip().lines().toList());
    }

    @Test
    void unknownStepIsBadInput() {
        assertEquals(ExitCodes.BAD_INPUT, run("run", "--skip", "deploy", "--model-dir", dir.toString()));
        assertTrue(err.toString().contains("unknown step 'deploy', expected one of [export, analyze, bench, train, leaderboard]"),
                err.toString());
    }

    @Test
    void datasetIsOneOfTheQuickTasks() {
        RunCommand run = new RunCommand();
        new CommandLine(run).parseArgs("--dataset", "synthetic", "--blocks", "MobileOneBlock", "--positions", "early");
        assertTrue(commandLines(run).stream().anyMatch(l -> l.contains(" --dataset synthetic ")));
        RunCommand cifar = new RunCommand();
        new CommandLine(cifar).parseArgs("--dataset", "cifar10");
        org.blockbench.BadInputException e = assertThrows(org.blockbench.BadInputException.class, cifar::request);
        assertTrue(e.getMessage().startsWith("run --dataset takes synthetic or fashion-mnist"), e.getMessage());
    }
}
