package org.blockbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.blockbench.export.Exporter;
import org.blockbench.model.ModelRef;
import org.blockbench.onnx.OnnxModelFile;
import org.blockbench.data.FashionMnist;
import org.blockbench.zoo.ModelId;
import org.blockbench.zoo.ScaffoldConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code blockbench train} end to end on the GWO StandardConv network with the gwo recipe
 * (tiny synthetic subset), and its one-line errors for bad input.
 */
class TrainCommandTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();
    private final StringWriter out = new StringWriter();

    private int run(String... args) {
        return CliRunner.execute(out, err, args);
    }

    @Test
    void trainsTheGwoStandardConvNetworkWithTheGwoRecipe() throws Exception {
        Path models = dir.resolve("onnx-models");
        new Exporter(models, ScaffoldConfig.defaults()).export(List.of(new ModelId("StandardConv", ModelId.GWO_NETWORK)), id -> { });
        int code = run("train", "-q", "--manifest", models.resolve("manifest.json").toString(), "--models",
                "StandardConv/gwo-net", "--recipe", "gwo", "--epochs", "1", "--train-size", "256", "--val-size", "200",
                "--out", dir.resolve("out").toString());
        assertEquals(ExitCodes.OK, code, err.toString());
        Path runDir = dir.resolve("out/StandardConv/gwo-net/gwo-synthetic/seed-0");
        JsonNode r = new ObjectMapper().readTree(runDir.resolve("run.json").toFile());
        assertEquals("blockbench-training-run/1", r.get("format").asText());
        assertEquals("StandardConv", r.get("model").get("block").asText());
        assertEquals("sgd", r.get("recipe").get("optimizer").asText());
        assertEquals(0.9, r.get("recipe").get("momentum").asDouble());
        assertEquals(64, r.get("recipe").get("batch_size").asInt());
        assertEquals("none", r.get("recipe").get("augmentation").asText());
        // convs with bias: 3*16*9+16 + 16*32*9+32; fc 1152*120+120, 120*84+84, 84*10+10
        assertEquals(448 + 4640 + 138_360 + 10_164 + 850, r.get("model").get("trainable_params").asLong());
        assertEquals(1, r.get("epochs").size());
        assertTrue(r.get("parity").get("passed").asBoolean(), r.get("parity").toString());
        assertTrue(r.get("parity").get("deploy_agreement").asDouble() >= 0.999);
        OnnxModelFile.read(runDir.resolve("trained.train.onnx"));
        OnnxModelFile.read(runDir.resolve("trained.deploy.onnx"));
        assertTrue(out.toString().contains("StandardConv/gwo-net gwo-synthetic seed 0"), out.toString());

        // variants asked of the finished run are made from its trained deploy graph, without retraining
        code = run("train", "-q", "--manifest", models.resolve("manifest.json").toString(), "--models",
                "StandardConv/gwo-net", "--recipe", "gwo", "--epochs", "1", "--train-size", "256", "--val-size", "200",
                "--out", dir.resolve("out").toString(), "--variants", "int8,fp16", "--calibration-images", "16");
        assertEquals(ExitCodes.OK, code, err.toString());
        r = new ObjectMapper().readTree(runDir.resolve("run.json").toFile());
        assertEquals(1, r.get("epochs").size());
        JsonNode variants = r.get("variants");
        assertEquals(2, variants.size(), variants.toString());
        JsonNode int8 = variants.get(0);
        assertEquals("int8", int8.get("variant").asText());
        assertEquals(200, int8.get("samples").asInt());
        assertEquals(r.get("parity").get("deploy_ort_val_accuracy").asDouble(), int8.get("fp32_val_accuracy").asDouble(), 1e-12);
        assertEquals(100 * (int8.get("fp32_val_accuracy").asDouble() - int8.get("ort_val_accuracy").asDouble()),
                int8.get("accuracy_drop_points").asDouble(), 1e-9);
        assertTrue(int8.get("agreement_with_fp32").asDouble() > 0.5, int8.toString());
        assertEquals("16", int8.get("settings").get("blockbench.quant.calibration.images").asText());
        assertEquals("synthetic", int8.get("settings").get("blockbench.quant.calibration.dataset").asText());
        OnnxModelFile.read(runDir.resolve("trained.deploy.int8.onnx"));
        assertEquals("fp16", variants.get(1).get("variant").asText());
        assertTrue(out.toString().contains("StandardConv/gwo-net seed 0 int8: ORT val acc"), out.toString());
    }

    @Test
    void reducedScaffoldIsBuiltFromTheZooAndRecordedInRunJson() throws Exception {
        Path models = dir.resolve("onnx-models");
        new Exporter(models, ScaffoldConfig.defaults()).export(List.of(new ModelId("ResNetBasicBlock", "late")), id -> { });
        int code = run("train", "-q", "--manifest", models.resolve("manifest.json").toString(), "--models",
                "ResNetBasicBlock/late", "--base-channels", "16", "--blocks-per-stage", "1", "--epochs", "1",
                "--batch", "16", "--train-size", "32", "--val-size", "16", "--out", dir.resolve("out").toString());
        assertEquals(ExitCodes.OK, code, err.toString());
        JsonNode r = new ObjectMapper().readTree(dir.resolve("out/ResNetBasicBlock/late/blockzoo-synthetic/seed-0/run.json").toFile());
        JsonNode scaffold = r.get("scaffold");
        assertEquals(16, scaffold.get("base_channels").asInt());
        assertEquals(1, scaffold.get("blocks_per_stage").asInt());
        assertEquals(false, scaffold.get("full_size").asBoolean());
        // the hand count of ScaffoldSizeTest: 480 + 4,960 + 14,528 + 57,728 + 650
        assertEquals(78_346, r.get("model").get("trainable_params").asLong());
        assertTrue(r.get("parity").get("passed").asBoolean(), r.get("parity").toString());
        // the same directory asked for at another size is refused, naming the knob
        int again = run("train", "-q", "--manifest", models.resolve("manifest.json").toString(), "--models",
                "ResNetBasicBlock/late", "--base-channels", "8", "--blocks-per-stage", "1", "--epochs", "1",
                "--batch", "16", "--train-size", "32", "--val-size", "16", "--out", dir.resolve("out").toString());
        assertEquals(ExitCodes.BAD_INPUT, again);
        assertTrue(err.toString().contains("base_channels 16 there, 8 asked"), err.toString());
    }

    @Test
    void trainsOnFashionMnistAndNamesItInRunJson() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(FashionMnist.DEFAULT_DIR),
                FashionMnist.DEFAULT_DIR + " absent (apt install " + FashionMnist.PACKAGE + ")");
        Path models = dir.resolve("onnx-models");
        new Exporter(models, ScaffoldConfig.defaults()).export(List.of(new ModelId("StandardConv", "late")), id -> { });
        int code = run("train", "-q", "--manifest", models.resolve("manifest.json").toString(), "--models", "StandardConv/late",
                "--base-channels", "16", "--blocks-per-stage", "1", "--batch", "16", "--lr", "0.003", "--schedule",
                "warmup-cosine", "--dataset", "fashion-mnist", "--train-size", "64", "--val-size", "64", "--epochs", "1",
                "--out", dir.resolve("out").toString());
        assertEquals(ExitCodes.OK, code, err.toString());
        JsonNode r = new ObjectMapper().readTree(dir.resolve("out/StandardConv/late/blockzoo-fashion-mnist/seed-0/run.json")
                .toFile());
        JsonNode dataset = r.get("dataset");
        assertEquals("fashion-mnist", dataset.get("name").asText());
        assertTrue(dataset.get("source").asText().startsWith(FashionMnist.DEFAULT_DIR + " (Fashion-MNIST IDX files"),
                dataset.toString());
        assertEquals(64, dataset.get("train_size").asInt());
        assertEquals(64, dataset.get("val_size").asInt());
        assertEquals(10, dataset.get("classes").asInt());
        assertTrue(dataset.get("val_is_test_set").asBoolean());
        // Fashion-MNIST's own normalisation in place of the recipe's, and said to be an override
        JsonNode recipe = r.get("recipe");
        for (int c = 0; c < 3; c++) {
            assertEquals(0.2860, recipe.get("normalization_mean").get(c).asDouble(), 1e-6);
            assertEquals(0.3530, recipe.get("normalization_std").get(c).asDouble(), 1e-6);
        }
        assertTrue(recipe.get("overrides").toString().contains("normalization"), recipe.toString());
        assertTrue(r.get("parity").get("passed").asBoolean(), r.get("parity").toString());
        assertTrue(out.toString().contains("StandardConv/late blockzoo-fashion-mnist seed 0"), out.toString());
    }

    @Test
    void fashionMnistWithoutItsFilesSaysHowToGetThem() {
        Path file = dir.resolve("celu.onnx");
        OnnxModelFile.write(file, celuModel());
        int code = run("train", "-q", "--onnx", file.toString(), "--dataset", "fashion-mnist", "--data-dir",
                dir.resolve("nowhere").toString());
        assertEquals(ExitCodes.BAD_INPUT, code);
        String message = err.toString().strip();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains("Fashion-MNIST IDX files not found in " + dir.resolve("nowhere")), message);
        assertTrue(message.contains("`apt install dataset-fashion-mnist`") && message.contains("--data-dir"), message);
    }

    @Test
    void fashionMnistIsNotDownloaded() {
        assertEquals(ExitCodes.BAD_INPUT, run("train", "--download-only", "--dataset", "fashion-mnist"));
        assertEquals("blockbench: --download-only fetches a CIFAR dataset: pass --dataset cifar10 or --dataset cifar100;"
                + " Fashion-MNIST comes from `apt install dataset-fashion-mnist` (or --data-dir DIR holding its IDX files)",
                err.toString().strip());
    }

    @Test
    void unknownDatasetListsTheValidNames() {
        assertEquals(ExitCodes.BAD_INPUT, run("train", "-q", "--models", "StandardConv/late", "--dataset", "mnist",
                "--manifest", dir.resolve("missing.json").toString()));
        assertEquals("blockbench: unknown dataset 'mnist', expected one of [synthetic, cifar10, cifar100, fashion-mnist]",
                err.toString().strip());
    }

    @Test
    void unsupportedOperatorFailsBeforeTrainingNamingIt() {
        Path file = dir.resolve("celu.onnx");
        OnnxModelFile.write(file, celuModel());
        int code = run("train", "-q", "--onnx", file.toString(), "--epochs", "1", "--train-size", "16", "--val-size", "8",
                "--out", dir.resolve("out").toString());
        assertEquals(ExitCodes.BAD_INPUT, code);
        String message = err.toString().strip();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains("does not support operator Celu (1 node, first 'celu_0')"), message);
        assertTrue(Files.notExists(runDirectory(file).resolve("run.json")));
    }

    @Test
    void modelThatCannotRunOnTheImagesFailsBeforeTraining() {
        Path file = dir.resolve("wrong.onnx");
        OnnxModelFile.write(file, wrongLinearModel());
        int code = run("train", "-q", "--onnx", file.toString(), "--train-size", "16", "--val-size", "8",
                "--out", dir.resolve("out").toString());
        assertEquals(ExitCodes.BAD_INPUT, code);
        String message = err.toString().strip();
        assertEquals(1, message.lines().count(), message);
        // ONNX Runtime runs the untrained graph on the first validation batch (child JVM) before the first epoch
        assertTrue(message.contains(file + ": ONNX Runtime failed to run the model on inputs [input]")
                && message.contains("GEMM: Dimension mismatch, W: {10,100} K: 3072 N:10"), message);
        assertTrue(Files.notExists(runDirectory(file).resolve("checkpoint")));
    }

    private Path runDirectory(Path model) {
        return dir.resolve("out").resolve(ModelRef.parse(model.toString()).directory()).resolve("blockzoo-synthetic/seed-0");
    }

    @Test
    void missingCifarDirectoryExplainsWhereToGetIt() {
        Path file = dir.resolve("celu.onnx");
        OnnxModelFile.write(file, celuModel());
        int code = run("train", "-q", "--onnx", file.toString(), "--dataset", "cifar10", "--data-dir",
                dir.resolve("nowhere").toString());
        assertEquals(ExitCodes.BAD_INPUT, code);
        String message = err.toString().strip();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains("CIFAR-10 binary files not found"), message);
        assertTrue(message.contains("https://www.cs.toronto.edu/~kriz/cifar.html"), message);
        assertTrue(message.contains("--data-dir") && message.contains("--download"), message);
    }

    @Test
    void aFileGivenToModelsIsTrainedAsOnnxTrainsIt() {
        assertEquals(ExitCodes.BAD_INPUT, run("train", "-q", "--onnx", "missing.ONNX"));
        String viaOnnx = err.toString().strip();
        err.getBuffer().setLength(0);
        assertEquals(ExitCodes.BAD_INPUT, run("train", "-q", "--models", "missing.ONNX"));
        assertEquals(1, viaOnnx.lines().count(), viaOnnx);
        assertEquals(viaOnnx, err.toString().strip());
    }

    @Test
    void nothingChosenAsksForModels() {
        assertEquals(ExitCodes.BAD_INPUT, run("train", "-q"));
        assertTrue(err.toString().contains("choose what to train"), err.toString());
    }

    /** input [N,3,32,32] → Flatten → Gemm with a weight for 100 features (the input has 3072). */
    private static ModelProto wrongLinearModel() {
        TypeProto type = TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                .setElemType(TensorProto.DataType.FLOAT.getNumber())).build();
        TensorProto.Builder w = TensorProto.newBuilder().setName("w").setDataType(TensorProto.DataType.FLOAT.getNumber())
                .addDims(10).addDims(100);
        for (int i = 0; i < 1000; i++) {
            w.addFloatData(0.01f);
        }
        GraphProto graph = GraphProto.newBuilder().setName("wrong")
                .addInput(ValueInfoProto.newBuilder().setName("input").setType(type)).addInitializer(w)
                .addNode(NodeProto.newBuilder().setOpType("Flatten").setName("flat").addInput("input").addOutput("f"))
                .addNode(NodeProto.newBuilder().setOpType("Gemm").setName("fc").addInput("f").addInput("w").addOutput("logits")
                        .addAttribute(org.blockbench.onnx.Attribute.integer("transB", 1).proto()))
                .addOutput(ValueInfoProto.newBuilder().setName("logits").setType(type)).build();
        return ModelProto.newBuilder().setIrVersion(8).setProducerName("test")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(17)).setGraph(graph).build();
    }

    /** input [N,3,32,32] → Celu → GlobalAveragePool → Flatten → 3 "classes". */
    private static ModelProto celuModel() {
        TypeProto type = TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                .setElemType(TensorProto.DataType.FLOAT.getNumber())).build();
        GraphProto graph = GraphProto.newBuilder().setName("celu")
                .addInput(ValueInfoProto.newBuilder().setName("input").setType(type))
                .addNode(NodeProto.newBuilder().setOpType("Celu").setName("celu_0").addInput("input").addOutput("a"))
                .addNode(NodeProto.newBuilder().setOpType("GlobalAveragePool").setName("gap").addInput("a").addOutput("b"))
                .addNode(NodeProto.newBuilder().setOpType("Flatten").setName("flat").addInput("b").addOutput("logits"))
                .addOutput(ValueInfoProto.newBuilder().setName("logits").setType(type)).build();
        return ModelProto.newBuilder().setIrVersion(8).setProducerName("test")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(17)).setGraph(graph).build();
    }
}
