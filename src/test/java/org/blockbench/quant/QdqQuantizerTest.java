package org.blockbench.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.blockbench.BadInputException;
import org.blockbench.data.CalibrationSet;
import org.blockbench.host.CpuFeatures;
import org.blockbench.onnx.Attribute;
import org.blockbench.onnx.FloatTensor;
import org.blockbench.onnx.GraphBuilder;
import org.blockbench.onnx.OnnxOp;
import org.blockbench.onnx.Value;
import org.blockbench.ort.HostTensor;
import org.blockbench.ort.InferenceSession;
import org.blockbench.ort.ModelOrigin;
import org.blockbench.ort.OptimizationLevel;
import org.blockbench.ort.SessionSettings;
import org.blockbench.data.Normalization;
import org.blockbench.data.SyntheticDataset;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-built conv net with known activation ranges: input [N,1,3,3] on a 0.01 grid in
 * [0, 2.55]; conv1 (2 channels, 3×3, weights ±1/0, so int8 weights are exact) → Relu → conv2
 * (1×1, weights 1, 1). Calibrated by MinMax on two images whose ranges are worked out by hand.
 */
class QdqQuantizerTest {

    @TempDir
    Path dir;

    /** Image A: pixel k = 0.01 (k + 1); image B: 0.25 everywhere, 2.55 in the centre. */
    private static HostTensor calibrationImages() {
        float[] data = new float[18];
        for (int k = 0; k < 9; k++) {
            data[k] = 0.01f * (k + 1);
            data[9 + k] = 0.25f;
        }
        data[9 + 4] = 2.55f;
        return HostTensor.floats(new long[] {2, 1, 3, 3}, data);
    }

    private static ModelProto net(boolean withErf) {
        GraphBuilder b = new GraphBuilder();
        Value x = b.input("input", "batch", 1, 3, 3);
        float[] w1 = new float[18];
        java.util.Arrays.fill(w1, 0, 9, 1f); // channel 0: the sum of the 9 pixels
        w1[9 + 4] = -1f;                    // channel 1: minus the centre (negative, so Relu makes it 0)
        Value c1 = b.op(OnnxOp.CONV, List.of(x, b.parameter("conv1.weight", new FloatTensor(new long[] {2, 1, 3, 3}, w1)),
                b.parameter("conv1.bias", FloatTensor.filled(0f, 2))), Attribute.ints("kernel_shape", 3, 3));
        Value r = b.op(OnnxOp.RELU, List.of(c1));
        Value c2 = b.op(OnnxOp.CONV, List.of(r, b.parameter("conv2.weight", FloatTensor.filled(1f, 1, 2, 1, 1))),
                Attribute.ints("kernel_shape", 1, 1));
        Value out = withErf ? b.opNamed("logits", OnnxOp.ERF, List.of(c2)) : b.opNamed("logits", OnnxOp.IDENTITY, List.of(c2));
        b.output(out, "batch", 1, 1, 1);
        return b.build("hand", "hand-built conv net", Map.of("blockbench.form", "deploy"));
    }

    private static CalibrationSet calibration() {
        return new CalibrationSet("hand", 0, 2, 2, List.of(calibrationImages()));
    }

    /**
     * The scheme export uses on this machine ({@link QuantSettings#DEFAULT}: 7-bit weights where
     * U8S8 can saturate, 8-bit elsewhere). Both store this net's ±1 weights exactly (127 or 64
     * steps of 1/127 or 1/64), so the expectation is the same on every CPU; only the stored
     * integers differ, and they are asserted from the detected ISA.
     */
    @Test
    void int8OutputsWithinOneStepPerLayerOfFp32() {
        QdqQuantizer.Result int8 = withinOneStepPerLayer(QuantSettings.DEFAULT);
        int weightMax = CpuFeatures.detect().u8s8CanSaturate() ? 64 : 127;
        assertEquals(weightMax, maxStoredWeight(int8.model(), "conv1.weight_quantized"));
        assertEquals(CpuFeatures.detect().describe(), int8.settings().get(QdqQuantizer.ISA_KEY));
        IntegerKernels kernels = IntegerKernels.of(int8.model(), dir);
        assertEquals(2, kernels.quantizedConvs());
        assertEquals(2, kernels.integerConvs(), kernels.optimizedOps().toString());
        assertEquals(0, kernels.floatConvs(), kernels.optimizedOps().toString());
        assertEquals(Map.of("Conv", 2, "Relu", 1), int8.quantizedOps());
        assertEquals("none", int8.settings().get(QdqQuantizer.FLOAT_OPS_KEY));
        assertEquals("minmax", metadata(int8.model()).get("blockbench.quant.method"));
        assertEquals("2", metadata(int8.model()).get("blockbench.quant.calibration.images"));
    }

    /** 7-bit weights never saturate VPMADDUBSW (2 × 255 × 64 = 32,640 ≤ 32,767): exact on every CPU. */
    @Test
    void reducedRangeWeightsAreExactOnEveryCpu() {
        QdqQuantizer.Result int8 = withinOneStepPerLayer(QuantSettings.DEFAULT.withReduceRange(true));
        assertEquals(64, maxStoredWeight(int8.model(), "conv1.weight_quantized"));
    }

    /**
     * 8-bit weights: exact only where U8S8 cannot saturate. On AVX2/AVX-512 without VNNI the
     * image with a 2.55 centre pairs 255 × 127 with 25 × 127 (35,560 > 32,767) and ORT returns
     * 4.3359 instead of 4.55; that is the case {@link QuantSettings#forCpu} avoids, so there this
     * test does not apply.
     */
    @Test
    void fullRangeWeightsAreExactWhereU8s8CannotSaturate() {
        Assumptions.assumeFalse(CpuFeatures.detect().u8s8CanSaturate(),
                "U8S8 saturates on " + CpuFeatures.detect().describe() + "; export uses 7-bit weights here");
        QdqQuantizer.Result int8 = withinOneStepPerLayer(QuantSettings.DEFAULT.withReduceRange(false));
        assertEquals(127, maxStoredWeight(int8.model(), "conv1.weight_quantized"));
    }

    /** The non-VNNI rule, from /proc/cpuinfo text alone: which CPUs get 7-bit weights, and what the variant records. */
    @Test
    void reduceRangeExactlyWhereU8s8CanSaturate() {
        CpuFeatures avx2 = CpuFeatures.parse(List.of("model name : AMD EPYC 7B13", "flags : sse4_1 sse4_2 avx avx2 fma"),
                "amd64");
        CpuFeatures avx512 = CpuFeatures.parse(List.of("model name : Intel Xeon 8175M", "flags : avx2 avx512f avx512bw"),
                "amd64");
        CpuFeatures vnni = CpuFeatures.parse(List.of("model name : Intel Xeon 8480+",
                "flags : avx2 avx512f avx512bw avx512_vnni"), "amd64");
        CpuFeatures avxVnni = CpuFeatures.parse(List.of("model name : Intel Core i9-12900K", "flags : avx2 avx_vnni"),
                "amd64");
        CpuFeatures neon = CpuFeatures.parse(List.of("CPU part : 0xd08", "Features : fp asimd"), "aarch64");
        CpuFeatures dot = CpuFeatures.parse(List.of("CPU part : 0xd0c", "Features : fp asimd asimddp"), "aarch64");
        Map<CpuFeatures, Integer> expectedWeightMax = new java.util.LinkedHashMap<>();
        expectedWeightMax.put(avx2, 64);
        expectedWeightMax.put(avx512, 64);
        expectedWeightMax.put(vnni, 127);
        expectedWeightMax.put(avxVnni, 127);
        expectedWeightMax.put(neon, 127);   // ARM widens to 16 bits before multiplying: nothing saturates
        expectedWeightMax.put(dot, 127);
        expectedWeightMax.forEach((cpu, max) -> {
            QuantSettings s = QuantSettings.forCpu(CalibrationMethod.MIN_MAX, QuantSettings.DEFAULT_PERCENTILE, cpu);
            assertEquals(max, s.weightMax(), cpu.describe());
            assertEquals(max == 64, s.reduceRange(), cpu.describe());
        });
        QdqQuantizer.Result int8 = QdqQuantizer.quantize(net(false), calibration(),
                QuantSettings.forCpu(CalibrationMethod.MIN_MAX, QuantSettings.DEFAULT_PERCENTILE, avx2));
        assertEquals("AMD EPYC 7B13 (avx2, no VNNI)", int8.settings().get(QdqQuantizer.ISA_KEY));
        assertEquals("true (7-bit weights: U8S8 can saturate without an INT8 dot product)",
                int8.settings().get(QdqQuantizer.REDUCE_RANGE_KEY));
        assertEquals("int8 symmetric [-64, 64], per output channel", int8.settings().get("blockbench.quant.weights"));
        assertEquals(64, maxStoredWeight(int8.model(), "conv1.weight_quantized"));
        QdqQuantizer.Result full = QdqQuantizer.quantize(net(false), calibration(),
                QuantSettings.forCpu(CalibrationMethod.MIN_MAX, QuantSettings.DEFAULT_PERCENTILE, vnni));
        assertEquals("false", full.settings().get(QdqQuantizer.REDUCE_RANGE_KEY));
        assertEquals("Intel Xeon 8480+ (avx512+vnni)", full.settings().get(QdqQuantizer.ISA_KEY));
        assertEquals(127, maxStoredWeight(full.model(), "conv1.weight_quantized"));
    }

    /** Quantizes the hand-built net and checks each output within one step per layer of FP32. */
    private QdqQuantizer.Result withinOneStepPerLayer(QuantSettings settings) {
        ModelProto fp32 = net(false);
        QdqQuantizer.Result int8 = QdqQuantizer.quantize(fp32, calibration(), settings);
        // hand-computed MinMax ranges: input [0, 2.55]; conv1 after Relu [0, 8 x 0.25 + 2.55 = 4.55]
        // (channel 1 is never positive); conv2 = the sum of both channels, [0, 4.55]
        Map<String, Float> scales = activationScales(int8.model());
        assertEquals(new TreeSet<>(List.of(0.01f, 4.55f / 255f)), new TreeSet<>(scales.values()), scales.toString());
        float s1 = 4.55f / 255f;
        float s2 = 4.55f / 255f;
        // test images on the input grid: the calibration pair and a ramp 0.00 .. 2.40
        float[] data = new float[27];
        System.arraycopy(calibrationImages().data(), 0, data, 0, 18);
        for (int k = 0; k < 9; k++) {
            data[18 + k] = 0.3f * k;
        }
        HostTensor batch = HostTensor.floats(new long[] {3, 1, 3, 3}, data);
        float[] expected = {0.45f, 4.55f, 10.8f};
        float[] reference = run(fp32, batch);
        float[] quantized = run(int8.model(), batch);
        for (int i = 0; i < 3; i++) {
            assertEquals(expected[i], reference[i], 1e-5f, "FP32 output " + i);
            // the ramp's 10.8 lies beyond the calibrated 4.55: INT8 saturates there, as it must
            float target = Math.min(reference[i], 4.55f);
            assertEquals(target, quantized[i], s1 + s2, "INT8 output " + i + " within one step per layer");
        }
        return int8;
    }

    /** The largest |stored int8| of an initializer. */
    private static int maxStoredWeight(ModelProto m, String name) {
        TensorProto t = m.getGraph().getInitializerList().stream().filter(i -> i.getName().equals(name)).findFirst()
                .orElseThrow();
        int max = 0;
        for (byte b : t.getRawData().toByteArray()) {
            max = Math.max(max, Math.abs(b));
        }
        return max;
    }

    @Test
    void analysisCountsIntegerMacsApart() {
        // conv1: 2 x 1 x 3 x 3 = 18 MACs per image at one output pixel; conv2: 1 x 2 = 2
        var shapes = Map.of("input", new long[] {1, 1, 3, 3});
        var fp32 = org.blockbench.analysis.GraphAnalyzer.analyze(net(false), "fp32", shapes);
        var int8 = org.blockbench.analysis.GraphAnalyzer.analyze(
                QdqQuantizer.quantize(net(false), calibration(), QuantSettings.DEFAULT).model(), "int8", shapes);
        assertEquals(20, fp32.macs());
        assertEquals(0, fp32.integerMacs());
        assertTrue(int8.complete(), int8.incompleteReasons().toString());
        assertEquals(20, int8.macs());
        assertEquals(20, int8.integerMacs());
    }

    @Test
    void unsupportedOpStaysFloatAndIsListed() {
        QdqQuantizer.Result int8 = QdqQuantizer.quantize(net(true), calibration(), QuantSettings.DEFAULT);
        assertEquals(Map.of("Erf", 1), int8.floatOps());
        assertEquals("Erf:1", metadata(int8.model()).get(QdqQuantizer.FLOAT_OPS_KEY));
        NodeProto erf = int8.model().getGraph().getNodeList().stream().filter(n -> n.getOpType().equals("Erf"))
                .findFirst().orElseThrow();
        // Erf reads conv2's dequantized value and computes in float
        NodeProto producer = int8.model().getGraph().getNodeList().stream()
                .filter(n -> n.getOutputList().contains(erf.getInput(0))).findFirst().orElseThrow();
        assertEquals("DequantizeLinear", producer.getOpType());
        assertEquals("logits", int8.model().getGraph().getOutput(0).getName());
    }

    @Test
    void calibrationSetSmallerThanABatchIsRefused() {
        var data = SyntheticDataset.generate(10, 8, 1, 0);
        BadInputException e = assertThrows(BadInputException.class,
                () -> CalibrationSet.draw("synthetic", data.train(), Normalization.HALF, 4, 8, 0));
        assertEquals("calibration set of 4 images is smaller than one batch of 8; give at least 8 calibration images "
                + "or a smaller batch", e.getMessage());
    }

    @Test
    void sameInputsGiveByteIdenticalVariants() {
        for (CalibrationMethod method : CalibrationMethod.values()) {
            QuantSettings s = QuantSettings.forThisCpu(method, QuantSettings.DEFAULT_PERCENTILE);
            byte[] a = QdqQuantizer.quantize(net(true), calibration(), s).model().toByteArray();
            byte[] b = QdqQuantizer.quantize(net(true), calibration(), s).model().toByteArray();
            assertArrayEquals(a, b, method.id());
        }
        assertArrayEquals(Fp16Converter.convert(net(true)).model().toByteArray(),
                Fp16Converter.convert(net(true)).model().toByteArray());
    }

    @Test
    void fp16KeepsFloat32EdgesAndMatchesWithinHalfPrecision() {
        ModelProto fp32 = net(false);
        ModelProto fp16 = Fp16Converter.convert(fp32).model();
        assertEquals("Cast", fp16.getGraph().getNode(0).getOpType());
        assertEquals(TensorProto.DataType.FLOAT_VALUE, fp16.getGraph().getInput(0).getType().getTensorType().getElemType());
        assertTrue(fp16.getGraph().getInitializerList().stream()
                .allMatch(t -> t.getDataType() == TensorProto.DataType.FLOAT16_VALUE));
        HostTensor batch = calibrationImages();
        float[] reference = run(fp32, batch);
        float[] half = run(fp16, batch);
        for (int i = 0; i < reference.length; i++) {
            assertEquals(reference[i], half[i], Math.abs(reference[i]) * 2e-3f + 1e-3f, "output " + i);
        }
        assertEquals("fp16", metadata(fp16).get(org.blockbench.zoo.Form.VARIANT_METADATA_KEY));
    }

    @Test
    void percentileAndEntropyThresholds() {
        // |x| histogram over [0, 1], 10 bins: 90 values in bin 0, 10 in bin 9: the 90th percentile is bin 0's left edge
        long[] hist = new long[10];
        hist[0] = 90;
        hist[9] = 10;
        assertArrayEquals(new float[] {-0f, 0f}, Histograms.percentile(hist, 1f, 90));
        assertArrayEquals(new float[] {-0.9f, 0.9f}, Histograms.percentile(hist, 1f, 99), 1e-6f);
        // a distribution with no outliers keeps its full range under Entropy
        long[] flat = new long[Calibrator.BINS];
        java.util.Arrays.fill(flat, 5);
        float[] range = Histograms.entropy(flat, 2f, Calibrator.QUANTIZED_BINS);
        assertArrayEquals(new float[] {-2f, 2f}, range, 1e-6f);
    }

    private static Map<String, Float> activationScales(ModelProto m) {
        Map<String, Float> out = new java.util.TreeMap<>();
        for (TensorProto t : m.getGraph().getInitializerList()) {
            if (t.getName().endsWith("_scale") && !t.getName().endsWith("_quantized_scale") && t.getDimsCount() == 0) {
                out.put(t.getName(), t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).getFloat());
            }
        }
        return out;
    }

    private static Map<String, String> metadata(ModelProto m) {
        Map<String, String> out = new java.util.HashMap<>();
        m.getMetadataPropsList().forEach(p -> out.put(p.getKey(), p.getValue()));
        return out;
    }

    private static float[] run(ModelProto m, HostTensor batch) {
        try (InferenceSession s = InferenceSession.load("test", m.toByteArray(), ModelOrigin.BLOCKBENCH,
                SessionSettings.cpu(1, OptimizationLevel.ALL))) {
            return s.evaluate(Map.of("input", batch)).get("logits").data();
        }
    }

}
