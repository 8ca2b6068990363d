package org.blockbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.blockbench.onnx.OnnxModelFile;
import org.blockbench.pack.BlockPackReader;
import org.blockbench.pack.TestPacks;
import org.blockbench.zoo.Form;
import org.blockbench.zoo.Position;
import org.blockbench.zoo.build.Scaffold;
import org.blockbench.zoo.ScaffoldConfig;
import org.blockbench.zoo.block.ResNetBasicBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --block-pack}: a pack's model is rebuilt from the pack and trained like a zoo
 * model, with ORT parity checked; its deploy form is rebuilt (BN folded) only when the pack has
 * no deploy file, and the run record says so when it has one.
 */
class TrainBlockPackTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void packModelsTrainWithParityAndReachTheBoard() throws Exception {
        ScaffoldConfig config = ScaffoldConfig.defaults();
        Path plain = TestPacks.write(dir.resolve("plain"), "PlainRes", new ResNetBasicBlock(), config);
        Path reparam = TestPacks.write(dir.resolve("reparam"), "ReparamRes", new ResNetBasicBlock(), config);
        // A deploy file of its own, as tools/export_block.py writes for a re-parameterisable block.
        OnnxModelFile.write(reparam.resolve("mid" + BlockPackReader.DEPLOY_SUFFIX), TestPacks.stage(new ResNetBasicBlock(),
                Scaffold.firstBlockSpec(Position.MID, config.inputSize()), Form.DEPLOY,
                TestPacks.stageWeights(new ResNetBasicBlock(), Position.MID, config)));
        Path models = dir.resolve("onnx-models");
        assertEquals(ExitCodes.OK, CliRunner.execute(out, err, "export", "-q", "-o", models.toString(), "--blocks",
                "PlainRes,ReparamRes", "--positions", "mid", "--block-pack", plain.toString(), "--block-pack",
                reparam.toString()), err.toString());
        assertTrue(Files.isRegularFile(models.resolve("ReparamRes/mid/deploy.onnx")), "exported");

        Path training = dir.resolve("training");
        int code = CliRunner.execute(out, err, "train", "-q", "--manifest", models.resolve("manifest.json").toString(),
                "--block-pack", plain.toString(), "--block-pack", reparam.toString(), "--blocks", "PlainRes,ReparamRes",
                "--positions", "mid", "--epochs", "1", "--batch", "16", "--train-size", "32", "--val-size", "16", "-o", training.toString());
        assertEquals(ExitCodes.OK, code, out + "\n" + err);

        Path plainRun = training.resolve("PlainRes/mid/blockzoo-synthetic/seed-0");
        JsonNode p = new ObjectMapper().readTree(plainRun.resolve("run.json").toFile());
        assertEquals("PlainRes", p.get("model").get("block").asText());
        assertEquals(4_505_866, p.get("model").get("trainable_params").asLong());
        assertEquals(16, p.get("parity").get("samples").asInt());
        assertTrue(p.get("parity").get("passed").asBoolean(), p.get("parity").toString());
        assertTrue(p.get("parity").get("agreement").asDouble() >= 0.999, p.get("parity").toString());
        assertTrue(p.get("parity").get("deploy_agreement").asDouble() >= 0.999, p.get("parity").toString());
        assertTrue(p.get("parity").path("deploy_note").isNull() || p.get("parity").path("deploy_note").isMissingNode());
        OnnxModelFile.read(plainRun.resolve("trained.train.onnx"));
        OnnxModelFile.read(plainRun.resolve("trained.deploy.onnx"));

        Path reparamRun = training.resolve("ReparamRes/mid/blockzoo-synthetic/seed-0");
        JsonNode r = new ObjectMapper().readTree(reparamRun.resolve("run.json").toFile());
        assertTrue(r.get("parity").get("passed").asBoolean(), r.get("parity").toString());
        assertTrue(r.get("parity").get("deploy_agreement").isNull(), r.get("parity").toString());
        assertTrue(r.get("parity").get("deploy_note").asText().contains("mid.deploy.onnx"), r.get("parity").toString());
        assertFalse(Files.exists(reparamRun.resolve("trained.deploy.onnx")));
        assertTrue(out.toString().contains("ReparamRes/mid blockzoo-synthetic seed 0") && out.toString().contains("deploy not checked"),
                out.toString());

        Path analysis = dir.resolve("analysis");
        assertEquals(ExitCodes.OK, CliRunner.execute(out, err, "leaderboard", "--model-dir", models.toString(), "--training",
                training.toString(), "--jmh-results", dir.resolve("jmh").toString(), "-o", analysis.toString(),
                "--blocks", "PlainRes"), err.toString());
        List<String> csv = Files.readAllLines(analysis.resolve("leaderboard.csv"));
        assertEquals(2, csv.size(), "--blocks PlainRes selects the one pack row: " + csv);
        List<String> header = List.of(csv.get(0).split(",", -1));
        List<String> row = List.of(csv.get(1).split(",", -1));
        assertEquals("PlainRes", row.get(header.indexOf("block")));
        assertEquals(100 * p.get("final_val_accuracy").asDouble(),
                Double.parseDouble(row.get(header.indexOf("val_accuracy_pct_mean"))), 0.01);
        assertFalse(row.get(header.indexOf("gwo_score")).isEmpty(), row.toString());
    }

    @Test
    void blocksNamingAnUnknownBlockListsThePacksToo() throws Exception {
        Path pack = TestPacks.write(dir.resolve("pack"), "MyRes", new ResNetBasicBlock(), ScaffoldConfig.defaults());
        int code = CliRunner.execute(out, err, "export", "-q", "-o", dir.resolve("m").toString(), "--blocks", "Nope",
                "--block-pack", pack.toString());
        assertEquals(ExitCodes.BAD_INPUT, code, err.toString());
        assertTrue(err.toString().contains("unknown block 'Nope'") && err.toString().contains("ResNetBasicBlock")
                && err.toString().contains("MyRes]"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }
}
