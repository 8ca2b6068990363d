package org.blockbench.onnx;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each float initializer of a graph is read, looking through {@code Identity} nodes: PyTorch's
 * exporter merges tensors of equal value into one initializer and writes each merged tensor as an
 * {@code Identity} of it, named after its state_dict entry (a fresh BatchNorm's weight and
 * running_var are both ones). So one initializer can stand for a trainable scale and a running
 * variance at once; the pack reader refuses that and the trainer separates it.
 */
public final class InitializerUses {

    /** BatchNormalization's inputs that are running statistics (mean, variance), not parameters. */
    public static final int RUNNING_MEAN = 3;
    public static final int RUNNING_VAR = 4;

    /**
     * One read of an initializer.
     *
     * @param node    the reading node (never an Identity)
     * @param input   the input position of {@code node}
     * @param through the Identity output the node reads, or "" when it reads the initializer itself
     */
    public record Use(NodeProto node, int input, String through) {

        /** Whether this read is a BatchNormalization running mean or variance. */
        public boolean runningStatistic() {
            return node.getOpType().equals("BatchNormalization") && (input == RUNNING_MEAN || input == RUNNING_VAR);
        }

        /** "input 4 (running variance) of BatchNormalization '/0/bn/BatchNormalization'", for messages. */
        public String describe() {
            String role = !node.getOpType().equals("BatchNormalization") ? ""
                    : switch (input) {
                        case 1 -> " (scale)";
                        case 2 -> " (bias)";
                        case RUNNING_MEAN -> " (running mean)";
                        case RUNNING_VAR -> " (running variance)";
                        default -> "";
                    };
            return "input " + input + role + " of " + node.getOpType() + " " + NodeView.quote(node.getName())
                    + (through.isEmpty() ? "" : " through Identity " + NodeView.quote(through));
        }
    }

    private final Map<String, List<Use>> uses;

    private InitializerUses(Map<String, List<Use>> uses) {
        this.uses = uses;
    }

    /** The reads of every float initializer of {@code graph}, in node order. */
    public static InitializerUses of(GraphProto graph) {
        Map<String, List<Use>> uses = new LinkedHashMap<>();
        for (TensorProto t : graph.getInitializerList()) {
            if (isFloat(t)) {
                uses.put(t.getName(), new ArrayList<>());
            }
        }
        Map<String, String> alias = new HashMap<>(); // Identity output -> the initializer it copies
        for (NodeProto node : graph.getNodeList()) {
            if (node.getOpType().equals("Identity") && node.getInputCount() == 1 && node.getOutputCount() == 1) {
                String root = alias.getOrDefault(node.getInput(0), node.getInput(0));
                if (uses.containsKey(root)) {
                    alias.put(node.getOutput(0), root);
                    continue;
                }
            }
            for (int i = 0; i < node.getInputCount(); i++) {
                String in = node.getInput(i);
                String root = alias.getOrDefault(in, in);
                if (uses.containsKey(root)) {
                    uses.get(root).add(new Use(node, i, root.equals(in) ? "" : in));
                }
            }
        }
        return new InitializerUses(uses);
    }

    /** The reads of the float initializer {@code name} (empty if it is never read or is not one). */
    public List<Use> of(String name) {
        return uses.getOrDefault(name, List.of());
    }

    /** Float initializer names, in initializer order. */
    public List<String> names() {
        return List.copyOf(uses.keySet());
    }

    /**
     * The first initializer read both as a BatchNorm running statistic and in another role, with
     * those two reads (the statistic first), or empty.
     */
    public Optional<Conflict> firstStatisticConflict() {
        for (Map.Entry<String, List<Use>> e : uses.entrySet()) {
            Optional<Use> statistic = e.getValue().stream().filter(Use::runningStatistic).findFirst();
            Optional<Use> other = e.getValue().stream().filter(u -> !u.runningStatistic()).findFirst();
            if (statistic.isPresent() && other.isPresent()) {
                return Optional.of(new Conflict(e.getKey(), statistic.get(), other.get()));
            }
        }
        return Optional.empty();
    }

    /** An initializer read as a running statistic and in another role. */
    public record Conflict(String initializer, Use statistic, Use other) {
    }

    /** Whether {@code t} holds FLOAT or DOUBLE values (what a parameter or buffer is). */
    public static boolean isFloat(TensorProto t) {
        return t.getDataType() == TensorProto.DataType.FLOAT_VALUE || t.getDataType() == TensorProto.DataType.DOUBLE_VALUE;
    }
}
