package org.blockbench.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import org.blockbench.data.CalibrationSet;
import org.blockbench.stats.SignalToNoise;
import org.blockbench.data.SyntheticDataset;
import org.blockbench.train.recipe.Recipes;
import org.blockbench.zoo.Form;
import org.blockbench.zoo.ModelId;
import org.blockbench.zoo.ScaffoldConfig;
import org.blockbench.zoo.build.Zoo;
import org.junit.jupiter.api.Test;

/** No INT8 variant that computes nothing: ONNX Runtime's int32-bias rule, the output check and its floor. */
class OutputFidelityTest {

    /**
     * UniversalInvertedBottleneck/mid as export makes it (default calibration: 64 synthetic images,
     * batches of 8, seed 0; checked on 16 images of the validation split). Its blocks start with a 1e-5 layer scale, so the classifier's input
     * is ~1e-8 and its int32 bias would need a scale of ~1e-11: ORT's rule raises the weight scale
     * ~2,400×, which rounds every weight to 0 (a constant output), so the classifier stays float.
     * Before, the bias was clipped to int32 and the output was exactly 0 for every input (0.0 dB).
     * ONNX Runtime's own quantize_static reaches 52.2 dB here (issue 25).
     */
    @Test
    void universalInvertedBottleneckDependsOnItsInput() {
        ModelProto deploy = Zoo.build(ModelId.parse("UniversalInvertedBottleneck/mid"), Form.DEPLOY,
                ScaffoldConfig.defaults()).model();
        CalibrationSet set = CalibrationSet.draw(SyntheticDataset.NAME, SyntheticDataset.generate(10,
                CalibrationSet.DEFAULT_IMAGES, 1, 0).train(), Recipes.BLOCKZOO.normalization(), CalibrationSet.DEFAULT_IMAGES,
                CalibrationSet.DEFAULT_BATCH, 0);
        var check = CalibrationSet.draw(SyntheticDataset.NAME, SyntheticDataset.generate(10, CalibrationSet.DEFAULT_IMAGES,
                OutputFidelity.IMAGES, 0).val(), Recipes.BLOCKZOO.normalization(), OutputFidelity.IMAGES,
                OutputFidelity.IMAGES, 0).batches().get(0);
        VariantMaker.Made int8 = new VariantMaker(QuantSettings.DEFAULT).make(Form.INT8, deploy, set, check);
        OutputFidelity f = int8.fidelity();
        System.out.println("UniversalInvertedBottleneck/mid int8: " + f.describe());
        assertTrue(f.dependsOnInput(), f.describe());
        assertTrue(f.snr().db() >= 52.2 - 0.5, f.describe());
        assertEquals(1, int8.leftInFloat().get("Gemm (bias beyond int32)"));
        assertTrue(int8.settings().get(QdqQuantizer.BIAS_FIT_KEY).startsWith("head.fc.bias (Gemm): int32 bias needs the "
                + "weight scale raised on 10 channel(s)"), int8.settings().get(QdqQuantizer.BIAS_FIT_KEY));
    }

    /** ORT's _adjust_weight_scale_for_int32_bias, hand-computed: the smallest bias scale is 1.0001 × 2|b| / (2^32 − 2). */
    @Test
    void weightScaleRaisedOnlyWhereTheBiasWouldOverflow() {
        float[] scale = {1e-7f, 1e-7f, 1e-7f};
        // channel 0: b = 1 needs 1.0001 x 2 / 4294967294 = 4.65708e-10 > 1e-3 x 1e-7: raised 4.65708x;
        // channel 1: b = 0 fits anything; channel 2: b = 1e-3 needs 4.65708e-13 < 1e-10: kept
        float[] fitted = WeightQuantizer.fitInt32Bias(new float[] {1f, 0f, 1e-3f}, 1e-3f, scale);
        assertArrayEquals(new float[] {4.65708e-7f, 1e-7f, 1e-7f}, fitted, 1e-12f);
        assertArrayEquals(new float[] {1e-7f, 1e-7f, 1e-7f}, scale, 0f); // the input is not changed
        assertSame(scale, WeightQuantizer.fitInt32Bias(new float[] {1e-3f, 0f, -1e-3f}, 1e-3f, scale));
        // a weight of 1e-6 at scale 4.657e-7 keeps 2 steps; at 1e-5 (raised 100x) it rounds to 0
        var w = new org.blockbench.onnx.FloatTensor(new long[] {1, 1}, new float[] {1e-6f});
        assertFalse(WeightQuantizer.zeroesAChannel(w, 0, new float[] {4.65708e-7f}));
        assertTrue(WeightQuantizer.zeroesAChannel(w, 0, new float[] {1e-5f}));
    }

    /** The floor: 10 dB, and an output that is the same for every input, are refused in one line. */
    @Test
    void floorRefusesNoiseAndConstantOutputs() {
        OutputFidelity noisy = new OutputFidelity(new SignalToNoise(9, 1, 16), 16, true); // 10 log10(9) = 9.54 dB
        OutputFidelity justAbove = new OutputFidelity(new SignalToNoise(10, 1, 16), 16, true); // 10.0 dB
        OutputFidelity constant = new OutputFidelity(new SignalToNoise(1e6, 1, 16), 16, false);
        assertFalse(noisy.acceptable());
        assertTrue(justAbove.acceptable());
        assertFalse(constant.acceptable());
        assertEquals("int8 variant refused: output SNR 9.5 dB against FP32 on 16 held-out images, below the floor of "
                + "10.0 dB (docs/quantization.md §Output check)", new VariantRefusedException(Form.INT8, noisy).getMessage());
        assertEquals("int8 variant refused: output SNR 60.0 dB against FP32 on 16 held-out images, the same output for "
                + "every input, below the floor of 10.0 dB (docs/quantization.md §Output check)",
                new VariantRefusedException(Form.INT8, constant).getMessage());
    }

    @Test
    void signalToNoiseByHand() {
        // x = (3, 4), y = (3, 3): signal 25, noise 1: 10 log10(25) = 13.979 dB
        SignalToNoise s = SignalToNoise.of(new float[] {3, 4}, new float[] {3, 3});
        assertEquals(13.979400086720377, s.db(), 1e-12);
        assertEquals(10 * Math.log10(50.0 / 2), s.plus(s).db(), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, SignalToNoise.of(new float[] {1}, new float[] {1}).db());
        assertTrue(Double.isNaN(SignalToNoise.EMPTY.db()));
    }
}
