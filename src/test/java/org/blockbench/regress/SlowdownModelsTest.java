package org.blockbench.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.blockbench.onnx.OnnxModelFile;
import org.blockbench.ort.HostTensor;
import org.blockbench.ort.InferenceSession;
import org.blockbench.ort.ModelOrigin;
import org.blockbench.ort.OptimizationLevel;
import org.blockbench.ort.SessionSettings;
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
            try (InferenceSession s = InferenceSession.load(file.toString(), Files.readAllBytes(file), ModelOrigin.BLOCKBENCH,
                    SessionSettings.cpu(1, OptimizationLevel.ALL))) {
                HostTensor logits = s.evaluate(Map.of("input", HostTensor.floats(new long[] {2, 3, 32, 32},
                        new float[2 * 3 * 32 * 32]))).get("logits");
                assertEquals(2, logits.shape()[0]);
                assertEquals(SlowdownModels.CLASSES, logits.shape()[1]);
                // zero input: every conv but the biased stem gives 0, so the logits equal the (zero) Gemm bias
                for (float v : logits.data()) {
                    assertEquals(0f, v, 0f);
                }
            }
        }
    }
}
