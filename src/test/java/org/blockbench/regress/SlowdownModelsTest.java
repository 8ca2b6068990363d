package org.blockbench.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import org.blockbench.BadInputException;
import org.blockbench.onnx.OnnxModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlowdownModelsTest {

    @Test
    void macCountsByHand() {
        // stem 3·32·9·256 = 221,184; 10 body convs 32·32·9·256 = 2,359,296 each; Gemm 32·10 = 320
        assertEquals(221_184L + 10 * 2_359_296L + 320, SlowdownModels.macs(0, 0));
        // w = 16: layers 5 and 6 each gain 16·32·9·256 = 1,179,648
        assertEquals(SlowdownModels.macs(0, 0) + 2 * 1_179_648L, SlowdownModels.macs(16, 0));
        assertEquals(0.0991, SlowdownModels.extraComputeFraction(16, 0), 5e-5);
        // d = 2: two convs 32·32·9·64 = 589,824 each at 8×8
        assertEquals(SlowdownModels.macs(0, 0) + 2 * 589_824L, SlowdownModels.macs(0, 2));
        assertEquals(0.0495, SlowdownModels.extraComputeFraction(0, 2), 5e-5);
        assertThrows(IllegalArgumentException.class, () -> SlowdownModels.build(-1));
        assertThrows(IllegalArgumentException.class, () -> SlowdownModels.build(0, -1));
    }

    @Test
    void variantsRunInOrtWithTheDeclaredShapes(@TempDir Path dir) throws Exception {
        for (int[] variant : new int[][] {{0, 0}, {16, 0}, {0, 2}}) {
            int w = variant[0];
            int d = variant[1];
            Path file = dir.resolve("w" + w + "d" + d + ".onnx");
            OnnxModelFile.write(file, SlowdownModels.build(w, d));
            assertEquals(Long.toString(SlowdownModels.macs(w, d)), OnnxModelFile.read(file).getMetadataPropsList().stream()
                    .filter(p -> p.getKey().equals("blockbench.regress.macs")).findFirst().orElseThrow().getValue());
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (OrtSession s = env.createSession(file.toString(), new OrtSession.SessionOptions());
                    OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[2 * 3 * 32 * 32]), new long[] {2, 3, 32, 32});
                    OrtSession.Result r = s.run(java.util.Map.of("input", x))) {
                float[][] logits = (float[][]) r.get("logits").orElseThrow().getValue();
                assertEquals(2, logits.length);
                assertEquals(SlowdownModels.CLASSES, logits[0].length);
                // zero input: every conv but the biased stem gives 0, so the logits equal the (zero) Gemm bias
                for (float v : logits[0]) {
                    assertEquals(0f, v, 0f);
                }
            }
        }
    }

    @Test
    void runnerOwnsItsHandles(@TempDir Path dir) {
        Path file = dir.resolve("base.onnx");
        OnnxModelFile.write(file, SlowdownModels.build(0));
        OrtModelRunner runner = OrtModelRunner.open(file, 1, "all", 3);
        assertEquals(1, runner.run(), "one output");
        runner.close();
        runner.close(); // a second close is harmless
        IllegalStateException e = assertThrows(IllegalStateException.class, runner::run);
        assertTrue(e.getMessage().startsWith("OrtModelRunner is closed"), e.getMessage());
    }

    @Test
    void runnerRejectsBadInputClearly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("base.onnx");
        OnnxModelFile.write(file, SlowdownModels.build(0));
        BadInputException e = assertThrows(BadInputException.class, () -> OrtModelRunner.open(file, 1, "max", 1));
        assertEquals("unknown optimisation level 'max', expected one of [none, basic, extended, all]", e.getMessage());
        e = assertThrows(BadInputException.class, () -> OrtModelRunner.open(dir.resolve("missing.onnx"), 1, "all", 1));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        Path junk = dir.resolve("junk.onnx");
        java.nio.file.Files.writeString(junk, "not a model");
        e = assertThrows(BadInputException.class, () -> OrtModelRunner.open(junk, 1, "all", 1));
        assertTrue(e.getMessage().startsWith("ONNX Runtime cannot load " + junk), e.getMessage());
        e = assertThrows(BadInputException.class, () -> OrtModelRunner.open(file, 0, "all", 1));
        assertTrue(e.getMessage().contains("threads and batch must be >= 1"), e.getMessage());
    }
}
