package org.blockbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import org.blockbench.io.JsonFiles;
import org.blockbench.model.ModelRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21: {@code train --onnx} on ordinary PyTorch exports. torchvision's resnet18 and
 * mobilenet_v2 with their default initialisation (BatchNorm weight 1, bias 0, which
 * torch.onnx.export merges with the running statistics) train one short epoch on 32×32 input,
 * ONNX Runtime agrees with the trainer, and the trainer has exactly PyTorch's parameters.
 */
class TrainOnnxTorchvisionTest {

    @TempDir
    static Path dir;
    private static JsonNode pytorchParams;

    @BeforeAll
    static void export() throws IOException, InterruptedException {
        PyTorchPeer.require(dir, "torch, torchvision, onnx", "torchvision_models.py");
        assertEquals(0, PyTorchPeer.python(dir, "torchvision_models.py", "models", "32", "resnet18", "mobilenet_v2"));
        pytorchParams = JsonFiles.mapper().readTree(dir.resolve("models/params.json").toFile());
    }

    @Test
    void resnet18Trains() throws IOException {
        trainsWithPyTorchsParameters("resnet18", 11_181_642);
    }

    @Test
    void mobilenetV2Trains() throws IOException {
        trainsWithPyTorchsParameters("mobilenet_v2", 2_236_682);
    }

    private static void trainsWithPyTorchsParameters(String model, long params) throws IOException {
        assertEquals(params, pytorchParams.get(model).asLong(), "PyTorch's count");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CliRunner.execute(out, err, "train", "-q", "--onnx", dir.resolve("models/" + model + ".onnx").toString(),
                "--epochs", "1", "--batch", "8", "--train-size", "16", "--val-size", "16", "-o", dir.resolve("out").toString());
        assertEquals(ExitCodes.OK, code, out + "\n" + err);
        Path file = dir.resolve("models/" + model + ".onnx");
        JsonNode run = JsonFiles.mapper().readTree(dir.resolve("out").resolve(ModelRef.parse(file.toString()).directory())
                .resolve("blockzoo-synthetic/seed-0/run.json").toFile());
        assertEquals(params, run.get("model").get("trainable_params").asLong());
        JsonNode parity = run.get("parity");
        assertTrue(parity.get("passed").asBoolean(), parity.toString());
        assertEquals(16, parity.get("samples").asInt());
        System.out.printf("%s: trainable %d (PyTorch %d), buffers %d, one-epoch val acc %.4f, ORT agreement %.4f%n", model,
                run.get("model").get("trainable_params").asLong(), params, run.get("model").get("buffer_elements").asLong(),
                run.get("final_val_accuracy").asDouble(), parity.get("agreement").asDouble());
    }
}
