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

/** {@code run --block-pack}: the pack is exported, analysed, benchmarked, trained and on the board beside the zoo. */
class RunBlockPackTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** The command line run prints for each step of its plan. */
    private static List<String> commandLines(RunCommand run) {
        return org.blockbench.pipeline.Job.plan(run.request()).stream()
                .map(s -> "blockbench " + String.join(" ", StepCommands.arguments(s))).toList();
    }

    @Test
    void planPassesPacksToExportTrainAndTheBoardSelection() throws Exception {
        for (String name : List.of("P1", "P2")) {
            Files.createDirectories(dir.resolve(name.toLowerCase()));
            Files.writeString(dir.resolve(name.toLowerCase()).resolve("block.json"),
                    "{\"format\": \"blockbench-block-pack/1\", \"name\": \"" + name + "\"}");
        }
        String p1 = dir.resolve("p1").toString();
        String p2 = dir.resolve("p2").toString();
        RunCommand run = new RunCommand();
        new CommandLine(run).parseArgs("--blocks", "MobileOneBlock,P2", "--positions", "early", "--model-dir", "m",
                "--block-pack", p1, "--block-pack", p2);
        List<String> lines = commandLines(run);
        assertEquals("blockbench export -q -o m --blocks MobileOneBlock,P2,P1 --positions early --block-pack " + p1
                + " --block-pack " + p2, lines.get(0));
        assertTrue(lines.get(3).startsWith("blockbench train --models MobileOneBlock/early,P1/early,P2/early --recipe blockzoo"
                + " --base-channels 16 --blocks-per-stage 1 --epochs 1 --batch 16 --lr 0.003 --schedule warmup-cosine"
                + " --block-pack " + p1 + " --block-pack " + p2 + " "), lines.get(3));
        assertTrue(lines.get(lines.size() - 1).endsWith("-o analysis --blocks MobileOneBlock,P2,P1 --positions early"),
                lines.get(lines.size() - 1));
    }

    @Test
    void withGwoNetworkAloneThePacksAreNamedForExportAndTheBoard() throws Exception {
        Files.createDirectories(dir.resolve("p1"));
        Files.writeString(dir.resolve("p1/block.json"), "{\"format\": \"blockbench-block-pack/1\", \"name\": \"P1\"}");
        String p1 = dir.resolve("p1").toString();
        RunCommand run = new RunCommand();
        new CommandLine(run).parseArgs("--gwo-network", "--model-dir", "m", "--block-pack", p1);
        List<String> lines = commandLines(run);
        // --blocks P1 with --gwo-network: the GWO networks and the pack, as run promises; no zoo scaffold model
        assertEquals("blockbench export -q -o m --blocks P1 --gwo-network --block-pack " + p1, lines.get(0));
        assertTrue(lines.get(3).startsWith("blockbench train --models P1/early,P1/mid,P1/late --recipe blockzoo"), lines.get(3));
        assertTrue(lines.get(lines.size() - 1).endsWith("--blocks P1 --gwo-network"), lines.get(lines.size() - 1));
    }

    @Test
    void blocksNamingNeitherZooNorPackFailsListingBoth() throws Exception {
        Files.createDirectories(dir.resolve("p1"));
        Files.writeString(dir.resolve("p1/block.json"), "{\"format\": \"blockbench-block-pack/1\", \"name\": \"P1\"}");
        RunCommand run = new RunCommand();
        new CommandLine(run).parseArgs("--blocks", "Nope", "--block-pack", dir.resolve("p1").toString());
        org.blockbench.BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.blockbench.BadInputException.class, () -> org.blockbench.pipeline.Job.plan(run.request()));
        assertTrue(e.getMessage().startsWith("unknown block 'Nope', expected one of [") && e.getMessage().endsWith(", P1]"),
                e.getMessage());
    }

    @Test
    void packRowIsOnTheBoardWithCostsLatencyAndGwo() throws Exception {
        Path pack = TestPacks.write(dir.resolve("pack"), "MyResNet", new ResNetBasicBlock(), ScaffoldConfig.defaults());
        Path analysis = dir.resolve("analysis");
        int code = CliRunner.execute(out, err, "run", "--blocks", "ResNetBasicBlock", "--positions", "mid", "--no-gwo-network",
                "--block-pack", pack.toString(), "--model-dir", dir.resolve("onnx-models").toString(),
                "--jmh-results", dir.resolve("jmh").toString(), "--training", dir.resolve("training").toString(),
                "-o", analysis.toString(), "--warmup-iterations", "0", "--iterations", "1", "--iteration-time", "300ms", "--rounds", "1",
                "--train-size", "32", "--val-size", "16", "--ignore-jmh-lock", "--dataset", "synthetic");
        assertEquals(ExitCodes.OK, code, out + "\n" + err);
        List<String> csv = Files.readAllLines(analysis.resolve("leaderboard.csv"));
        List<String> header = List.of(csv.get(0).split(",", -1));
        List<String> row = csv.stream().skip(1).map(l -> List.of(l.split(",", -1)))
                .filter(r -> r.get(header.indexOf("block")).equals("MyResNet")).findFirst()
                .orElseThrow(() -> new AssertionError("no MyResNet row: " + csv));
        assertEquals("4505866", row.get(header.indexOf("params_trainable")));
        assertEquals("21", row.get(header.indexOf("c_d")));
        for (String column : List.of("macs", "memory_mib", "latency_mean_ms", "latency_p90_ms", "omega",
                "val_accuracy_pct_mean", "gwo_score")) {
            assertTrue(!row.get(header.indexOf(column)).isEmpty(), column + " is empty: " + row);
        }
        assertEquals(3, csv.size(), "zoo row and pack row: " + csv);
        Path runJson = dir.resolve("training/MyResNet/mid/blockzoo-synthetic/seed-0/run.json");
        assertTrue(Files.isRegularFile(runJson));
        // a pack cannot be rescaled: trained at full size under the quick protocol, and its record says so
        com.fasterxml.jackson.databind.JsonNode scaffold = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(runJson.toFile()).get("scaffold");
        assertEquals(64, scaffold.get("base_channels").asInt());
        assertEquals(3, scaffold.get("blocks_per_stage").asInt());
        assertTrue(scaffold.get("note").asText().startsWith("block pack: its stage has the full scaffold's fixed widths"),
                scaffold.toString());
    }

    @Test
    void badPacksAreRefusedInOneLineEachAndTheJobRunsTheRest() throws Exception {
        Path nan = TestPacks.write(dir.resolve("nan"), "Nan", new ResNetBasicBlock(), ScaffoldConfig.defaults());
        TestPacks.writeNanEarlyStage(nan);
        Path holey = TestPacks.write(dir.resolve("holey"), "Holey", new ResNetBasicBlock(), ScaffoldConfig.defaults());
        Files.delete(holey.resolve("late.onnx"));
        Path models = dir.resolve("onnx-models");
        Path analysis = dir.resolve("analysis");
        // --blocks names the refused pack too: it is dropped from every step's selection
        int code = CliRunner.execute(out, err, "run", "--blocks", "ResNetBasicBlock,Nan", "--positions", "mid",
                "--no-gwo-network", "--block-pack", nan.toString(), "--block-pack", holey.toString(),
                "--model-dir", models.toString(), "--jmh-results", dir.resolve("jmh").toString(),
                "--training", dir.resolve("training").toString(), "-o", analysis.toString(), "--skip", "bench,train");
        assertEquals(ExitCodes.FINDINGS, code, out + "\n" + err);
        String nanLine = "block pack " + nan + " refused: " + nan.resolve("early.onnx") + ": output contains NaN at position"
                + " early (element 0 of [1, 64, 32, 32] on a seeded standard-normal input); a stage must give finite outputs";
        String holeyLine = "block pack " + holey + " refused: " + holey.resolve("late.onnx") + ": missing; a block pack holds"
                + " a stage for every position (early.onnx, mid.onnx, late.onnx)";
        assertEquals(List.of("blockbench: " + nanLine, "blockbench: " + holeyLine),
                err.toString().lines().filter(l -> l.startsWith("blockbench: ")).toList(), err.toString());
        assertTrue(out.toString().contains("block pack   REFUSED: " + nanLine), out.toString());
        assertTrue(out.toString().contains("block pack   REFUSED: " + holeyLine), out.toString());
        assertTrue(out.toString().contains("leaderboard       "), out.toString());
        org.blockbench.export.Manifest manifest = org.blockbench.export.Manifest.read(models.resolve("manifest.json"));
        assertEquals(List.of("ResNetBasicBlock/mid"), manifest.models().stream().map(e -> e.id()).toList());
        assertTrue(Files.readString(models.resolve("analysis.json")).contains("ResNetBasicBlock"));
        List<String> csv = Files.readAllLines(analysis.resolve("leaderboard.csv"));
        assertEquals(2, csv.size(), csv.toString());
        assertTrue(csv.get(1).contains(",ResNetBasicBlock,mid,"), csv.get(1));
        try (var files = Files.list(models)) {
            assertEquals(List.of("ResNetBasicBlock", "analysis.json", "manifest.json"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }
}
