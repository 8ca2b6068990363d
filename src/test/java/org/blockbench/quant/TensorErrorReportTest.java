package org.blockbench.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.util.List;
import java.util.Map;
import org.blockbench.data.CalibrationSet;
import org.blockbench.onnx.Attribute;
import org.blockbench.onnx.FloatTensor;
import org.blockbench.onnx.GraphBuilder;
import org.blockbench.onnx.OnnxOp;
import org.blockbench.onnx.Value;
import org.blockbench.ort.HostTensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-built net whose worst tensor is known: y = Conv1x1(x, w), logits = Identity(y), with x [N, 2, 1, 1] and
 * w = (1, 0.003). Per channel w has one scale, 1/127 (or 1/64 under reduce_range), and 0.003
 * rounds to 0 either way: w's SNR is 10 log10((1 + 0.003²) / 0.003²) = 50.458 dB, the worst.
 * Calibration images x = (0.5, 1.0) and (0, 2): input range [0, 2], scale 2/255; 0.5 → 64 steps
 * (0.50196), 1.0 → 127.5 → 128 (half to even, 1.00392), 0 and 2 exact:
 * 10 log10(5.25 / (0.00196² + 0.00392²)) = 54.363 dB. Output y = (0.5, 0) exactly in INT8 and
 * 0.503, 0.006 in float; range [0, 0.503]: 0.503 is step 255, 0.006 is 3.04 steps → 3:
 * 10 log10((0.503² + 0.006²) / (0.006 − 3 × 0.503/255)²) = 75.71 dB.
 */
class TensorErrorReportTest {

    private static ModelProto net() {
        GraphBuilder b = new GraphBuilder();
        Value x = b.input("input", "batch", 2, 1, 1);
        Value w = b.parameter("conv.weight", new FloatTensor(new long[] {1, 2, 1, 1}, new float[] {1f, 0.003f}));
        Value y = b.opNamed("y", OnnxOp.CONV, List.of(x, w), Attribute.ints("kernel_shape", 1, 1));
        b.output(b.opNamed("logits", OnnxOp.IDENTITY, List.of(y)), "batch", 1, 1, 1);
        return b.build("report", "hand-built report net", Map.of("blockbench.form", "deploy"));
    }

    @Test
    void worstTensorIsTheWeightThatRoundsToZero() {
        HostTensor images = HostTensor.floats(new long[] {2, 2, 1, 1}, new float[] {0.5f, 1.0f, 0f, 2f});
        CalibrationSet set = new CalibrationSet("hand", 0, 2, 2, List.of(images));
        ModelProto deploy = net();
        QdqQuantizer.Result int8 = QdqQuantizer.quantize(deploy, set, QuantSettings.DEFAULT);
        TensorErrorReport report = TensorErrorReport.of(deploy, int8, set);
        List<String> order = report.rows().stream().map(r -> r.kind() + " " + r.tensor()).toList();
        assertEquals(List.of("WEIGHT conv.weight", "ACTIVATION input", "ACTIVATION y"), order);
        assertEquals(10 * Math.log10((1 + 0.003 * 0.003) / (0.003 * 0.003)), report.rows().get(0).snr().db(), 1e-3);
        double in = 10 * Math.log10(5.25 / (Math.pow(64 * 2.0 / 255 - 0.5, 2) + Math.pow(128 * 2.0 / 255 - 1, 2)));
        assertEquals(54.363, in, 1e-3);
        assertEquals(in, report.rows().get(1).snr().db(), 1e-2);
        double out = 10 * Math.log10((0.503 * 0.503 + 0.006 * 0.006) / Math.pow(0.006 - 3 * 0.503 / 255, 2));
        assertEquals(out, report.rows().get(2).snr().db(), 1e-2);
        assertEquals(4, report.rows().get(1).snr().elements()); // both images, both channels
        assertEquals("   50.5 dB  weight      conv.weight", report.worst(1).get(0));
    }

    @Test
    void reportFileKeepsTheRankingBesideTheVariant(@TempDir java.nio.file.Path dir) throws java.io.IOException {
        HostTensor images = HostTensor.floats(new long[] {2, 2, 1, 1}, new float[] {0.5f, 1.0f, 0f, 2f});
        CalibrationSet set = new CalibrationSet("hand", 0, 2, 2, List.of(images));
        ModelProto deploy = net();
        TensorErrorReport report = TensorErrorReport.of(deploy, QdqQuantizer.quantize(deploy, set, QuantSettings.DEFAULT), set);
        java.nio.file.Path variant = dir.resolve("Net/mid/deploy.int8.onnx");
        java.nio.file.Path file = TensorErrorFile.beside(variant);
        assertEquals(dir.resolve("Net/mid/deploy.int8.explain.json"), file);
        TensorErrorFile.of("Net/mid", "abc", "hand", report).write(file);
        TensorErrorFile read = TensorErrorFile.read(file);
        assertEquals(TensorErrorFile.FORMAT, read.format());
        assertEquals("abc", read.variantSha256());
        assertEquals("conv.weight", read.worst().orElseThrow().tensor());
        assertEquals("weight", read.worst().orElseThrow().kind());
        assertEquals(report.rows().get(0).snr().db(), read.worst().orElseThrow().snrDb(), 1e-12);
        assertEquals(List.of("conv.weight", "input", "y"), read.tensors().stream().map(TensorErrorFile.Tensor::tensor).toList());
        java.nio.file.Path other = dir.resolve("other.json");
        java.nio.file.Files.writeString(other, "{\"format\": \"blockbench-training-run/1\"}");
        org.blockbench.BadInputException e = assertThrows(org.blockbench.BadInputException.class, () -> TensorErrorFile.read(other));
        assertTrue(e.getMessage().contains("expected '" + TensorErrorFile.FORMAT + "'"), e.getMessage());
    }

    /**
     * AUTO keeps, per tensor, the range with the highest SNR, then keeps those ranges only if the model's output
     * on the calibration set is better than MinMax's: per tensor, never below MinMax's on the calibration set.
     */
    @Test
    void autoCalibrationIsNeverBelowMinMaxPerTensor() {
        float[] x = new float[2 * 64];
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.abs(r.nextGaussian());
        }
        x[5] = 40f; // one outlier stretches MinMax's range
        HostTensor images = HostTensor.floats(new long[] {64, 2, 1, 1}, x);
        CalibrationSet set = new CalibrationSet("hand", 0, 64, 64, List.of(images));
        ModelProto deploy = net();
        Map<String, Double> minMax = activationSnr(deploy, set, CalibrationMethod.MIN_MAX);
        Map<String, Double> auto = activationSnr(deploy, set, CalibrationMethod.AUTO);
        assertEquals(minMax.keySet(), auto.keySet());
        minMax.forEach((t, db) -> assertTrue(auto.get(t) >= db - 1e-9, t + ": auto " + auto.get(t) + " dB < minmax " + db));
        QdqQuantizer.Result int8 = QdqQuantizer.quantize(deploy, set,
                QuantSettings.forThisCpu(CalibrationMethod.AUTO, QuantSettings.DEFAULT_PERCENTILE));
        String choice = int8.settings().get(QdqQuantizer.AUTO_CHOICE_KEY);
        int counted = java.util.Arrays.stream(choice.split(", ")).mapToInt(c -> Integer.parseInt(c.split(":")[1])).sum();
        assertEquals(minMax.size(), counted, choice);
        // the whole model's output on the calibration set decides between the per-tensor choice and MinMax
        assertTrue(int8.settings().get(QdqQuantizer.AUTO_CHECK_KEY).matches("(per-tensor choice|minmax) kept: output SNR on the"
                + " 64 calibration images .* dB with the per-tensor choice, .* dB with minmax"), int8.settings().toString());
    }

    /** AUTO changes scales and zero points only: the same nodes, inputs and outputs, so the same kernels and speed. */
    @Test
    void autoKeepsTheGraphStructure() {
        float[] x = new float[2 * 16];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i * 37 % 11) / 5f;
        }
        CalibrationSet set = new CalibrationSet("hand", 0, 16, 16, List.of(HostTensor.floats(new long[] {16, 2, 1, 1}, x)));
        ModelProto deploy = net();
        ModelProto a = QdqQuantizer.quantize(deploy, set, QuantSettings.DEFAULT).model();
        ModelProto b = QdqQuantizer.quantize(deploy, set, QuantSettings.DEFAULT.withMethod(CalibrationMethod.AUTO)).model();
        assertEquals(a.getGraph().getNodeList(), b.getGraph().getNodeList());
        assertEquals(a.getGraph().getInitializerList().stream().map(t -> t.getName() + t.getDimsList()).toList(),
                b.getGraph().getInitializerList().stream().map(t -> t.getName() + t.getDimsList()).toList());
    }

    @Test
    void bestRangeKeepsMinMaxOnATieAndOnNaN() {
        List<Calibrator.Range> c = List.of(new Calibrator.Range(0, 1, CalibrationMethod.MIN_MAX),
                new Calibrator.Range(0, 0.5f, CalibrationMethod.PERCENTILE), new Calibrator.Range(0, 0.7f, CalibrationMethod.ENTROPY));
        org.blockbench.stats.SignalToNoise ten = new org.blockbench.stats.SignalToNoise(10, 1, 1);
        org.blockbench.stats.SignalToNoise hundred = new org.blockbench.stats.SignalToNoise(100, 1, 1);
        org.blockbench.stats.SignalToNoise none = org.blockbench.stats.SignalToNoise.EMPTY;
        assertEquals(CalibrationMethod.MIN_MAX, Calibrator.best(c, new org.blockbench.stats.SignalToNoise[] {ten, ten, ten}).method());
        assertEquals(CalibrationMethod.ENTROPY, Calibrator.best(c, new org.blockbench.stats.SignalToNoise[] {ten, ten, hundred}).method());
        assertEquals(CalibrationMethod.MIN_MAX, Calibrator.best(c, new org.blockbench.stats.SignalToNoise[] {none, none, none}).method());
    }

    private static Map<String, Double> activationSnr(ModelProto deploy, CalibrationSet set, CalibrationMethod method) {
        QdqQuantizer.Result int8 = QdqQuantizer.quantize(deploy, set, QuantSettings.forThisCpu(method, QuantSettings.DEFAULT_PERCENTILE));
        Map<String, Double> out = new java.util.TreeMap<>();
        TensorErrorReport.of(deploy, int8, set).rows().stream().filter(r -> r.kind() == TensorErrorReport.Kind.ACTIVATION)
                .forEach(r -> out.put(r.tensor(), r.snr().db()));
        return out;
    }
}
