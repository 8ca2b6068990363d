package org.blockbench.quant;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.blockbench.data.CalibrationSet;
import org.blockbench.onnx.FloatTensor;
import org.blockbench.onnx.NodeView;
import org.blockbench.onnx.TensorProtos;
import org.blockbench.ort.HostTensor;
import org.blockbench.ort.InferenceSession;
import org.blockbench.ort.IntermediateOutputs;
import org.blockbench.ort.ModelOrigin;
import org.blockbench.stats.SignalToNoise;

/**
 * Which tensor costs an INT8 model its accuracy, as ONNX Runtime's {@code qdq_loss_debug}
 * compares float and dequantized tensors one by one: for every quantized weight, bias and
 * constant, the SNR of its float values against its stored integers dequantized; for every
 * quantized activation, the SNR of its float values in the FP32 graph, on the calibration set,
 * against the same values through its own QuantizeLinear/DequantizeLinear (its scale and zero
 * point). Each row is that tensor's own quantization error, with float inputs: errors of earlier
 * tensors are not carried into later ones, so the ranking names the tensor itself.
 *
 * @param rows every quantized tensor, worst (lowest SNR) first
 */
public record TensorErrorReport(List<Row> rows) {

    /** What a tensor is in the graph. */
    public enum Kind { WEIGHT, BIAS, CONSTANT, ACTIVATION }

    /**
     * One quantized tensor.
     *
     * @param tensor its name in the deploy graph
     * @param kind   weight (int8 per channel), bias (int32), constant (uint8) or activation (uint8)
     * @param snr    float against dequantized, over all its values (activations: on every calibration image)
     */
    public record Row(String tensor, Kind kind, SignalToNoise snr) {
    }

    public TensorErrorReport {
        rows = List.copyOf(rows);
    }

    /** The report of {@code int8} (made from {@code deploy}), activations measured on {@code set}. */
    public static TensorErrorReport of(ModelProto deploy, QdqQuantizer.Result int8, CalibrationSet set) {
        GraphIndex fp32 = new GraphIndex(deploy);
        List<Row> rows = new ArrayList<>();
        Map<String, TensorProto> stored = new HashMap<>();
        int8.model().getGraph().getInitializerList().forEach(t -> stored.put(t.getName(), t));
        for (NodeProto node : int8.model().getGraph().getNodeList()) {
            if (!node.getOpType().equals("DequantizeLinear")) {
                continue;
            }
            String q = node.getInput(0);
            if (!q.endsWith("_quantized") || !stored.containsKey(q)) {
                continue;
            }
            String name = q.substring(0, q.length() - "_quantized".length());
            FloatTensor original = fp32.floatConstant(name);
            if (original == null) {
                continue; // a weight folded from a Reshape: its float form is not a constant of the deploy graph
            }
            TensorProto values = stored.get(q);
            Kind kind = switch (values.getDataType()) {
                case TensorProto.DataType.INT8_VALUE -> Kind.WEIGHT;
                case TensorProto.DataType.INT32_VALUE -> Kind.BIAS;
                default -> Kind.CONSTANT;
            };
            float[] dequantized = dequantize(values, TensorProtos.floats(stored.get(node.getInput(1))),
                    TensorProtos.decode(stored.get(node.getInput(2))).ints(), original.shape(),
                    (int) new NodeView(node).attrInt("axis", 1));
            rows.add(new Row(name, kind, SignalToNoise.of(original.data(), dequantized)));
        }
        rows.addAll(activations(deploy, int8, set));
        rows.sort(Comparator.comparingDouble((Row r) -> Double.isNaN(r.snr().db()) ? Double.POSITIVE_INFINITY : r.snr().db()));
        return new TensorErrorReport(rows);
    }

    private static List<Row> activations(ModelProto deploy, QdqQuantizer.Result int8, CalibrationSet set) {
        Map<String, Integer> exposed = new java.util.TreeMap<>();
        String input = deploy.getGraph().getInput(0).getName();
        int8.references().values().stream().filter(r -> !r.equals(input))
                .forEach(r -> exposed.put(r, TensorProto.DataType.FLOAT_VALUE));
        Map<String, SignalToNoise> snr = new LinkedHashMap<>();
        try (InferenceSession session = IntermediateOutputs.open(deploy, exposed, ModelOrigin.BLOCKBENCH)) {
            for (HostTensor batch : set.batches()) {
                Map<String, HostTensor> out = session.evaluate(Map.of(input, batch));
                int8.references().forEach((t, reference) -> {
                    float[] x = reference.equals(input) ? batch.data() : out.get(reference).data();
                    ActivationParams p = int8.activations().get(t);
                    float[] y = new float[x.length];
                    for (int i = 0; i < x.length; i++) {
                        y[i] = p.roundTrip(x[i]);
                    }
                    snr.merge(t, SignalToNoise.of(x, y), SignalToNoise::plus);
                });
            }
        }
        List<Row> rows = new ArrayList<>();
        snr.forEach((t, s) -> rows.add(new Row(t, Kind.ACTIVATION, s)));
        return rows;
    }

    /** The {@code n} worst rows as lines: "  12.3 dB  activation  stageB.0/Add". */
    public List<String> worst(int n) {
        return rows.stream().limit(n).map(r -> String.format(Locale.ROOT, "%7.1f dB  %-10s  %s", r.snr().db(),
                r.kind().name().toLowerCase(Locale.ROOT), r.tensor())).toList();
    }

    private static float[] dequantize(TensorProto values, float[] scale, long[] zero, long[] shape, int axis) {
        long[] quantized = TensorProtos.decode(values).ints();
        int n = Math.toIntExact(FloatTensor.elementCount(shape));
        int channels = scale.length;
        int inner = 1;
        if (channels > 1) {
            for (int d = axis + 1; d < shape.length; d++) {
                inner *= (int) shape[d];
            }
        }
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            int c = channels == 1 ? 0 : (i / inner) % channels;
            out[i] = (quantized[i] - zero[channels == 1 ? 0 : c]) * scale[c];
        }
        return out;
    }
}
