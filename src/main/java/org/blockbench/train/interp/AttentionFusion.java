package org.blockbench.train.interp;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.blockbench.onnx.NodeView;
import org.blockbench.onnx.TensorProtos;
import org.bytedeco.pytorch.DoubleOptional;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;

/**
 * Scaled dot-product attention as one LibTorch call. The chain
 * {@code MatMul(q, kT) → Mul(·, s) → Softmax(axis −1) → MatMul(·, v)}, as the zoo's
 * SelfAttention exports it, is run by {@code torch.scaled_dot_product_attention(q, k, v, scale = s)}
 * with {@code k = kT} transposed back over its last two axes (a view), which never materialises
 * the [B, heads, tokens, tokens] scores in the CPU kernels' fused path.
 *
 * <p>A chain is fused only when each of its three intermediate values (scores, scaled scores,
 * weights) is read once, by the next node of the chain, and is no graph output; the scale is a
 * one-element float {@code Constant} (a float initializer there would be a trained parameter); and
 * the Softmax axis is −1. At run time, inputs that are not three 4-D tensors with equal leading
 * dimensions and a matching head width run the four ops as the unfused graph would.
 */
final class AttentionFusion {

    /** No chain fused: every node compiles alone. */
    static final AttentionFusion NONE = new AttentionFusion(Map.of(), Set.of());

    /**
     * One fused chain.
     *
     * @param q           the first MatMul's input 0
     * @param kT          the first MatMul's input 1, the keys already transposed
     * @param v           the last MatMul's input 1
     * @param output      the last MatMul's output, the chain's one value read elsewhere
     * @param scale       the Mul's constant factor
     * @param description the four nodes, for error messages
     */
    record Chain(String q, String kT, String v, String output, double scale, String description) {

        List<String> inputs() {
            return List.of(q, kT, v);
        }

        Kernel kernel(CompileContext c) {
            TensorOptional noMask = c.own(new TensorOptional());
            DoubleOptional scaleOption = c.own(new DoubleOptional(scale));
            Scalar scaleScalar = c.scalar(scale);
            return (in, training) -> {
                Tensor q = in[0];
                Tensor kT = in[1];
                Tensor v = in[2];
                if (!fusable(q, kT, v)) {
                    Tensor weights = torch.softmax(torch.matmul(q, kT).mul(scaleScalar), -1);
                    return ElementwiseOps.one(torch.matmul(weights, v));
                }
                return ElementwiseOps.one(torch.scaled_dot_product_attention(q, kT.transpose(-2, -1), v, noMask, 0.0,
                        false, scaleOption, false));
            };
        }
    }

    /** Chains by the index of their last MatMul, where the fused step runs (every input is defined by then). */
    private final Map<Integer, Chain> byLastNode;
    /** The indices of the chains' other nodes: the first MatMul, the Mul and the Softmax. */
    private final Set<Integer> absorbed;

    private AttentionFusion(Map<Integer, Chain> byLastNode, Set<Integer> absorbed) {
        this.byLastNode = byLastNode;
        this.absorbed = absorbed;
    }

    /** Every attention chain of {@code graph} that may be fused. */
    static AttentionFusion find(GraphProto graph) {
        List<NodeProto> nodes = graph.getNodeList();
        Map<String, Integer> producer = new HashMap<>();
        Map<String, Integer> reads = new HashMap<>();
        Map<String, Integer> reader = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            for (String out : nodes.get(i).getOutputList()) {
                producer.put(out, i);
            }
            for (String in : nodes.get(i).getInputList()) {
                reads.merge(in, 1, Integer::sum);
                reader.put(in, i);
            }
        }
        Set<String> graphOutputs = new HashSet<>();
        graph.getOutputList().stream().map(ValueInfoProto::getName).forEach(graphOutputs::add);

        Map<Integer, Chain> chains = new HashMap<>();
        Set<Integer> absorbed = new HashSet<>();
        for (int first = 0; first < nodes.size(); first++) {
            NodeProto matMul = nodes.get(first);
            // a MatMul that ends a chain already runs fused: it cannot start another; and q and kT
            // must be defined before it, as they must be without the fusion (which reads them later)
            if (!isDefault(matMul, "MatMul") || matMul.getInputCount() != 2 || matMul.getOutputCount() != 1
                    || chains.containsKey(first) || producer.getOrDefault(matMul.getInput(0), -1) >= first
                    || producer.getOrDefault(matMul.getInput(1), -1) >= first) {
                continue;
            }
            NodeProto mul = onlyReader(matMul.getOutput(0), "Mul", nodes, reads, reader, graphOutputs);
            if (mul == null || mul.getInputCount() != 2) {
                continue;
            }
            int scorePosition = mul.getInput(0).equals(matMul.getOutput(0)) ? 0 : 1;
            Double scale = constantScalar(mul.getInput(1 - scorePosition), nodes, producer);
            NodeProto softmax = onlyReader(mul.getOutput(0), "Softmax", nodes, reads, reader, graphOutputs);
            if (scale == null || softmax == null || new NodeView(softmax).attrInt("axis", -1) != -1) {
                continue;
            }
            NodeProto mix = onlyReader(softmax.getOutput(0), "MatMul", nodes, reads, reader, graphOutputs);
            if (mix == null || mix.getInputCount() != 2 || !mix.getInput(0).equals(softmax.getOutput(0))
                    || mix.getOutputCount() != 1) {
                continue;
            }
            int last = reader.get(softmax.getOutput(0));
            String description = "attention fused from " + new NodeView(matMul).describe() + ", " + new NodeView(mul).describe()
                    + ", " + new NodeView(softmax).describe() + " and " + new NodeView(mix).describe();
            chains.put(last, new Chain(matMul.getInput(0), matMul.getInput(1), mix.getInput(1), mix.getOutput(0), scale,
                    description));
            absorbed.addAll(List.of(first, reader.get(matMul.getOutput(0)), reader.get(mul.getOutput(0))));
        }
        return chains.isEmpty() ? NONE : new AttentionFusion(Map.copyOf(chains), Set.copyOf(absorbed));
    }

    /** Whether node {@code index} runs inside a fused step, not on its own. */
    boolean absorbs(int index) {
        return absorbed.contains(index);
    }

    /** The chain whose fused step runs in place of node {@code index}, or null. */
    Chain endingAt(int index) {
        return byLastNode.get(index);
    }

    /** How many chains are fused. */
    int size() {
        return byLastNode.size();
    }

    /** SDPA's shapes: q [B, H, L, E], kT [B, H, E, S], v [B, H, S, Ev]; anything else (broadcasting, other ranks) runs unfused. */
    static boolean fusable(Tensor q, Tensor kT, Tensor v) {
        if (q.dim() != 4 || kT.dim() != 4 || v.dim() != 4) {
            return false;
        }
        for (int d = 0; d < 2; d++) {
            if (kT.size(d) != q.size(d) || v.size(d) != q.size(d)) {
                return false;
            }
        }
        return kT.size(2) == q.size(3) && v.size(2) == kT.size(3);
    }

    /** The one node reading {@code value}, when it is an {@code opType} node and the value is no graph output. */
    private static NodeProto onlyReader(String value, String opType, List<NodeProto> nodes, Map<String, Integer> reads,
            Map<String, Integer> reader, Set<String> graphOutputs) {
        if (value.isEmpty() || graphOutputs.contains(value) || reads.getOrDefault(value, 0) != 1) {
            return null;
        }
        NodeProto node = nodes.get(reader.get(value));
        return isDefault(node, opType) ? node : null;
    }

    private static boolean isDefault(NodeProto node, String opType) {
        return node.getOpType().equals(opType) && (node.getDomain().isEmpty() || node.getDomain().equals("ai.onnx"));
    }

    /** The value of a one-element float {@code Constant}, or null for anything else (an initializer, a computed value). */
    private static Double constantScalar(String value, List<NodeProto> nodes, Map<String, Integer> producer) {
        Integer index = producer.get(value);
        if (index == null || !isDefault(nodes.get(index), "Constant")) {
            return null;
        }
        NodeView constant = new NodeView(nodes.get(index));
        if (constant.hasAttribute("value_float")) {
            return (double) constant.attrFloat("value_float", 0);
        }
        TensorProto t = constant.attrTensor("value");
        if (t == null || t.getDataType() != TensorProto.DataType.FLOAT.getNumber() || t.getDimsCount() > 1
                || t.getDimsCount() == 1 && t.getDims(0) != 1) {
            return null;
        }
        return (double) TensorProtos.floats(t)[0];
    }
}
