package org.blockbench.analysis.data;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the activation operators of a graph and the value each one outputs: single
 * activation nodes (Relu, Clip, HardSwish, ...) and the erf form of GELU that PyTorch exports
 * at opsets without Gelu (Div → Erf → Add → Mul(x, ·) → Mul(·, 0.5)), whose output is the
 * last Mul's (the Mul by the scalar 0.5 when there is one).
 */
final class ActivationNodes {

    /** Operators that are activations on their own. */
    static final Set<String> ACTIVATIONS = Set.of("Relu", "LeakyRelu", "PRelu", "Clip", "HardSwish", "HardSigmoid",
            "Sigmoid", "Tanh", "Gelu", "Elu", "Selu", "Celu", "Softplus", "Mish");

    /**
     * One activation.
     *
     * @param node   name of the node that produces the activation's output
     * @param kind   the op type, or "Gelu(erf)" for the decomposed form
     * @param output the activation's output value
     */
    record Activation(String node, String kind, String output) {
    }

    private ActivationNodes() {
    }

    static List<Activation> find(GraphProto graph) {
        Map<String, List<NodeProto>> consumers = new HashMap<>();
        Set<String> scalars = new HashSet<>();
        graph.getInitializerList().stream().filter(t -> t.getDimsList().stream().allMatch(d -> d == 1))
                .forEach(t -> scalars.add(t.getName()));
        for (NodeProto n : graph.getNodeList()) {
            if (n.getOpType().equals("Constant") && n.getOutputCount() == 1 && n.getAttributeCount() == 1
                    && (!n.getAttribute(0).hasT() || n.getAttribute(0).getT().getDimsList().stream().allMatch(d -> d == 1))) {
                scalars.add(n.getOutput(0));
            }
            for (String in : n.getInputList()) {
                consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(n);
            }
        }
        List<Activation> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (NodeProto n : graph.getNodeList()) {
            boolean defaultDomain = n.getDomain().isEmpty() || n.getDomain().equals("ai.onnx");
            if (!defaultDomain || n.getOutputCount() == 0) {
                continue;
            }
            if (ACTIVATIONS.contains(n.getOpType()) && seen.add(n.getOutput(0))) {
                found.add(new Activation(n.getName(), n.getOpType(), n.getOutput(0)));
            } else if (n.getOpType().equals("Erf")) {
                NodeProto add = only(consumers, n.getOutput(0), "Add");
                NodeProto mul = add == null ? null : only(consumers, add.getOutput(0), "Mul");
                if (mul != null) {
                    NodeProto half = only(consumers, mul.getOutput(0), "Mul");
                    if (half != null && half.getInputList().stream().noneMatch(scalars::contains)) {
                        half = null;
                    }
                    NodeProto last = half != null ? half : mul;
                    if (seen.add(last.getOutput(0))) {
                        found.add(new Activation(last.getName(), "Gelu(erf)", last.getOutput(0)));
                    }
                }
            }
        }
        return found;
    }

    private static NodeProto only(Map<String, List<NodeProto>> consumers, String value, String opType) {
        List<NodeProto> c = consumers.getOrDefault(value, List.of());
        return c.size() == 1 && c.get(0).getOpType().equals(opType) ? c.get(0) : null;
    }
}
