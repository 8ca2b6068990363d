package org.blockbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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
 * Issue 21: blocks as users write them, with PyTorch's default initialisation (every fresh
 * BatchNorm has weight = running_var = 1 and bias = running_mean = 0, values torch.onnx.export
 * merges), through the own-block path: a plain ResNet basic block, one conv applied twice, and
 * torchvision's BasicBlock, Bottleneck, InvertedResidual, CNBlock and MBConv behind the few-line
 * adapters of {@code torchvision_blocks.py}. One Python run exports every pack; one export
 * splices them all; one Python run builds BlockZoo's ScaffoldNet around each for the reference.
 */
class TorchvisionBlockPackTest {

    private static final List<String> TORCHVISION = List.of("TvBasicBlock", "TvBottleneck", "TvInvertedResidual",
            "TvCNBlock", "TvMBConv");
    private static final List<String> BLOCKS = concat(List.of("PlainBasic", "SharedConv"), TORCHVISION);
    private static final double TOLERANCE = 1e-4;

    @TempDir
    static Path dir;
    private static Manifest manifest;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void exportAndSplice() throws IOException, InterruptedException {
        PyTorchPeer.require(dir, "torch, torchvision, onnx", "torchvision_blocks.py", "own_blocks.py", "scaffold_net.py",
                "export_packs.py", "scaffold_refs.py");
        List<String> python = new ArrayList<>(List.of("export_packs.py", "packs"));
        BLOCKS.forEach(b -> python.add("torchvision_blocks:" + b));
        assertEquals(0, PyTorchPeer.python(dir, python.toArray(String[]::new)), "export_packs.py");
        List<String> args = new ArrayList<>(List.of("export", "-q", "-o", dir.resolve("models").toString(),
                "--blocks", "ResNetBasicBlock," + String.join(",", BLOCKS),
                // random BN statistics around the stage, so that the logits carry its signal (the packs keep their defaults)
                "--init", "randomized"));
        args.addAll(packArgs(BLOCKS));
        StringWriter err = new StringWriter();
        assertEquals(ExitCodes.OK, CliRunner.execute(new StringWriter(), err, args.toArray(String[]::new)), err.toString());
        manifest = Manifest.read(dir.resolve("models").resolve(Manifest.FILE_NAME));
    }

    /** Reproduction 1: the pack had one initializer for all nine BN scales and running variances. */
    @Test
    void plainBlockPackHasOneInitializerPerTensor() {
        for (Position p : Position.values()) {
            GraphProto stage = OnnxModelFile.read(dir.resolve("packs/PlainBasic/" + p.id() + ".onnx")).getGraph();
            Set<String> initializers = stage.getInitializerList().stream().map(TensorProto::getName).collect(Collectors.toSet());
            // 3 blocks × (3 convs + 3 BN × 4 tensors), each its own initializer
            assertEquals(45, initializers.size(), p.id() + ": " + initializers);
            List<NodeProto> bns = stage.getNodeList().stream().filter(n -> n.getOpType().equals("BatchNormalization")).toList();
            assertEquals(9, bns.size());
            for (NodeProto bn : bns) {
                String scope = bn.getInput(1).substring(0, bn.getInput(1).length() - ".weight".length());
                assertEquals(List.of(scope + ".weight", scope + ".bias", scope + ".running_mean", scope + ".running_var"),
                        bn.getInputList().subList(1, 5), p.id() + " " + bn.getName());
                assertTrue(initializers.containsAll(bn.getInputList().subList(1, 5)), bn.getName());
            }
            assertFalse(stage.getNodeList().stream().anyMatch(n -> n.getOpType().equals("Identity")), p.id());
        }
    }

    /** Reproduction 2: the board said 4,504,842 / 4,503,818 / 4,501,770 for a block with the zoo's parameters. */
    @Test
    void plainBlockHasTheZoosParameterCountAtEveryPosition() {
        for (Position p : Position.values()) {
            assertEquals(4_505_866, manifest.find("PlainBasic", p.id()).orElseThrow().trainableParams(), p.id());
            assertEquals(4_505_866, manifest.find("ResNetBasicBlock", p.id()).orElseThrow().trainableParams(), p.id());
        }
    }

    /** Reproduction 3: training failed at once ('native_batch_norm' is not differentiable w.r.t. running_mean). */
    @Test
    void plainBlockTrainsOneEpochWithOrtParity() throws IOException {
        Path training = dir.resolve("training-plain");
        train(List.of("PlainBasic"), training);
        for (Position p : Position.values()) {
            JsonNode run = runJson(training, "PlainBasic", p);
            assertEquals(4_505_866, run.get("model").get("trainable_params").asLong(), p.id());
            assertTrue(run.get("parity").get("passed").asBoolean(), p.id() + " " + run.get("parity"));
        }
    }

    /** A pack as torch.onnx.export writes it (equal values merged) is refused in one line naming both roles. */
    @Test
    void aPackWithAMergedParameterAndStatisticIsRefused() throws IOException, InterruptedException {
        assertEquals(0, PyTorchPeer.python(dir, "export_packs.py", "--merged", "merged", "torchvision_blocks:PlainBasic"));
        int code = CliRunner.execute(out, err, "export", "-q", "-o", dir.resolve("merged-models").toString(), "--blocks",
                "PlainBasic", "--block-pack", dir.resolve("merged/PlainBasic").toString());
        assertEquals(ExitCodes.BAD_INPUT, code, err.toString());
        String line = err.toString().strip();
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.contains("early.onnx: initializer '0.conv1.bn.weight' is both a trainable parameter (input 1 (scale)"
                + " of BatchNormalization") && line.contains("and a BatchNorm running statistic (input 4 (running variance)")
                && line.contains("tools/export_block.py"), line);
        assertTrue(Files.notExists(dir.resolve("merged-models/manifest.json")), "nothing written");
    }

    /** A conv applied twice is one tensor in PyTorch and one parameter in the spliced scaffold. */
    @Test
    void aSharedConvKeepsOneParameter() {
        for (Position p : Position.values()) {
            ManifestEntry entry = manifest.find("SharedConv", p.id()).orElseThrow();
            GraphProto graph = OnnxModelFile.read(dir.resolve("models").resolve(entry.train().path())).getGraph();
            String weight = p.stage() + ".0.conv.weight";
            assertEquals(1, graph.getInitializerList().stream().filter(t -> t.getName().equals(weight)).count(), weight);
            assertEquals(2, graph.getNodeList().stream().filter(n -> n.getOpType().equals("Conv")
                    && n.getInputList().contains(weight)).count(), weight + " read by two convs");
        }
    }

    /**
     * Item 2: at every position, parameters equal PyTorch's scaffold, eval outputs agree within 1e-4
     * relative, deploy equals train, one epoch trains with ORT parity, and the board shows the row.
     */
    @Test
    void torchvisionBlocksMatchPyTorchTrainAndReachTheBoard() throws IOException, InterruptedException {
        List<String> blocks = concat(List.of("SharedConv"), TORCHVISION);
        StringBuilder list = new StringBuilder();
        for (String block : blocks) {
            for (Position p : Position.values()) {
                list.append(String.join(" ", "torchvision_blocks:" + block, p.id(),
                        dir.resolve("models").resolve(manifest.find(block, p.id()).orElseThrow().train().path()).toString(),
                        dir.resolve("torch/" + block + "/" + p.id()).toString())).append('\n');
            }
        }
        Files.writeString(dir.resolve("refs.txt"), list);
        assertEquals(0, PyTorchPeer.python(dir, "scaffold_refs.py", "refs.txt"), "scaffold_refs.py");
        Path training = dir.resolve("training");
        train(blocks, training);
        StringBuilder report = new StringBuilder();
        for (String block : blocks) {
            for (Position p : Position.values()) {
                String id = block + "/" + p.id();
                ManifestEntry entry = manifest.find(block, p.id()).orElseThrow();
                Path torch = dir.resolve("torch/" + block + "/" + p.id());
                JsonNode reference = JsonFiles.mapper().readTree(torch.resolve("result.json").toFile());
                assertEquals(reference.get("params").asLong(), entry.trainableParams(), id + " params");
                FloatTensor input = new FloatTensor(new long[] {2, 3, 32, 32}, PyTorchPeer.floats(torch.resolve("input.bin")));
                float[] expected = PyTorchPeer.floats(torch.resolve("output.bin"));
                ModelProto train = OnnxModelFile.read(dir.resolve("models").resolve(entry.train().path()));
                ModelProto deploy = OnnxModelFile.read(dir.resolve("models").resolve(entry.deploy().path()));
                float[] trainOut = OrtEval.run(train, input).data();
                double vsTorch = OrtEval.relativeError(expected, trainOut);
                double deployVsTrain = OrtEval.relativeError(trainOut, OrtEval.run(deploy, input).data());
                JsonNode run = runJson(training, block, p);
                assertEquals(entry.trainableParams(), run.get("model").get("trainable_params").asLong(), id);
                JsonNode parity = run.get("parity");
                report.append(String.format("%s: params %d (PyTorch %d), train vs PyTorch %.3g, deploy vs train %.3g,"
                        + " one-epoch val acc %.4f, ORT agreement %.4f, deploy agreement %.4f%n", id,
                        entry.trainableParams(), reference.get("params").asLong(), vsTorch, deployVsTrain,
                        run.get("final_val_accuracy").asDouble(), parity.get("agreement").asDouble(),
                        parity.get("deploy_agreement").asDouble()));
                assertTrue(vsTorch < TOLERANCE, id + " train vs PyTorch: " + vsTorch);
                assertTrue(deployVsTrain < TOLERANCE, id + " deploy vs train: " + deployVsTrain);
                assertTrue(parity.get("passed").asBoolean(), id + " " + parity);
            }
        }
        System.out.print(report);
        Path analysis = dir.resolve("analysis");
        assertEquals(ExitCodes.OK, CliRunner.execute(out, err, "leaderboard", "--model-dir", dir.resolve("models").toString(),
                "--training", training.toString(), "-o", analysis.toString()), err.toString());
        List<String> csv = Files.readAllLines(analysis.resolve("leaderboard.csv"));
        List<String> header = List.of(csv.get(0).split(",", -1));
        for (String block : blocks) {
            for (Position p : Position.values()) {
                assertTrue(csv.stream().map(l -> List.of(l.split(",", -1))).anyMatch(row -> row.get(header.indexOf("block"))
                        .equals(block) && row.get(header.indexOf("position")).equals(p.id())
                        && !row.get(header.indexOf("val_accuracy_pct_mean")).isEmpty()), block + "/" + p.id() + " on the board");
            }
        }
    }

    private void train(List<String> blocks, Path training) {
        List<String> args = new ArrayList<>(List.of("train", "-q", "--manifest",
                dir.resolve("models").resolve(Manifest.FILE_NAME).toString(), "--blocks", String.join(",", blocks),
                "--epochs", "1", "--batch", "16", "--train-size", "16", "--val-size", "16", "-o", training.toString()));
        args.addAll(packArgs(blocks));
        assertEquals(ExitCodes.OK, CliRunner.execute(out, err, args.toArray(String[]::new)), out + "\n" + err);
    }

    private static JsonNode runJson(Path training, String block, Position p) throws IOException {
        return JsonFiles.mapper().readTree(training.resolve(block + "/" + p.id() + "/blockzoo-synthetic/seed-0/run.json")
                .toFile());
    }

    private static List<String> packArgs(List<String> blocks) {
        List<String> args = new ArrayList<>();
        for (String b : blocks) {
            args.add("--block-pack");
            args.add(dir.resolve("packs/" + b).toString());
        }
        return args;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
