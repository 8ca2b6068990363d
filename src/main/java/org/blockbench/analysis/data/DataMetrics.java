package org.blockbench.analysis.data;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.blockbench.BadInputException;
import org.blockbench.analysis.GraphAnalysis;
import org.blockbench.analysis.NodeCost;
import org.blockbench.analysis.shape.ConvWindow;
import org.blockbench.onnx.ElementType;
import org.blockbench.analysis.shape.InferredShapes;
import org.blockbench.analysis.shape.ShapedNode;
import org.blockbench.analysis.shape.ShapeInference;
import org.blockbench.analysis.shape.TensorInfo;
import org.blockbench.onnx.TensorProtos;
import org.blockbench.ort.HostTensor;
import org.blockbench.ort.InferenceSession;
import org.blockbench.ort.IntermediateOutputs;
import org.blockbench.ort.ModelOrigin;
import org.blockbench.ort.SeededInput;

/**
 * Measures NeuroBench data metrics by running the model in ONNX Runtime with its activations
 * and the operands of its MAC layers exposed ({@link org.blockbench.analysis.Conventions#DATA}).
 */
public final class DataMetrics {

    private DataMetrics() {
    }

    /**
     * Seeded standard-normal inputs at the analysis's input shapes, one map per sample, drawn
     * by {@link SeededInput} (sample {@code s}, input {@code k} from seed
     * {@code seed + s * inputs + k}). For real data, build the maps from the dataset instead.
     */
    public static List<Map<String, HostTensor>> generatedInputs(GraphAnalysis analysis, int samples, long seed) {
        if (samples < 1) {
            throw new BadInputException("samples must be at least 1, found " + samples);
        }
        int inputs = analysis.inputShapes().size();
        List<Map<String, HostTensor>> out = new ArrayList<>();
        for (int s = 0; s < samples; s++) {
            Map<String, HostTensor> feeds = new LinkedHashMap<>();
            long sampleSeed = seed + (long) s * inputs;
            int k = 0;
            for (Map.Entry<String, long[]> input : analysis.inputShapes().entrySet()) {
                float[] v = SeededInput.standardNormal(sampleSeed + k++,
                        Math.toIntExact(TensorInfo.elementCount(input.getValue())));
                feeds.put(input.getKey(), new HostTensor(input.getValue(), ElementType.FLOAT, v));
            }
            out.add(feeds);
        }
        return out;
    }

    /**
     * Runs every sample and accumulates activation sparsity and effective MACs.
     *
     * @param analysis    the static analysis of {@code model} (dense MACs and input shapes come from it)
     * @param samples     input maps with the analysis's input shapes
     * @param inputSource how the inputs were made, recorded in the report
     */
    public static DataMetricsReport measure(ModelProto model, GraphAnalysis analysis,
                                            List<Map<String, HostTensor>> samples, String inputSource) {
        GraphProto graph = model.getGraph();
        InferredShapes shapes = ShapeInference.infer(model, analysis.inputShapes());
        for (String input : analysis.inputShapes().keySet()) {
            if (shapes.info(input).elementType() != ElementType.FLOAT) {
                throw new BadInputException("data metrics need float32 inputs; input '" + input + "' is "
                        + ElementType.name(shapes.info(input).elementType()));
            }
        }
        Map<String, TensorProto> initializers = new HashMap<>();
        graph.getInitializerList().forEach(t -> initializers.putIfAbsent(t.getName(), t));
        List<ActivationNodes.Activation> activations = ActivationNodes.find(graph);
        Map<String, Integer> exposed = new LinkedHashMap<>();
        activations.forEach(a -> exposed.put(a.output(), shapes.info(a.output()).elementType()));
        List<Integer> macNodes = new ArrayList<>();
        List<String> notMeasured = new ArrayList<>();
        for (NodeCost cost : analysis.nodes()) {
            if (cost.macs() == null || cost.macs() == 0) {
                continue;
            }
            NodeProto n = graph.getNode(cost.index());
            String why = unmeasurable(n, shapes);
            if (why != null) {
                notMeasured.add(describe(n) + ": " + why);
                continue;
            }
            macNodes.add(cost.index());
            for (int slot = 0; slot < 2; slot++) {
                String in = n.getInput(slot);
                if (!initializers.containsKey(in) && !analysis.inputShapes().containsKey(in)) {
                    exposed.put(in, shapes.info(in).elementType());
                }
            }
        }
        long[] zeros = new long[activations.size()];
        long[] elements = new long[activations.size()];
        long[] effective = new long[macNodes.size()];
        Map<String, float[]> decoded = new HashMap<>();
        try (InferenceSession session = IntermediateOutputs.open(model, exposed, ModelOrigin.USER)) {
            for (Map<String, HostTensor> feeds : samples) {
                Map<String, HostTensor> values = new HashMap<>(session.evaluate(feeds));
                feeds.forEach(values::putIfAbsent);
                for (int i = 0; i < activations.size(); i++) {
                    HostTensor t = values.get(activations.get(i).output());
                    zeros[i] += t.zeros();
                    elements[i] += t.data().length;
                }
                for (int i = 0; i < macNodes.size(); i++) {
                    NodeProto n = graph.getNode(macNodes.get(i));
                    HostTensor a = operand(n.getInput(0), values, initializers, decoded, shapes);
                    HostTensor b = operand(n.getInput(1), values, initializers, decoded, shapes);
                    effective[i] += effectiveMacs(n, a, b, shapes);
                }
            }
        }
        List<DataMetricsReport.ActivationSparsity> acts = new ArrayList<>();
        for (int i = 0; i < activations.size(); i++) {
            ActivationNodes.Activation a = activations.get(i);
            acts.add(new DataMetricsReport.ActivationSparsity(a.node(), a.kind(), zeros[i], elements[i]));
        }
        List<DataMetricsReport.LayerMacs> layers = new ArrayList<>();
        for (int i = 0; i < macNodes.size(); i++) {
            NodeCost c = analysis.nodes().get(macNodes.get(i));
            layers.add(new DataMetricsReport.LayerMacs(c.name(), c.opType(),
                    Math.multiplyExact(c.macs(), (long) samples.size()), effective[i]));
        }
        return new DataMetricsReport(samples.size(), inputSource, acts, layers, notMeasured);
    }

    private static String describe(NodeProto n) {
        return "'" + n.getName() + "' (" + n.getOpType() + ")";
    }

    private static String unmeasurable(NodeProto n, InferredShapes shapes) {
        String op = n.getOpType();
        for (int slot = 0; slot < Math.min(2, n.getInputCount()); slot++) {
            if (shapes.info(n.getInput(slot)).elementType() != ElementType.FLOAT) {
                return "operand " + slot + " is not float32";
            }
        }
        return switch (op) {
            case "Conv" -> shapes.info(n.getInput(0)).rank() <= 4 ? null : "3-D convolution";
            case "ConvTranspose", "Gemm", "MatMul" -> null;
            default -> "effective MACs are not measured for " + op;
        };
    }

    private static HostTensor operand(String name, Map<String, HostTensor> values, Map<String, TensorProto> initializers,
                                      Map<String, float[]> decoded, InferredShapes shapes) {
        HostTensor t = values.get(name);
        if (t != null) {
            return t;
        }
        float[] data = decoded.computeIfAbsent(name, k -> TensorProtos.floats(initializers.get(k)));
        return new HostTensor(shapes.info(name).shape(), ElementType.FLOAT, data);
    }

    private static long effectiveMacs(NodeProto n, HostTensor a, HostTensor b, InferredShapes shapes) {
        List<TensorInfo> ins = new ArrayList<>();
        for (String in : n.getInputList()) {
            ins.add(in.isEmpty() ? null : shapes.info(in));
        }
        ShapedNode view = new ShapedNode(n, ins, shapes.opset());
        switch (n.getOpType()) {
            case "Conv": {
                long[] xs = a.shape();
                long[] ws = b.shape();
                long[] out = shapes.info(n.getOutput(0)).shape();
                if (xs.length == 3) {
                    xs = new long[] {xs[0], xs[1], 1, xs[2]};
                    ws = new long[] {ws[0], ws[1], 1, ws[2]};
                    out = new long[] {out[0], out[1], 1, out[2]};
                }
                long[] kernel = java.util.Arrays.copyOfRange(ws, 2, 4);
                long[] spatial = java.util.Arrays.copyOfRange(xs, 2, 4);
                ConvWindow w = a.shape().length == 3 ? oneD(ConvWindow.of(view, new long[] {kernel[1]},
                        new long[] {spatial[1]}, false)) : ConvWindow.of(view, kernel, spatial, false);
                return EffectiveMacs.conv(a.data(), xs, b.data(), ws, out, w.strides(), w.dilations(), w.padsBegin());
            }
            case "ConvTranspose":
                return EffectiveMacs.convTranspose(a.data(), a.shape(), b.data(), b.shape());
            case "Gemm":
                return EffectiveMacs.gemm(a.data(), a.shape(), view.attrInt("transA", 0) != 0, b.data(), b.shape(),
                        view.attrInt("transB", 0) != 0);
            default:
                return EffectiveMacs.matMul(a.data(), a.shape(), b.data(), b.shape());
        }
    }

    private static ConvWindow oneD(ConvWindow w) {
        return new ConvWindow(new long[] {1, w.kernel()[0]}, new long[] {1, w.strides()[0]},
                new long[] {1, w.dilations()[0]}, new long[] {0, w.padsBegin()[0]}, new long[] {0, w.padsEnd()[0]});
    }
}
