package org.blockbench.train.interp;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.blockbench.onnx.InitializerUses;

/**
 * Gives each tensor of a model its own initializer before the trainer compiles it, so that the
 * trainer has the tensors PyTorch had.
 *
 * <p>PyTorch's exporter merges initializers of equal value (a fresh BatchNorm's weight and
 * running_var are both ones, its bias and running_mean zeros) and writes every merged tensor as an
 * {@code Identity} of the kept one, named after its own state_dict entry. Trained as written, one
 * tensor would be nine BN scales and nine running variances at once. Two rules undo that:
 * <ol>
 *   <li>an {@code Identity} of a float initializer becomes an initializer of its own under the
 *       Identity's output name (the state_dict name), with the same value;</li>
 *   <li>an initializer read directly both as a BatchNorm running statistic and in another role
 *       gets a separate copy for each running-statistic read (a buffer, named
 *       {@code <bn>.running_mean}/{@code running_var} after the BN's scale where that name is
 *       free); the other reads keep the original as a parameter.</li>
 * </ol>
 * An initializer read directly by two trainable roles (the same conv applied twice, a tied
 * projection: true weight tying, which PyTorch's exporter writes without Identity) stays one
 * parameter. The rewritten model is what the trainer trains and what its weights are written
 * back into, so ONNX Runtime evaluates the same tensors.
 */
public final class SharedTensors {

    private SharedTensors() {
    }

    /** {@code model} with every tensor its own initializer; the same object when nothing was shared. */
    public static ModelProto separate(ModelProto model) {
        GraphProto graph = model.getGraph();
        GraphProto untied = separateRunningStatistics(materializeIdentities(graph));
        return untied == graph ? model : model.toBuilder().setGraph(untied).build();
    }

    /** Rule 1: Identity nodes of float initializers become initializers. */
    private static GraphProto materializeIdentities(GraphProto graph) {
        Map<String, TensorProto> floats = new HashMap<>();
        graph.getInitializerList().stream().filter(InitializerUses::isFloat).forEach(t -> floats.put(t.getName(), t));
        Set<String> graphOutputs = new HashSet<>();
        graph.getOutputList().forEach(o -> graphOutputs.add(o.getName()));
        GraphProto.Builder out = graph.toBuilder().clearNode();
        boolean changed = false;
        for (NodeProto node : graph.getNodeList()) {
            TensorProto source = node.getOpType().equals("Identity") && node.getInputCount() == 1
                    ? floats.get(node.getInput(0)) : null;
            String copy = node.getOutputCount() == 1 ? node.getOutput(0) : "";
            if (source != null && !copy.isEmpty() && !graphOutputs.contains(copy) && !floats.containsKey(copy)) {
                TensorProto t = source.toBuilder().setName(copy).build();
                out.addInitializer(t);
                floats.put(copy, t);
                changed = true;
            } else {
                out.addNode(node);
            }
        }
        return changed ? out.build() : graph;
    }

    /** Rule 2: a running statistic read directly from an initializer that is also read otherwise gets its own copy. */
    private static GraphProto separateRunningStatistics(GraphProto graph) {
        InitializerUses uses = InitializerUses.of(graph);
        Map<String, TensorProto> byName = new HashMap<>();
        graph.getInitializerList().forEach(t -> byName.put(t.getName(), t));
        Set<String> taken = names(graph);
        GraphProto.Builder out = null;
        for (String name : uses.names()) {
            List<InitializerUses.Use> reads = uses.of(name);
            if (reads.stream().allMatch(InitializerUses.Use::runningStatistic)
                    && reads.stream().map(InitializerUses.Use::node).distinct().count() <= 1) {
                continue; // a buffer of one BatchNorm, as it should be
            }
            boolean first = reads.stream().noneMatch(u -> !u.runningStatistic());
            for (InitializerUses.Use read : reads) {
                if (!read.runningStatistic()) {
                    continue;
                }
                if (first) {
                    first = false; // only statistics read it: the first BatchNorm keeps the original
                    continue;
                }
                if (out == null) {
                    out = graph.toBuilder();
                }
                String copy = unique(taken, statisticName(read, name));
                out.addInitializer(byName.get(name).toBuilder().setName(copy).build());
                int index = indexOf(out, read.node());
                out.setNode(index, out.getNode(index).toBuilder().setInput(read.input(), copy));
            }
        }
        return out == null ? graph : out.build();
    }

    /** {@code bn.running_var} when the BatchNorm's scale is {@code bn.weight}, else the initializer's name with the role. */
    private static String statisticName(InitializerUses.Use read, String initializer) {
        String role = read.input() == InitializerUses.RUNNING_MEAN ? "running_mean" : "running_var";
        String scale = read.node().getInputCount() > 1 ? read.node().getInput(1) : "";
        return scale.endsWith(".weight") ? scale.substring(0, scale.length() - ".weight".length()) + "." + role
                : initializer + "." + role;
    }

    private static String unique(Set<String> taken, String name) {
        String candidate = name;
        for (int i = 2; !taken.add(candidate); i++) {
            candidate = name + "_" + i;
        }
        return candidate;
    }

    private static int indexOf(GraphProto.Builder graph, NodeProto node) {
        for (int i = 0; i < graph.getNodeCount(); i++) {
            NodeProto n = graph.getNode(i);
            if (n.getName().equals(node.getName()) && n.getOutputList().equals(node.getOutputList())) {
                return i;
            }
        }
        throw new IllegalStateException("node " + node.getName() + " not in its graph");
    }

    private static Set<String> names(GraphProto graph) {
        Set<String> names = new HashSet<>();
        graph.getInitializerList().forEach(t -> names.add(t.getName()));
        graph.getInputList().stream().map(ValueInfoProto::getName).forEach(names::add);
        graph.getNodeList().forEach(n -> names.addAll(n.getOutputList()));
        return names;
    }
}
