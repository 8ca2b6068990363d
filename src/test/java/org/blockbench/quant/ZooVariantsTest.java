package org.blockbench.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.blockbench.data.CalibrationSet;
import org.blockbench.onnx.OnnxModelFile;
import org.blockbench.ort.HostTensor;
import org.blockbench.ort.InferenceSession;
import org.blockbench.ort.ModelOrigin;
import org.blockbench.ort.OptimizationLevel;
import org.blockbench.ort.SessionSettings;
import org.blockbench.data.Normalization;
import org.blockbench.data.SyntheticDataset;
import org.blockbench.zoo.Form;
import org.blockbench.zoo.ModelId;
import org.blockbench.zoo.ScaffoldConfig;
import org.blockbench.zoo.build.Zoo;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every zoo block's INT8 and FP16 variant at the mid position: ONNX
 * Runtime's optimised INT8 graph has an integer kernel for every Conv the variant quantized and
 * no float Conv beyond those left float and listed; both variants pass the ONNX checker with
 * full shape inference (Debian's /usr/bin/python3 with onnx; skipped without it unless
 * BLOCKBENCH_REQUIRE_TORCH is set) and run in ONNX Runtime Java on the CPU.
 */
class ZooVariantsTest {

    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    static Path dir;
    static final List<Path> written = new ArrayList<>();
    static CalibrationSet calibration;

    @BeforeAll
    static void calibrationSet() {
        // one image: this test is about graph structure; accuracy is QdqQuantizerTest's
        var data = SyntheticDataset.generate(10, 1, 1, 0);
        calibration = CalibrationSet.draw("synthetic", data.train(), Normalization.HALF, 1, 1, 0);
    }

    @Test
    void everyVariantHasIntegerConvsAndRuns() {
        HostTensor input = calibration.batches().get(0);
        // every block at the mid position (a whole-zoo run takes minutes on two cores; export --variants does it)
        List<ModelId> models = Zoo.allModels().stream().filter(m -> m.position().equals("mid")).toList();
        assertEquals(14, models.size());
        for (ModelId id : models) {
            ModelProto deploy = Zoo.build(id, Form.DEPLOY, ScaffoldConfig.defaults()).model();
            QdqQuantizer.Result int8 = QdqQuantizer.quantize(deploy, calibration, QuantSettings.DEFAULT);
            Fp16Converter.Result fp16 = Fp16Converter.convert(deploy);
            int floatConvs = int8.floatOps().entrySet().stream().filter(e -> e.getKey().startsWith("Conv"))
                    .mapToInt(Map.Entry::getValue).sum();
            IntegerKernels kernels = IntegerKernels.of(int8.model(), dir);
            assertTrue(kernels.quantizedConvs() > 0, id + ": no Conv quantized");
            assertEquals(kernels.quantizedConvs(), kernels.integerConvs(), id + ": optimised graph " + kernels.optimizedOps());
            assertEquals(floatConvs, kernels.floatConvs(), id + ": optimised graph " + kernels.optimizedOps());
            for (ModelProto m : List.of(int8.model(), fp16.model())) {
                Path file = dir.resolve(id.toString().replace('/', '_') + "." + m.getGraph().getName() + ".onnx");
                OnnxModelFile.write(file, m);
                written.add(file);
                ModelProto read = OnnxModelFile.read(file);
                try (InferenceSession s = InferenceSession.load(file.toString(), read.toByteArray(), ModelOrigin.BLOCKBENCH,
                        SessionSettings.cpu(1, OptimizationLevel.ALL))) {
                    HostTensor logits = s.evaluate(Map.of(s.inputNames().get(0), input)).get(s.outputNames().get(0));
                    assertEquals(List.of(1L, 10L), List.of(logits.shape()[0], logits.shape()[1]), id.toString());
                    for (float v : logits.data()) {
                        assertTrue(Float.isFinite(v), id + ": non-finite logit");
                    }
                }
            }
        }
        checkerPasses();
    }

    private static void checkerPasses() {
        try {
            boolean present = Files.isExecutable(Path.of(PYTHON)) && run(List.of(PYTHON, "-c", "import onnx")) == 0;
            if (!present) {
                if (System.getenv("BLOCKBENCH_REQUIRE_TORCH") != null) {
                    fail(PYTHON + " cannot import onnx, and BLOCKBENCH_REQUIRE_TORCH is set");
                }
                Assumptions.abort(PYTHON + " cannot import onnx (apt-get install python3-onnx)");
            }
            List<String> command = new ArrayList<>(List.of(PYTHON, "-c",
                    "import sys, onnx\nfor p in sys.argv[1:]:\n    onnx.checker.check_model(p, full_check=True)\n"));
            written.forEach(p -> command.add(p.toString()));
            assertEquals(0, run(command), "onnx.checker.check_model(full_check=True) failed; see the log above");
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static int run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("timed out: " + command.get(0));
        }
        return p.exitValue();
    }
}
