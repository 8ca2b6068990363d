package org.blockbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.blockbench.io.JsonFiles;
import org.blockbench.onnx.FloatTensor;
import org.blockbench.onnx.OnnxModelFile;
import org.blockbench.onnx.OrtEval;
import org.blockbench.ort.SeededInput;
import org.blockbench.train.interp.TorchRuntime;
import org.blockbench.train.TrainingBenchmark;
import org.blockbench.train.interp.MemoryLayout;
import org.blockbench.train.interp.Precision;
import org.blockbench.train.interp.SharedTensors;
import org.blockbench.train.interp.TorchGraph;
import org.blockbench.train.interp.TorchTensors;
import org.bytedeco.javacpp.PointerScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21: the trainer covers the operators PyTorch's exporter emits for torchvision's
 * classifiers at opset 17 (Cast, Pad, ConstantOfShape, Equal, Expand, Where, Mod, Not, Range,
 * ScatterND, Einsum). Each model, exported with default initialisation and num_classes=10, gives
 * ONNX Runtime's logits in the interpreter (eval), has PyTorch's trainable parameters there, and
 * trains for two Adam steps; the ViT family at its 224×224 input with batch 1.
 */
class TorchvisionClassifiersTrainTest {

    /** Float32 through a hundred layers, two implementations: relative to the largest logit. */
    private static final double TOLERANCE = 1e-3;

    @TempDir
    Path dir;

    @Test
    void shufflenetAndDensenetAt32() throws IOException, InterruptedException {
        check(32, 2, "shufflenet_v2_x1_0", "densenet121");
    }

    @Test
    void vitFamilyAt224() throws IOException, InterruptedException {
        check(224, 1, "vit_b_16", "swin_t", "maxvit_t");
    }

    private void check(int size, int batch, String... models) throws IOException, InterruptedException {
        PyTorchPeer.require(dir, "torch, torchvision, onnx", "torchvision_models.py");
        String[] args = new String[models.length + 3];
        args[0] = "torchvision_models.py";
        args[1] = "models";
        args[2] = Integer.toString(size);
        System.arraycopy(models, 0, args, 3, models.length);
        assertEquals(0, PyTorchPeer.python(dir, args), "torchvision_models.py " + Arrays.toString(models));
        JsonNode params = JsonFiles.mapper().readTree(dir.resolve("models/params.json").toFile());
        for (String name : models) {
            ModelProto model = OnnxModelFile.read(dir.resolve("models/" + name + ".onnx"));
            long[] shape = {batch, 3, size, size};
            FloatTensor x = new FloatTensor(shape, SeededInput.standardNormal(SeededInput.SEED, batch * 3 * size * size));
            float[] ort = OrtEval.run(model, x).data();
            TorchRuntime.setThreads(2);
            double error;
            long trainable;
            try (TorchGraph graph = TorchGraph.compile(SharedTensors.separate(model), name, Precision.FLOAT32, MemoryLayout.NCHW);
                 PointerScope scope = new PointerScope()) {
                trainable = graph.parameters().trainableElements();
                float[] interp = TorchTensors.floats(graph.forward(TorchTensors.fromFloats(x.data(), shape), false));
                error = OrtEval.relativeError(ort, interp);
            }
            TrainingBenchmark.Measurement steps = TrainingBenchmark.measure(model, name, MemoryLayout.NCHW, batch, 2, 0, 2, s -> { });
            System.out.printf("%s at %d: trainable %d (PyTorch %d), interpreter vs ORT %.3g, training step %.2f s%n", name,
                    size, trainable, params.get(name).asLong(), error, steps.medianStepSeconds());
            assertEquals(params.get(name).asLong(), trainable, name + " parameters");
            assertTrue(error < TOLERANCE, name + " interpreter vs ORT: " + error);
            assertTrue(Arrays.stream(steps.stepSeconds()).allMatch(s -> s > 0 && Double.isFinite(s)), name);
        }
    }
}
