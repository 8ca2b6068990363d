package org.blockbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.blockbench.pack.TestPacks;
import org.blockbench.zoo.ScaffoldConfig;
import org.blockbench.zoo.block.ResNetBasicBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code run --block-pack}: the pack is exported, analysed, benchmarked and on the board beside the zoo. */
class RunBlockPackTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void planPassesPacksToExportAndLeavesTheBoardUnfiltered() {
        RunCommand run = new RunCommand();
        new CommandLine(run).parseArgs("--blocks", "MobileOneBlock", "--positions", "early", "--models", "m",
                "--block-pack", "p1", "--block-pack", "p2");
        List<String> lines = run.plan().stream().map(RunCommand.Step::commandLine).toList();
        assertEquals("blockbench export -q -o m --blocks MobileOneBlock --positions early --block-pack p1 --block-pack p2",
                lines.get(0));
        assertTrue(lines.get(lines.size() - 1).endsWith("-o analysis"), lines.get(lines.size() - 1));
    }

    @Test
    void packRowIsOnTheBoardWithCostsLatencyAndGwo() throws Exception {
        Path pack = TestPacks.write(dir.resolve("pack"), "MyResNet", new ResNetBasicBlock(), ScaffoldConfig.defaults());
        Path analysis = dir.resolve("analysis");
        int code = CliRunner.execute(out, err, "run", "--blocks", "ResNetBasicBlock", "--positions", "mid", "--no-gwo-network",
                "--block-pack", pack.toString(), "--models", dir.resolve("onnx-models").toString(),
                "--jmh-results", dir.resolve("jmh").toString(), "--training", dir.resolve("training").toString(),
                "-o", analysis.toString(), "--warmup-iterations", "0", "--iterations", "1", "--iteration-time", "300ms",
                "--train-size", "32", "--val-size", "16", "--ignore-jmh-lock");
        assertEquals(ExitCodes.OK, code, out + "\n" + err);
        List<String> csv = Files.readAllLines(analysis.resolve("leaderboard.csv"));
        List<String> header = List.of(csv.get(0).split(",", -1));
        List<String> row = csv.stream().skip(1).map(l -> List.of(l.split(",", -1)))
                .filter(r -> r.get(header.indexOf("block")).equals("MyResNet")).findFirst()
                .orElseThrow(() -> new AssertionError("no MyResNet row: " + csv));
        assertEquals("4505866", row.get(header.indexOf("params_trainable")));
        assertEquals("21", row.get(header.indexOf("c_d")));
        for (String column : List.of("macs", "memory_mib", "latency_mean_ms", "latency_p90_ms", "omega")) {
            assertTrue(!row.get(header.indexOf(column)).isEmpty(), column + " is empty: " + row);
        }
        assertEquals(3, csv.size(), "zoo row and pack row: " + csv);
    }
}
