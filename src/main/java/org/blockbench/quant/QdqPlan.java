package org.blockbench.quant;

import ai.onnx.proto.OnnxMl.NodeProto;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.blockbench.onnx.FloatTensor;
import org.blockbench.onnx.NodeView;

/**
 * Which values of a deploy graph get a QuantizeLinear/DequantizeLinear pair, which inputs are
 * weights and biases, and which ops stay float: ONNX Runtime's QDQ quantizer's decisions
 * (docs/quantization.md §What is quantized). Nodes are visited in the graph's (topological)
 * order, as ORT does.
 */
final class QdqPlan {

    /** Ops with integer kernels whose constant second input is a weight quantized per channel. */
    static final Set<String> WEIGHTED = Set.of("Conv", "Gemm", "MatMul");
    /** Ops whose float inputs and output are all quantized (ORT's default QDQ operator). */
    static final Set<String> GENERIC = Set.of("Add", "Mul", "Concat", "GlobalAveragePool", "AveragePool", "Sigmoid",
            "Softmax");
    /** Ops that move or select values: the output shares the input's scale and zero point (ORT's QDQDirect8BitOp). */
    static final Set<String> SHARED = Set.of("MaxPool", "Reshape", "Transpose", "Flatten", "Gather");
    /** Activations removed when their input is quantized and read by them alone (ORT's QDQRemovableActivation). */
    static final Set<String> REMOVABLE = Set.of("Relu", "Clip");
    /** Ops that compute nothing to quantize. */
    static final Set<String> STRUCTURAL = Set.of("Constant", "Identity");

    final GraphIndex graph;
    /** Values that get a Q/DQ pair, in graph order. */
    final Set<String> quantized = new LinkedHashSet<>();
    /** A value whose scale and zero point are those of another (a shared op's output → its input). */
    final Map<String, String> sharedFrom = new HashMap<>();
    /** A value whose range is calibrated on another (a fused Relu's input → the Relu's output). */
    final Map<String, String> rangeFrom = new HashMap<>();
    /** Softmax outputs: probabilities, whose range {@link QdqQuantizer#probabilityRange} bounds to [0, 1]. */
    final Set<String> probabilities = new LinkedHashSet<>();
    /**
     * Constant inputs of Add/Mul stored as uint8 with their own range, as ORT quantizes every
     * input of its default QDQ operator: a bias, a layer scale, GELU's 1 and 0.5, attention's
     * 1/√d. Only scalars and vectors (one dimension above 1); larger constants
     * (DeformableConv's sampling grid) stay float, more exact than ORT and read by float GridSample.
     */
    final Set<String> quantizedConstants = new LinkedHashSet<>();
    /** Outputs of removed activations → the value that replaces them. */
    final Map<String, String> alias = new HashMap<>();
    /** Per node (by first output): the output-channel axis of its weight input (slot 1). */
    final Map<String, Integer> weightAxis = new HashMap<>();
    /** Nodes (by first output) whose bias (slot 2) is stored int32. */
    final Set<String> int32Bias = new HashSet<>();
    /** Weights computed by Reshape from an initializer, folded: the Reshape's output → its value. */
    final Map<String, FloatTensor> foldedWeights = new HashMap<>();
    /** Ops left in float (op type → count): listed in the metadata and the command output. */
    final Map<String, Integer> floatOps = new TreeMap<>();
    /** Ops quantized (op type → count, removed activations included). */
    final Map<String, Integer> quantizedOps = new TreeMap<>();

    QdqPlan(GraphIndex graph) {
        this.graph = graph;
        foldReshapedWeights();
        for (NodeProto node : graph.graph.getNodeList()) {
            visit(node);
        }
    }

    /** The values whose ranges must be calibrated. */
    Set<String> rangeSources() {
        Set<String> out = new LinkedHashSet<>();
        for (String t : quantized) {
            if (!sharedFrom.containsKey(t)) {
                out.add(rangeFrom.getOrDefault(t, t));
            }
        }
        return out;
    }

    /**
     * Whether the node disappears: a folded Reshape, or a Constant read only by folded Reshapes
     * (their target shapes), which would otherwise be left unused.
     */
    boolean folded(NodeProto node) {
        if (node.getOutputCount() != 1) {
            return false;
        }
        if (foldedWeights.containsKey(node.getOutput(0))) {
            return true;
        }
        List<GraphIndex.Use> uses = graph.uses(node.getOutput(0));
        boolean quantizedConstant = quantizedConstants.contains(node.getOutput(0));
        // a Constant read only as a folded Reshape's shape, or only as a quantized Add/Mul constant
        // (which reads its uint8 copy), would be left unused: ORT warns about each one
        return node.getOpType().equals("Constant") && !uses.isEmpty() && !graph.graphOutputs.contains(node.getOutput(0))
                && uses.stream().allMatch(u -> quantizedConstant && readsQuantizedConstant(u.node())
                        || u.node().getOutputCount() == 1 && foldedWeights.containsKey(u.node().getOutput(0)));
    }

    /** Whether {@code node} reads its constants in {@link #quantizedConstants} as their uint8 copies. */
    static boolean readsQuantizedConstant(NodeProto node) {
        return node.getDomain().isEmpty() && (node.getOpType().equals("Add") || node.getOpType().equals("Mul"));
    }

    /** A weight: an initializer, a Constant or a folded Reshape of one; null when computed at run time. */
    FloatTensor weight(String value) {
        FloatTensor folded = foldedWeights.get(value);
        return folded != null ? folded : graph.floatConstant(value);
    }

    private void visit(NodeProto node) {
        String op = node.getOpType();
        if (!node.getDomain().isEmpty() || folded(node)) {
            if (!folded(node)) {
                floatOps.merge(node.getDomain() + ":" + op, 1, Integer::sum);
            }
            return;
        }
        if (WEIGHTED.contains(op)) {
            visitWeighted(node);
        } else if (GENERIC.contains(op)) {
            quantizeActivations(node, allSlots(node));
            quantizeOutputs(node);
            if (op.equals("Softmax")) {
                probabilities.add(node.getOutput(0));
            }
            if (op.equals("Add") || op.equals("Mul")) {
                quantizeVectorConstants(node);
            }
            quantizedOps.merge(op, 1, Integer::sum);
        } else if (SHARED.contains(op)) {
            if (quantized.contains(node.getInput(0)) && node.getOutputCount() == 1) {
                quantized.add(node.getOutput(0));
                sharedFrom.put(node.getOutput(0), node.getInput(0));
                quantizedOps.merge(op, 1, Integer::sum);
            }
        } else if (REMOVABLE.contains(op)) {
            String in = node.getInput(0);
            List<GraphIndex.Use> uses = graph.uses(in);
            if (quantized.contains(in) && uses.size() == 1 && !graph.graphOutputs.contains(in)
                    && !sharedFrom.containsKey(in) && !rangeFrom.containsKey(in)) {
                rangeFrom.put(in, node.getOutput(0));
                alias.put(node.getOutput(0), in);
            } else {
                quantizeActivations(node, Set.of(0));
                quantizeOutputs(node);
            }
            quantizedOps.merge(op, 1, Integer::sum);
        } else if (!STRUCTURAL.contains(op)) {
            floatOps.merge(op, 1, Integer::sum);
        }
    }

    private void visitWeighted(NodeProto node) {
        String op = node.getOpType();
        NodeView view = new NodeView(node);
        String key = node.getOutput(0);
        FloatTensor w = node.getInputCount() > 1 ? weight(node.getInput(1)) : null;
        switch (op) {
            case "Conv" -> {
                if (w == null || graph.isConstant(node.getInput(0))) {
                    floatOps.merge(op + " (weight computed at run time)", 1, Integer::sum);
                    return;
                }
                weightAxis.put(key, 0);
                quantizeActivations(node, Set.of(0));
                if (view.hasInput(2) && biasFits(node.getInput(2), w.dim(0))) {
                    int32Bias.add(key);
                }
            }
            case "Gemm" -> {
                if (view.attrInt("transA", 0) != 0 || graph.isConstant(node.getInput(0))) {
                    floatOps.merge(op + " (transA or constant A)", 1, Integer::sum);
                    return;
                }
                boolean transB = view.attrInt("transB", 0) != 0;
                if (w != null && w.rank() == 2) {
                    weightAxis.put(key, transB ? 0 : 1);
                    quantizeActivations(node, Set.of(0));
                    if (view.hasInput(2) && view.attrFloat("alpha", 1f) == 1f && view.attrFloat("beta", 1f) == 1f
                            && biasFits(node.getInput(2), w.dim(transB ? 0 : 1))) {
                        int32Bias.add(key);
                    }
                } else {
                    quantizeActivations(node, Set.of(0, 1));
                }
            }
            default -> { // MatMul
                if (w != null && w.rank() == 2) {
                    weightAxis.put(key, 1);
                    quantizeActivations(node, Set.of(0));
                } else {
                    quantizeActivations(node, Set.of(0, 1));
                }
            }
        }
        // A graph output of Conv/Gemm/MatMul (the classifier's logits) stays float: ORT runs it as
        // QGemm/QLinearMatMul with a float output, and an 8-bit step on the logits would hide every
        // difference between inputs smaller than 1/255 of their range (an untrained scaffold's
        // logits vary by less than that). ORT's quantize_static quantizes it; this is one step better.
        for (String out : node.getOutputList()) {
            if (!out.isEmpty() && graph.isFloat(out) && !graph.graphOutputs.contains(out)) {
                quantized.add(out);
            }
        }
        quantizedOps.merge(op, 1, Integer::sum);
    }

    private void quantizeVectorConstants(NodeProto node) {
        boolean otherQuantized = false;
        for (String in : node.getInputList()) {
            otherQuantized |= quantized.contains(in);
        }
        for (String in : node.getInputList()) {
            FloatTensor c = graph.isConstant(in) ? graph.floatConstant(in) : null;
            if (otherQuantized && c != null && java.util.Arrays.stream(c.shape()).filter(d -> d > 1).count() <= 1) {
                quantizedConstants.add(in);
            }
        }
    }

    private boolean biasFits(String bias, long channels) {
        FloatTensor b = graph.floatConstant(bias);
        return b != null && b.rank() == 1 && b.dim(0) == channels;
    }

    private static Set<Integer> allSlots(NodeProto node) {
        Set<Integer> slots = new HashSet<>();
        for (int i = 0; i < node.getInputCount(); i++) {
            slots.add(i);
        }
        return slots;
    }

    /** Non-constant float inputs at {@code slots} get a Q/DQ pair (constant inputs stay float, documented). */
    private void quantizeActivations(NodeProto node, Set<Integer> slots) {
        for (int i = 0; i < node.getInputCount(); i++) {
            String in = node.getInput(i);
            if (slots.contains(i) && !in.isEmpty() && !graph.isConstant(in) && graph.isFloat(in)) {
                quantized.add(in);
            }
        }
    }

    private void quantizeOutputs(NodeProto node) {
        for (String out : node.getOutputList()) {
            if (!out.isEmpty() && graph.isFloat(out)) {
                quantized.add(out);
            }
        }
    }

    /** Reshape(initializer, constant shape) read only as a Conv/Gemm/MatMul weight becomes a weight of its own. */
    private void foldReshapedWeights() {
        for (NodeProto node : graph.graph.getNodeList()) {
            if (!node.getOpType().equals("Reshape") || node.getInputCount() != 2 || !node.getDomain().isEmpty()) {
                continue;
            }
            FloatTensor source = graph.floatConstant(node.getInput(0));
            long[] shape = graph.int64Constant(node.getInput(1));
            List<GraphIndex.Use> uses = graph.uses(node.getOutput(0));
            boolean onlyWeight = !uses.isEmpty() && !graph.graphOutputs.contains(node.getOutput(0))
                    && uses.stream().allMatch(u -> u.slot() == 1 && WEIGHTED.contains(u.node().getOpType()));
            if (source == null || shape == null || !onlyWeight || new NodeView(node).attrInt("allowzero", 0) != 0) {
                continue;
            }
            long[] target = reshape(source.shape(), shape);
            if (target != null) {
                foldedWeights.put(node.getOutput(0), new FloatTensor(target, source.data()));
            }
        }
    }

    /** ONNX Reshape's target shape (0 copies, -1 infers), or null when it does not fit. */
    private static long[] reshape(long[] from, long[] spec) {
        long total = FloatTensor.elementCount(from);
        long[] out = spec.clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == 0) {
                if (i >= from.length) {
                    return null;
                }
                out[i] = from[i];
            }
            if (out[i] == -1) {
                if (infer >= 0) {
                    return null;
                }
                infer = i;
            } else if (out[i] < 0) {
                return null;
            } else {
                known *= out[i];
            }
        }
        if (infer >= 0) {
            if (known == 0 || total % known != 0) {
                return null;
            }
            out[infer] = total / known;
        }
        return FloatTensor.elementCount(out) == total ? out : null;
    }
}
