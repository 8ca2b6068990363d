package org.blockbench.quant;

import org.blockbench.data.CalibrationSet;
import org.blockbench.zoo.Form;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.blockbench.onnx.Attribute;
import org.blockbench.onnx.GraphBuilder;
import org.blockbench.onnx.OnnxOp;
import org.blockbench.onnx.Value;
import org.blockbench.ort.HostTensor;

/**
 * INT8 static quantization of a deploy-form (BN-folded) float graph in QDQ format, as ONNX
 * Runtime's {@code quantize_static(quant_format=QDQ, per_channel=True)} with its defaults
 * (activations uint8, weights int8 symmetric, {@code QDQKeepRemovableActivations=False},
 * one shared Q/DQ pair per value): see {@link QdqPlan} for what is quantized and
 * docs/quantization.md for every choice. ORT's graph optimiser then fuses each
 * DequantizeLinear → Conv → QuantizeLinear group into an integer kernel (QLinearConv).
 */
public final class QdqQuantizer {

    /** Metadata key listing the ops left in float ("none" when there are none). */
    public static final String FLOAT_OPS_KEY = "blockbench.quant.float_ops";
    /** Metadata key: the CPU the variant was made for, with its vector ISA ({@code CpuFeatures.describe}). */
    public static final String ISA_KEY = "blockbench.quant.isa";
    /** Metadata key: whether weights are 7-bit (ONNX Runtime's {@code reduce_range}), and why. */
    public static final String REDUCE_RANGE_KEY = "blockbench.quant.reduce_range";
    /** Metadata key: under {@link CalibrationMethod#AUTO}, how many tensors each method's range won. */
    public static final String AUTO_CHOICE_KEY = "blockbench.quant.auto_choice";
    /** Metadata key: the weights whose scale was raised so an int32 bias fits, and biases kept float. */
    public static final String BIAS_FIT_KEY = "blockbench.quant.bias_fit";

    /**
     * The quantized model and what happened to each op.
     *
     * @param floatOps     ops left in float32, op type → count
     * @param quantizedOps ops quantized or fused away, op type → count
     * @param settings     the variant's metadata entries ({@code blockbench.variant}, {@code blockbench.quant.*})
     * @param activations  each quantized activation (by its deploy-graph name, whose Q/DQ initializers are
     *                     {@code <name>_scale}, {@code <name>_zero_point}) → its scale and zero point
     * @param references   each quantized activation → the deploy-graph value its DequantizeLinear stands for
     *                     (itself, or the output of the Relu/Clip removed after it)
     */
    public record Result(ModelProto model, Map<String, Integer> floatOps, Map<String, Integer> quantizedOps,
                         Map<String, String> settings, Map<String, ActivationParams> activations,
                         Map<String, String> references) {
    }

    private QdqQuantizer() {
    }

    /** "minmax:12, percentile:3, entropy:5": how many calibrated tensors each method won under AUTO. */
    static String autoChoice(Map<String, Calibrator.Range> ranges) {
        Map<CalibrationMethod, Integer> won = new java.util.EnumMap<>(CalibrationMethod.class);
        ranges.values().forEach(r -> won.merge(r.method(), 1, Integer::sum));
        return won.entrySet().stream().map(e -> e.getKey().id() + ":" + e.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /**
     * How far above its calibrated maximum a Softmax output's range reaches. Held-out images put
     * attention weights up to 2× above the calibration set's maximum (SelfAttention/mid and late
     * at their initial weights: 0.5–10 dB at 1× and 1.5×, 28–36 dB from 2×); 4× keeps that margin
     * twice over for 2 bits of the 8.
     */
    static final float PROBABILITY_HEADROOM = 4f;

    /**
     * The upper end of a Softmax output's range: {@link #PROBABILITY_HEADROOM} × its calibrated
     * maximum, at most 1. ONNX Runtime fixes it at 1 ({@code adjust_tensor_ranges}), a step of
     * 1/255: over SelfAttention/early's 1,024 keys the weights are near 1/1,024, all but a few
     * round to 0, and the INT8 model's output SNR fell to −3 dB on trained weights
     * (docs/quantization.md §Attention).
     */
    static float probabilityRange(Calibrator.Range calibrated) {
        return Math.min(1f, PROBABILITY_HEADROOM * Math.max(0f, calibrated.max()));
    }

    /** Quantizes {@code deploy} with activation ranges calibrated on {@code set}. */
    public static Result quantize(ModelProto deploy, CalibrationSet set, QuantSettings settings) {
        QdqPlan plan = new QdqPlan(new GraphIndex(deploy));
        Map<String, Calibrator.Range> ranges = Calibrator.calibrate(deploy, plan.rangeSources(), set, settings);
        if (settings.method() != CalibrationMethod.AUTO) {
            return quantize(deploy, set, settings, ranges, null);
        }
        // AUTO's per-tensor choice is kept only where the whole model's output on the calibration set agrees
        QuantSettings minMaxSettings = settings.withMethod(CalibrationMethod.MIN_MAX);
        Map<String, Calibrator.Range> minMax = Calibrator.calibrate(deploy, plan.rangeSources(), set, minMaxSettings);
        Result perTensor = quantize(deploy, set, settings, ranges, null);
        Result plain = quantize(deploy, set, settings, minMax, null);
        HostTensor all = set.all();
        double perTensorDb = OutputFidelity.measure(deploy, perTensor.model(), all).snr().db();
        double minMaxDb = OutputFidelity.measure(deploy, plain.model(), all).snr().db();
        boolean keep = perTensorDb > minMaxDb;
        String check = String.format(java.util.Locale.ROOT, "%s: output SNR on the %d calibration images %.2f dB with the"
                + " per-tensor choice, %.2f dB with minmax", keep ? "per-tensor choice kept" : "minmax kept", (int) all.shape()[0],
                perTensorDb, minMaxDb);
        return quantize(deploy, set, settings, keep ? ranges : minMax, check);
    }

    /** Metadata key: under {@link CalibrationMethod#AUTO}, whether the per-tensor choice or MinMax was kept, and why. */
    public static final String AUTO_CHECK_KEY = "blockbench.quant.auto_model_check";

    private static Result quantize(ModelProto deploy, CalibrationSet set, QuantSettings settings,
                                   Map<String, Calibrator.Range> ranges, String autoCheck) {
        GraphIndex graph = new GraphIndex(deploy);
        QdqPlan plan = new QdqPlan(graph);
        Map<String, ActivationParams> params = new HashMap<>();
        for (String t : plan.quantized) {
            String shared = plan.sharedFrom.get(t);
            if (shared != null) {
                params.put(t, params.get(shared));
            } else if (plan.probabilities.contains(t)) {
                params.put(t, ActivationParams.of(0f, probabilityRange(ranges.get(t))));
            } else {
                Calibrator.Range r = ranges.get(plan.rangeFrom.getOrDefault(t, t));
                params.put(t, ActivationParams.of(r.min(), r.max()));
            }
        }
        Map<String, float[]> weightScales = new HashMap<>();
        List<String> biasNotes = fitBiases(graph, plan, params, settings.weightMax(), weightScales);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(Form.VARIANT_METADATA_KEY, Form.INT8.id());
        meta.put("blockbench.quant.format", "QDQ (QuantizeLinear/DequantizeLinear), opset " + GraphBuilder.OPSET);
        meta.put("blockbench.quant.activations", "uint8 asymmetric, per tensor");
        meta.put("blockbench.quant.weights", "int8 symmetric [-" + settings.weightMax() + ", " + settings.weightMax()
                + "], per output channel");
        meta.put(ISA_KEY, settings.cpu().describe());
        meta.put(REDUCE_RANGE_KEY, settings.reduceRange()
                ? "true (7-bit weights: U8S8 can saturate without an INT8 dot product)" : "false");
        meta.put("blockbench.quant.bias", "int32, scale = input scale x weight scale");
        meta.put(BIAS_FIT_KEY, biasNotes.isEmpty() ? "every bias fits int32" : String.join("; ", biasNotes));
        meta.put("blockbench.quant.method", settings.method().id());
        if (settings.method() == CalibrationMethod.PERCENTILE || settings.method() == CalibrationMethod.AUTO) {
            meta.put("blockbench.quant.percentile", Double.toString(settings.percentile()));
        }
        if (settings.method() == CalibrationMethod.AUTO) {
            meta.put(AUTO_CHOICE_KEY, autoChoice(ranges));
            if (autoCheck != null) {
                meta.put(AUTO_CHECK_KEY, autoCheck);
            }
        }
        set.describe().forEach((k, v) -> meta.put("blockbench.quant.calibration." + k, v));
        meta.put(FLOAT_OPS_KEY, describe(plan.floatOps));
        meta.put("blockbench.quant.quantized_ops", describe(plan.quantizedOps));
        ModelProto model = new Emitter(graph, plan, params, settings.weightMax(), weightScales).build(deploy, meta);
        Map<String, ActivationParams> activations = new LinkedHashMap<>();
        Map<String, String> references = new LinkedHashMap<>();
        for (String t : plan.quantized) {
            activations.put(t, params.get(t));
            references.put(t, plan.rangeFrom.getOrDefault(t, t));
        }
        return new Result(model, Map.copyOf(plan.floatOps), Map.copyOf(plan.quantizedOps), Map.copyOf(meta),
                java.util.Collections.unmodifiableMap(activations), java.util.Collections.unmodifiableMap(references));
    }

    /**
     * The weight scale of every quantized weight, with ONNX Runtime's int32-bias rule applied
     * ({@link WeightQuantizer#fitInt32Bias}): where a bias would not fit in int32 at
     * {@code input scale × weight scale}, ORT raises the weight scale. Where that raise would
     * round a channel's nonzero weights to all zeros (a layer that then computes nothing but its
     * bias: UniversalInvertedBottleneck's classifier, whose input is ~1e-8 after the blocks'
     * tiny layer scales), BlockBench keeps that node's bias in float instead, so ORT runs the node
     * in float on the dequantized input and weights: listed as a float op. Returns one note per
     * node touched, for the metadata.
     */
    private static List<String> fitBiases(GraphIndex graph, QdqPlan plan, Map<String, ActivationParams> params,
                                          int weightMax, Map<String, float[]> weightScales) {
        List<String> notes = new ArrayList<>();
        for (NodeProto node : graph.graph.getNodeList()) {
            String key = node.getOutputCount() > 0 ? node.getOutput(0) : "";
            Integer axis = plan.weightAxis.get(key);
            if (axis == null || plan.folded(node)) {
                continue;
            }
            org.blockbench.onnx.FloatTensor w = plan.weight(node.getInput(1));
            float[] scale = WeightQuantizer.scales(w, axis, weightMax);
            weightScales.put(key, scale);
            if (!plan.int32Bias.contains(key)) {
                continue;
            }
            float inputScale = params.get(node.getInput(0)).scale();
            float[] fitted = WeightQuantizer.fitInt32Bias(graph.floatConstant(node.getInput(2)).data(), inputScale, scale);
            if (fitted == scale) {
                continue;
            }
            int raised = 0;
            double maxRatio = 0;
            for (int c = 0; c < scale.length; c++) {
                if (fitted[c] != scale[c]) {
                    raised++;
                    maxRatio = Math.max(maxRatio, (double) fitted[c] / scale[c]);
                }
            }
            String what = String.format(java.util.Locale.ROOT, "%s (%s): int32 bias needs the weight scale raised on %d "
                    + "channel(s), up to %.3gx", node.getInput(2), node.getOpType(), raised, maxRatio);
            if (WeightQuantizer.zeroesAChannel(w, axis, fitted)) {
                keepInFloat(graph, plan, node);
                notes.add(what + ", which would zero a channel's weights: node kept in float");
            } else {
                weightScales.put(key, fitted);
                notes.add(what + ", raised as ONNX Runtime does");
            }
        }
        return notes;
    }

    /**
     * Leaves {@code node} entirely in float: float weight and bias, no Q/DQ on its output, and
     * none on its input where it is the input's only reader. ONNX Runtime's optimiser
     * (WeightBiasQuantization, level basic) quantizes the float bias of any Conv/Gemm whose input
     * comes from a DequantizeLinear, at {@code input scale × weight scale}, so a float bias behind a
     * DQ input would overflow int32 all the same; a float input avoids that.
     */
    private static void keepInFloat(GraphIndex graph, QdqPlan plan, NodeProto node) {
        String key = node.getOutput(0);
        plan.weightAxis.remove(key);
        plan.int32Bias.remove(key);
        node.getOutputList().forEach(plan.quantized::remove);
        String in = node.getInput(0);
        if (graph.uses(in).size() == 1 && !graph.graphOutputs.contains(in) && plan.sharedFrom.containsKey(in)) {
            plan.quantized.remove(in); // a Flatten/Reshape of a quantized value: it reads the DQ and stays float
        }
        plan.quantizedOps.merge(node.getOpType(), -1, Integer::sum);
        plan.quantizedOps.remove(node.getOpType(), 0);
        plan.floatOps.merge(node.getOpType() + " (bias beyond int32)", 1, Integer::sum);
    }

    /** "Div:12, Erf:12", or "none". */
    public static String describe(Map<String, Integer> ops) {
        if (ops.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        new java.util.TreeMap<>(ops).forEach((op, n) -> parts.add(op + ":" + n));
        return String.join(", ", parts);
    }

    /** Writes the planned graph through a {@link GraphBuilder}. */
    private static final class Emitter {
        private final GraphIndex graph;
        private final QdqPlan plan;
        private final Map<String, ActivationParams> params;
        private final GraphBuilder b = new GraphBuilder();
        private final Map<String, Value> values = new HashMap<>();
        private final int weightMax;
        private final Map<String, float[]> weightScales;

        Emitter(GraphIndex graph, QdqPlan plan, Map<String, ActivationParams> params, int weightMax,
                Map<String, float[]> weightScales) {
            this.weightScales = weightScales;
            this.graph = graph;
            this.plan = plan;
            this.params = params;
            this.weightMax = weightMax;
        }

        ModelProto build(ModelProto deploy, Map<String, String> variantMeta) {
            Edges edges = new Edges(graph);
            for (Edges.Io in : edges.inputs()) {
                Value v = b.input(in.name(), in.batchDim(), in.dims());
                values.put(in.name(), plan.quantized.contains(in.name()) ? qdq(in.name(), v, null) : v);
            }
            for (NodeProto node : graph.graph.getNodeList()) {
                emit(node);
            }
            for (Edges.Io out : edges.outputs()) {
                Value v = values.get(out.name());
                if (!v.name().equals(out.name())) {
                    v = b.opNamed(out.name(), OnnxOp.IDENTITY, List.of(v));
                }
                b.output(v, out.batchDim(), out.dims());
            }
            return b.build(graph.graph.getName() + "_int8", deploy.getDocString() + " INT8 QDQ variant.",
                    Edges.metadata(deploy, variantMeta));
        }

        private void emit(NodeProto node) {
            if (plan.folded(node)) {
                return;
            }
            String key = node.getOutput(0);
            if (plan.alias.containsKey(key)) {
                values.put(key, values.get(plan.alias.get(key)));
                return;
            }
            Integer axis = plan.weightAxis.get(key);
            float[] weightScale = null;
            List<Value> in = new ArrayList<>();
            for (int i = 0; i < node.getInputCount(); i++) {
                String name = node.getInput(i);
                if (name.isEmpty()) {
                    in.add(null);
                } else if (axis != null && i == 1) {
                    WeightQuantizer.Quantized w = WeightQuantizer.weight(plan.weight(name), axis, weightMax,
                            weightScales.get(key));
                    weightScale = w.scale();
                    in.add(dequantized(name, w, axis));
                } else if (i == 2 && weightScale != null && plan.int32Bias.contains(key)) {
                    float inputScale = params.get(node.getInput(0)).scale();
                    WeightQuantizer.Quantized q = WeightQuantizer.bias(graph.floatConstant(name), inputScale, weightScale);
                    in.add(dequantized(name, q, 0));
                } else if (plan.quantizedConstants.contains(name) && QdqPlan.readsQuantizedConstant(node)) {
                    in.add(constant(name));
                } else {
                    in.add(value(name));
                }
            }
            List<Value> outs = b.copyNode(node, in);
            for (int j = 0; j < node.getOutputCount(); j++) {
                String name = node.getOutput(j);
                if (!name.isEmpty()) {
                    boolean output = graph.graphOutputs.contains(name);
                    values.put(name, plan.quantized.contains(name) ? qdq(name, outs.get(j), output ? name : null)
                            : outs.get(j));
                }
            }
        }

        private Value value(String name) {
            Value v = values.get(name);
            if (v == null) {
                TensorProto init = graph.initializers.get(name);
                if (init == null) {
                    throw new IllegalStateException("value '" + name + "' is read before it is computed");
                }
                v = b.initializer(name, init);
                values.put(name, v);
            }
            return v;
        }

        /** A constant stored uint8 with its own range (ORT's static activation quantization of an initializer), then DQ. */
        private Value constant(String name) {
            Value done = values.get(name + "_quantized");
            if (done != null) {
                return done;
            }
            org.blockbench.onnx.FloatTensor c = graph.floatConstant(name);
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (float v : c.data()) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            ActivationParams p = ActivationParams.of(min, max);
            Value q = b.initializer(name + "_quantized", WeightQuantizer.uint8(c, p));
            Value scale = b.initializer(name + "_quantized_scale", WeightQuantizer.floatScalar(p.scale()));
            Value zero = b.initializer(name + "_quantized_zero_point", WeightQuantizer.uint8Scalar(p.zeroPoint()));
            Value dq = b.op(OnnxOp.DEQUANTIZE_LINEAR, List.of(q, scale, zero));
            values.put(name + "_quantized", dq);
            return dq;
        }

        private Value dequantized(String name, WeightQuantizer.Quantized q, int axis) {
            Value values = b.initializer(name + "_quantized", q.values());
            Value scale = b.initializer(name + "_quantized_scale", q.scales());
            Value zero = b.initializer(name + "_quantized_zero_point", q.zeroPoints());
            return b.op(OnnxOp.DEQUANTIZE_LINEAR, List.of(values, scale, zero), Attribute.integer("axis", axis));
        }

        /** QuantizeLinear then DequantizeLinear; the latter named {@code outputName} when that is a graph output. */
        private Value qdq(String name, Value v, String outputName) {
            ActivationParams p = params.get(name);
            Value scale = b.initializer(name + "_scale", WeightQuantizer.floatScalar(p.scale()));
            Value zero = b.initializer(name + "_zero_point", WeightQuantizer.uint8Scalar(p.zeroPoint()));
            Value q = b.op(OnnxOp.QUANTIZE_LINEAR, List.of(v, scale, zero));
            List<Value> in = List.of(q, scale, zero);
            return outputName == null ? b.op(OnnxOp.DEQUANTIZE_LINEAR, in)
                    : b.opNamed(outputName, OnnxOp.DEQUANTIZE_LINEAR, in);
        }
    }

}
