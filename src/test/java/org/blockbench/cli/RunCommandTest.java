package org.blockbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
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
        CommandLine cli = BlockBench.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void planPassesTheSelectionAndQuickSettingsToEachStep() {
        RunCommand run = new RunCommand();
        new CommandLine(run).parseArgs("--blocks", "MobileOneBlock", "--positions", "early", "--gwo-network", "--models", "m",
                "--jmh-results", "j", "--training", "t", "-o", "a", "--seeds", "0,1");
        List<String> lines = run.plan().stream().map(RunCommand.Step::commandLine).toList();
        assertEquals(List.of(
                "blockbench export -q -o m --blocks MobileOneBlock --positions early --gwo-network",
                "blockbench analyze --manifest " + Path.of("m", "manifest.json"),
                "blockbench bench --models m --all -o j -f 1 -wi 1 -w 1s -i 2 -r 1s",
                "blockbench train --models MobileOneBlock/early --recipe blockzoo --manifest " + Path.of("m", "manifest.json")
                        + " --dataset synthetic --epochs 1 --batch 32 --train-size 128 --val-size 64 --seeds 0,1 -o t -q",
                "blockbench train --models StandardConv/gwo-net,DeformableConv/gwo-net,DepthwiseConv/gwo-net --recipe gwo"
                        + " --manifest " + Path.of("m", "manifest.json")
                        + " --dataset synthetic --epochs 1 --batch 32 --train-size 128 --val-size 64 --seeds 0,1 -o t -q",
                "blockbench leaderboard --models m --jmh-results j --training t -o a --blocks MobileOneBlock --positions early"
                        + " --gwo-network"), lines);
    }

    @Test
    void skippedStepsAreReportedAndTheRestRuns() throws Exception {
        Path models = dir.resolve("onnx-models");
        Path analysis = dir.resolve("analysis");
        int code = run("run", "--blocks", "RepMixer", "--positions", "mid", "--models", models.toString(), "--jmh-results",
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

    @Test
    void unknownStepIsBadInput() {
        assertEquals(ExitCodes.BAD_INPUT, run("run", "--skip", "deploy", "--models", dir.toString()));
        assertTrue(err.toString().contains("unknown step 'deploy', expected one of [export, analyze, bench, train, leaderboard]"),
                err.toString());
    }
}
