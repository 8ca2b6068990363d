package org.blockbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.blockbench.report.ReportFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code leaderboard --import-accuracy}: CSVs in BlockZoo's and gwo-benchmark's own column
 * layouts put their accuracies on the board (JSON, Markdown, HTML, results.csv), marked as
 * imported with their file, and never in one mean with the measured runs of the fixture tree.
 */
class LeaderboardImportTest {

    /** BlockZoo's results.csv columns, in its order (docs/protocol.md §Interfaces). */
    static final String BLOCKZOO_HEADER = "timestamp,block,dataset,position,epochs,batch_size,lr,val_loss,val_acc,training_time,"
            + "params_total,params_trainable,flops,memory_mb,latency_ms,latency_std,throughput,device,num_blocks,base_channels,"
            + "out_dim,experiment_name,notes";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void blockZooAndGwoBenchmarkCsvsGoOnTheBoardMarkedAndApart() throws Exception {
        ReportFixtures.Tree t = ReportFixtures.write(dir);
        Path blockzoo = dir.resolve("results.csv");
        Files.writeString(blockzoo, BLOCKZOO_HEADER + "\n"
                + "2025-03-01 10:00:00,InvertedResidual,CIFAR-100,late,50,256,0.001,1.02,0.736,3600,1,1,1,1,1,0.1,100,cuda,3,64,"
                + "100,blockzoo,seed=0\n"
                // a quoted notes cell with a comma, doubled quotes and a line break (pandas writes these)
                + "2025-03-01 11:00:00,InvertedResidual,CIFAR-100,late,50,256,0.001,1.05,0.732,3600,1,1,1,1,1,0.1,100,cuda,3,64,"
                + "100,blockzoo,\"rerun, \"\"b\"\"\nsecond line; seed=1\"\n"
                // BlockZoo's alias for InvertedResidual, lower-case position
                + "2025-03-01 12:00:00,MBConv,cifar100,MID,50,256,0.001,1.1,0.70,3600,1,1,1,1,1,0.1,100,cuda,3,64,100,blockzoo,\n"
                // a profile-only row: no accuracy, skipped
                + ",ResNetBasicBlock,cifar100,early,,,,,,,1,1,1,1,1,0.1,100,cpu,3,64,100,blockzoo,\n");
        Path gwoResults = dir.resolve("benchmark_results.csv");
        Files.writeString(gwoResults, "timestamp,model_name,score,test_accuracy,train_accuracy,generalization_gap,omega_proxy,"
                + "c_d,c_p_M,latency_ms,throughput_imgs_sec,seed\n"
                + "2025-01-01,StandardConv,1007.14,70.5,80,9.5,6,6,0,0.2,5000,0\n"
                + "2025-01-01,StandardConv,1014.28,71.0,80,9,6,6,0,0.2,5000,1\n"
                + "2025-01-01,StandardConv,1000.0,70.0,80,10,6,6,0,0.2,5000,2\n");
        Path gwoBoard = dir.resolve("gwo-leaderboard.csv");
        Files.writeString(gwoBoard, "model_name,author,score,test_acc,omega_proxy,c_d,c_p_m,latency_ms,tier,github_link\n"
                + "depthwise_conv,\"Doe, J.\",681.67,61.35,8.0,8,0,0.3,C,https://example.org/x\n");
        Path analysis = dir.resolve("analysis");
        assertEquals(ExitCodes.OK, CliRunner.execute(out, err, "leaderboard", "--model-dir", t.manifest().getParent().toString(),
                "--jmh-results", t.jmh().toString(), "--training", t.training().toString(), "-o", analysis.toString(),
                "--import-accuracy", blockzoo.toString(), "--import-accuracy", gwoResults.toString(), "--import-accuracy",
                gwoBoard.toString()), err.toString());
        assertTrue(out.toString().contains("dataset cifar100: "), out.toString());
        assertTrue(out.toString().contains("2 with imported accuracy"), out.toString());

        JsonNode json = new ObjectMapper().readTree(analysis.resolve("leaderboard.json").toFile());
        JsonNode late = row(json, "cifar100", "InvertedResidual/late");
        assertTrue(late.get("accuracy").isNull(), "nothing measured");
        JsonNode imported = late.get("imported_accuracy");
        assertEquals("†imported", imported.get("marker").asText());
        assertEquals("[\"results.csv\"]", imported.get("sources").toString());
        assertEquals(73.4, imported.get("val_accuracy_pct").get("mean").asDouble(), 1e-9);
        assertEquals(Math.sqrt(0.08), imported.get("val_accuracy_pct").get("std").asDouble(), 1e-9); // (73.6, 73.2)
        assertEquals(2, imported.get("val_accuracy_pct").get("n").asInt());
        assertEquals(List.of(0L, 1L), List.of(imported.get("runs").get(0).get("seed").asLong(),
                imported.get("runs").get(1).get("seed").asLong()));
        assertEquals(50, imported.get("runs").get(0).get("epochs").asInt());
        assertEquals("blockzoo-results", imported.get("runs").get(0).get("format").asText());
        assertEquals(70.0, row(json, "cifar100", "InvertedResidual/mid").get("imported_accuracy").get("val_accuracy_pct")
                .get("mean").asDouble(), 1e-9);
        assertNull(row(json, "cifar100", "ResNetBasicBlock/early").get("imported_accuracy"), "a profile-only row has no accuracy");

        // measured and imported side by side, never in one mean: StandardConv measured 69.31 (one seed), imported 70.5 ± 0.5
        JsonNode standard = row(json, "cifar10", "StandardConv/gwo-net");
        assertEquals(69.31, standard.get("accuracy").get("val_accuracy_pct").get("mean").asDouble(), 1e-9);
        assertEquals(1, standard.get("accuracy").get("val_accuracy_pct").get("n").asInt());
        assertEquals(70.5, standard.get("imported_accuracy").get("val_accuracy_pct").get("mean").asDouble(), 1e-9);
        assertEquals(0.5, standard.get("imported_accuracy").get("val_accuracy_pct").get("std").asDouble(), 1e-9);
        assertEquals(100 * 69.31 / 7, standard.get("gwo").get("score").asDouble(), 1e-6, "the score is the measured one's");
        JsonNode depthwise = row(json, "cifar10", "DepthwiseConv/gwo-net").get("imported_accuracy");
        assertEquals("[\"gwo-leaderboard.csv\"]", depthwise.get("sources").toString());
        assertTrue(depthwise.get("runs").get(0).get("seed").isNull());
        assertEquals("gwo-benchmark-leaderboard", depthwise.get("runs").get(0).get("format").asText());

        String md = Files.readString(analysis.resolve("leaderboard.md"));
        assertTrue(md.contains("| †imported 73.40 ± 0.28 (results.csv) |"), md);
        assertTrue(md.contains("| 69.31 · †imported 70.50 ± 0.50 (benchmark\\_results.csv) |"), md);
        assertTrue(md.contains("never averaged with BlockBench's measured runs"), md);
        String html = Files.readString(analysis.resolve("leaderboard.html"));
        assertTrue(html.contains("†imported 73.40 ± 0.28 (results.csv)"), "HTML marks the cell too");

        List<String> results = Files.readAllLines(analysis.resolve("results.csv"));
        List<String> importedRows = new ArrayList<>(results.stream().filter(l -> l.contains(",imported,")).toList());
        assertEquals(7, importedRows.size(), String.join("\n", results));
        assertTrue(results.stream().anyMatch(l -> l.startsWith(",InvertedResidual,cifar100,late,50,,,,0.736,")
                && l.endsWith(",imported,†imported from results.csv line 2; seed=0")), String.join("\n", results));
    }

    @Test
    void unknownNamesAndLayoutsAreOneLineErrors() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, BLOCKZOO_HEADER + "\n,FancyBlock,cifar100,late,50,256,0.001,1,0.5,1,1,1,1,1,1,1,1,cpu,3,64,100,x,\n");
        assertEquals(ExitCodes.BAD_INPUT, CliRunner.execute(out, err, "leaderboard", "--model-dir", dir.resolve("none").toString(),
                "-o", dir.resolve("analysis").toString(), "--import-accuracy", bad.toString()));
        String message = err.toString().strip();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains("bad.csv: line 2: unknown block 'FancyBlock', expected one of [ResNetBasicBlock, "), message);
        assertFalse(Files.exists(dir.resolve("analysis")), "nothing written");

        Files.writeString(bad, BLOCKZOO_HEADER + "\n,ResNetBasicBlock,cifar100,stageZ,50,256,0.001,1,0.5,1,1,1,1,1,1,1,1,cpu,3,64,"
                + "100,x,\n");
        err.getBuffer().setLength(0);
        assertEquals(ExitCodes.BAD_INPUT, CliRunner.execute(out, err, "leaderboard", "--model-dir", dir.resolve("none").toString(),
                "-o", dir.resolve("analysis").toString(), "--import-accuracy", bad.toString()));
        assertTrue(err.toString().contains("line 2: unknown position 'stageZ', expected one of [early, mid, late, gwo-net]"),
                err.toString());

        Files.writeString(bad, "model,accuracy\nx,1\n");
        err.getBuffer().setLength(0);
        assertEquals(ExitCodes.BAD_INPUT, CliRunner.execute(out, err, "leaderboard", "--model-dir", dir.resolve("none").toString(),
                "-o", dir.resolve("analysis").toString(), "--import-accuracy", bad.toString()));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().contains("header [model, accuracy] is none of the layouts read: BlockZoo results.csv [timestamp,"),
                err.toString());
    }

    private static JsonNode row(JsonNode json, String dataset, String model) {
        for (JsonNode b : json.get("boards")) {
            if (b.get("dataset").asText().equals(dataset)) {
                for (JsonNode r : b.get("rows")) {
                    if (r.get("model").asText().equals(model)) {
                        return r;
                    }
                }
            }
        }
        throw new AssertionError("no row " + model + " on " + dataset);
    }
}
