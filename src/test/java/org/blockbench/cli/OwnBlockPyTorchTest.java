package org.blockbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.blockbench.analysis.GraphAnalyzer;
import org.blockbench.export.Manifest;
import org.blockbench.export.ManifestEntry;
import org.blockbench.io.JsonFiles;
import org.blockbench.onnx.FloatTensor;
import org.blockbench.onnx.OnnxModelFile;
import org.blockbench.onnx.OrtEval;
import org.blockbench.zoo.Position;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's acceptance path with Debian's PyTorch as the peer: tools/export_block.py writes
 * packs of three blocks written for the test (the zoo's ResNetBasicBlock in PyTorch, a
 * ConvNeXt-style block, a re-parameterisable block), {@code export --block-pack} splices them,
 * and for each block at each position the spliced train graph must have exactly the parameters
 * of BlockZoo's ScaffoldNet built in PyTorch with the same block (which loads every tensor of
 * the spliced graph by its state_dict name), give its eval-mode outputs within 1e-4 relative in
 * ONNX Runtime, and its deploy form must equal its train form within 1e-4. Skipped only when
 * /usr/bin/python3 lacks torch and BLOCKBENCH_REQUIRE_TORCH is unset (.ci/run sets it).
 */
class OwnBlockPyTorchTest {

    private static final List<String> BLOCKS = List.of("ResNetBasicBlock", "ConvNeXtBlock", "RepConvBlock");
    private static final double TOLERANCE = 1e-4;

    @TempDir
    static Path dir;

    @BeforeAll
    static void requireTorch() throws IOException, InterruptedException {
        PyTorchPeer.require(dir, "torch, onnx", "own_blocks.py", "scaffold_net.py");
    }

    private static int python(Path cwd, String... args) throws IOException, InterruptedException {
        return PyTorchPeer.python(cwd, args);
    }

    private static float[] floats(Path file) throws IOException {
        return PyTorchPeer.floats(file);
    }

    @Test
    void pytorchBlocksExportSpliceAndMatchThePyTorchScaffold() throws IOException, InterruptedException {
        Path tool = Path.of("tools/export_block.py").toAbsolutePath();
        List<String> args = new ArrayList<>(List.of("export", "-q", "-o", dir.resolve("models").toString(),
                "--blocks", "ResNetBasicBlock," + String.join(",", BLOCKS.stream().map(b -> "My" + b).toList()),
                "--init", "randomized"));
        for (String block : BLOCKS) {
            assertEquals(0, python(dir, tool.toString(), "own_blocks:" + block, "--out", "packs/" + block,
                    "--name", "My" + block), "export_block.py " + block);
            args.add("--block-pack");
            args.add(dir.resolve("packs/" + block).toString());
        }
        assertTrue(Files.isRegularFile(dir.resolve("packs/RepConvBlock/mid.deploy.onnx")), "re-parameterised form exported");
        assertTrue(Files.notExists(dir.resolve("packs/ConvNeXtBlock/mid.deploy.onnx")), "no deploy form offered");
        StringWriter err = new StringWriter();
        assertEquals(ExitCodes.OK, CliRunner.execute(new StringWriter(), err, args.toArray(String[]::new)), err.toString());
        Manifest manifest = Manifest.read(dir.resolve("models").resolve(Manifest.FILE_NAME));
        StringBuilder report = new StringBuilder();
        for (String block : BLOCKS) {
            for (Position p : Position.values()) {
                ManifestEntry entry = manifest.find("My" + block, p.id()).orElseThrow();
                Path train = dir.resolve("models").resolve(entry.train().path());
                Path deploy = dir.resolve("models").resolve(entry.deploy().path());
                Path out = dir.resolve("torch/" + block + "/" + p.id());
                assertEquals(0, python(dir, "scaffold_net.py", "own_blocks:" + block, p.id(), train.toString(),
                        out.toString()), "PyTorch scaffold of " + block + " at " + p.id());
                JsonNode result = JsonFiles.mapper().readTree(out.resolve("result.json").toFile());
                assertEquals(result.get("params").asLong(), entry.trainableParams(), block + "/" + p.id() + " params");
                FloatTensor input = new FloatTensor(new long[] {2, 3, 32, 32}, floats(out.resolve("input.bin")));
                float[] expected = floats(out.resolve("output.bin"));
                ModelProto trainModel = OnnxModelFile.read(train);
                float[] trainOut = OrtEval.run(trainModel, input).data();
                ModelProto deployModel = OnnxModelFile.read(deploy);
                float[] deployOut = OrtEval.run(deployModel, input).data();
                assertEquals(0, OrtEval.countNodes(deployModel, "BatchNormalization"), block + "/" + p.id() + " deploy");
                if (block.equals("RepConvBlock")) {
                    // 3×3 + 1×1 branches merged: one conv per block instead of two.
                    assertEquals(OrtEval.countNodes(trainModel, "Conv") - 3, OrtEval.countNodes(deployModel, "Conv"));
                }
                double vsTorch = OrtEval.relativeError(expected, trainOut);
                double deployVsTrain = OrtEval.relativeError(trainOut, deployOut);
                report.append(String.format("%s/%s: params %d, train vs PyTorch %.3g, deploy vs train %.3g%n",
                        block, p.id(), entry.trainableParams(), vsTorch, deployVsTrain));
                assertTrue(vsTorch < TOLERANCE, block + "/" + p.id() + " train vs PyTorch: " + vsTorch);
                assertTrue(deployVsTrain < TOLERANCE, block + "/" + p.id() + " deploy vs train: " + deployVsTrain);
                if (block.equals("ResNetBasicBlock")) {
                    assertEquals(4_505_866, entry.trainableParams());
                    ManifestEntry zoo = manifest.find("ResNetBasicBlock", p.id()).orElseThrow();
                    long zooMacs = GraphAnalyzer.analyzeFile(dir.resolve("models").resolve(zoo.train().path()), Map.of()).macs();
                    long packMacs = GraphAnalyzer.analyzeFile(train, Map.of()).macs();
                    assertEquals(zooMacs, packMacs, "MACs of " + p.id());
                }
            }
        }
        System.out.print(report);
        Files.writeString(dir.resolve("report.txt"), report, StandardCharsets.UTF_8);
    }

    /** The path from a .py file to a board row: both test blocks through the whole {@code run}. */
    @Test
    void pytorchPacksRunToTheBoardBesideEachOther() throws IOException, InterruptedException {
        Path tool = Path.of("tools/export_block.py").toAbsolutePath();
        List<String> args = new ArrayList<>(List.of("run", "--blocks", "MyConvNeXtBlock,MyRepConvBlock", "--no-gwo-network",
                "--model-dir", dir.resolve("run/onnx-models").toString(), "--jmh-results", dir.resolve("run/jmh").toString(),
                "--training", dir.resolve("run/training").toString(), "-o", dir.resolve("run/analysis").toString(),
                "--warmup-iterations", "0", "--iterations", "1", "--iteration-time", "300ms", "--rounds", "1",
                "--train-size", "32", "--val-size", "16", "--ignore-jmh-lock"));
        for (String block : List.of("ConvNeXtBlock", "RepConvBlock")) {
            assertEquals(0, python(dir, tool.toString(), "own_blocks:" + block, "--out", "run-packs/" + block,
                    "--name", "My" + block), "export_block.py " + block);
            args.add("--block-pack");
            args.add(dir.resolve("run-packs/" + block).toString());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(ExitCodes.OK, CliRunner.execute(out, err, args.toArray(String[]::new)), out + "\n" + err);
        List<String> csv = Files.readAllLines(dir.resolve("run/analysis/leaderboard.csv"));
        List<String> header = List.of(csv.get(0).split(",", -1));
        assertEquals(7, csv.size(), "two blocks at three positions: " + csv);
        for (String line : csv.subList(1, csv.size())) {
            List<String> row = List.of(line.split(",", -1));
            String block = row.get(header.indexOf("block"));
            assertTrue(block.equals("MyConvNeXtBlock") || block.equals("MyRepConvBlock"), line);
            // C_D of the network: the block's C_D (6, 3) for each of the stage's three blocks
            assertEquals(block.equals("MyConvNeXtBlock") ? "18" : "9", row.get(header.indexOf("c_d")), line);
            for (String column : List.of("params_trainable", "macs", "memory_mib", "latency_mean_ms", "latency_p90_ms",
                    "val_accuracy_pct_mean", "omega", "gwo_score")) {
                assertTrue(!row.get(header.indexOf(column)).isEmpty(), column + " is empty: " + line);
            }
        }
    }
}
