package org.blockbench.analysis;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.blockbench.analysis.shape.ShapeInference;
import org.blockbench.onnx.TensorProtos;

/**
 * Classifies the stored tensors of a graph by how the nodes read them (parameter, buffer,
 * constant, unused), resolving Identity aliases, and counts weight sparsity. See
 * {@link Conventions#PARAMS} and {@link Conventions#NEUROBENCH}.
 */
final class ParameterInventory {

    enum Role { PARAMETER, BUFFER, CONSTANT }

    /** Node inputs that carry shapes, axes, indices, bounds or exponents rather than learnt values. */
    private static final Map<String, Set<Integer>> CONTROL_SLOTS = controlSlots();

    private final Map<String, TensorProto> stored = new LinkedHashMap<>();
    private final Map<String, TensorProto> constantNodeTensors = new HashMap<>();
    private final Map<String, String> alias = new HashMap<>();
    private final Map<String, Role> roles = new LinkedHashMap<>();
    private final Map<String, Integer> useCounts = new HashMap<>();
    private final long[] nodeParamElements;
    private final long[] nodeBufferElements;
    private final ParameterTotals totals;
    private final NeuroBenchStatic neuroBench;

    ParameterInventory(GraphProto graph) {
        for (TensorProto t : graph.getInitializerList()) {
            stored.putIfAbsent(t.getName(), t);
        }
        long constantNodeElements = 0;
        for (NodeProto n : graph.getNodeList()) {
            if (n.getOpType().equals("Constant") && n.getOutputCount() == 1) {
                for (var a : n.getAttributeList()) {
                    if (a.getName().equals("value") && a.hasT()) {
                        constantNodeTensors.put(n.getOutput(0), a.getT());
                        constantNodeElements += TensorProtos.elements(a.getT());
                    }
                }
            }
            if (n.getOpType().equals("Identity") && n.getInputCount() == 1) {
                String root = root(n.getInput(0));
                if (stored.containsKey(root) || constantNodeTensors.containsKey(root)) {
                    alias.put(n.getOutput(0), root);
                }
            }
        }
        Map<String, Set<Role>> seenRoles = new LinkedHashMap<>();
        int nodes = graph.getNodeCount();
        nodeParamElements = new long[nodes];
        nodeBufferElements = new long[nodes];
        List<int[]> uses = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            NodeProto n = graph.getNode(i);
            if (alias.containsKey(n.getOutputCount() == 1 ? n.getOutput(0) : "")) {
                continue;
            }
            for (int slot = 0; slot < n.getInputCount(); slot++) {
                String r = root(n.getInput(slot));
                if (!stored.containsKey(r)) {
                    continue;
                }
                seenRoles.computeIfAbsent(r, k -> new HashSet<>()).add(roleOf(n, slot));
                useCounts.merge(r, 1, Integer::sum);
                uses.add(new int[] {i, slot});
            }
        }
        seenRoles.forEach((name, set) -> roles.put(name, set.contains(Role.PARAMETER)
                || set.contains(Role.BUFFER) && set.contains(Role.CONSTANT) ? Role.PARAMETER
                : set.iterator().next()));
        long perUse = 0;
        for (int[] use : uses) {
            String r = root(graph.getNode(use[0]).getInput(use[1]));
            long e = TensorProtos.elements(stored.get(r));
            if (roles.get(r) == Role.PARAMETER) {
                nodeParamElements[use[0]] += e;
                perUse += e;
            } else if (roles.get(r) == Role.BUFFER) {
                nodeBufferElements[use[0]] += e;
            }
        }
        this.totals = totals(perUse, constantNodeElements);
        this.neuroBench = neuroBench(graph);
    }

    ParameterTotals totals() {
        return totals;
    }

    NeuroBenchStatic neuroBench() {
        return neuroBench;
    }

    long nodeParamElements(int node) {
        return nodeParamElements[node];
    }

    long nodeBufferElements(int node) {
        return nodeBufferElements[node];
    }

    private String root(String name) {
        String r = name;
        while (alias.containsKey(r)) {
            r = alias.get(r);
        }
        return r;
    }

    private static Role roleOf(NodeProto n, int slot) {
        boolean defaultDomain = n.getDomain().isEmpty() || n.getDomain().equals("ai.onnx");
        if (defaultDomain && n.getOpType().equals("BatchNormalization") && (slot == 3 || slot == 4)) {
            return Role.BUFFER;
        }
        Set<Integer> control = defaultDomain ? CONTROL_SLOTS.get(n.getOpType()) : null;
        return control != null && control.contains(slot) ? Role.CONSTANT : Role.PARAMETER;
    }

    private ParameterTotals totals(long perUse, long constantNodeElements) {
        long[] sums = new long[6];
        List<ParameterTotals.SharedTensor> shared = new ArrayList<>();
        roles.forEach((name, role) -> {
            TensorProto t = stored.get(name);
            long e = TensorProtos.elements(t);
            long b = Math.max(0, TensorProtos.bytes(t));
            int k = role.ordinal() * 2;
            sums[k] += e;
            sums[k + 1] += b;
            int n = useCounts.getOrDefault(name, 0);
            if (n > 1) {
                shared.add(new ParameterTotals.SharedTensor(name, role.name().toLowerCase(java.util.Locale.ROOT), e, n));
            }
        });
        long unused = 0;
        long unusedElements = 0;
        for (TensorProto t : stored.values()) {
            if (!roles.containsKey(t.getName())) {
                unused++;
                unusedElements += TensorProtos.elements(t);
            }
        }
        shared.sort(java.util.Comparator.comparing(ParameterTotals.SharedTensor::name));
        return new ParameterTotals(sums[0], sums[1], perUse, sums[2], sums[3], sums[4], sums[5],
                constantNodeElements, unused, unusedElements, shared);
    }

    private NeuroBenchStatic neuroBench(GraphProto graph) {
        Set<String> weights = new java.util.TreeSet<>();
        for (NodeProto n : graph.getNodeList()) {
            String op = n.getOpType();
            boolean defaultDomain = n.getDomain().isEmpty() || n.getDomain().equals("ai.onnx");
            if (!defaultDomain) {
                continue;
            }
            if ((op.equals("Conv") || op.equals("ConvTranspose")) && n.getInputCount() > 1) {
                addWeight(weights, n.getInput(1));
            } else if (op.equals("Gemm") || op.equals("MatMul") || op.equals("Einsum")) {
                int operands = op.equals("Gemm") ? Math.min(2, n.getInputCount()) : n.getInputCount();
                for (int i = 0; i < operands; i++) {
                    addWeight(weights, n.getInput(i));
                }
            }
        }
        long all = 0;
        long zeros = 0;
        for (String w : weights) {
            TensorProto t = stored.containsKey(w) ? stored.get(w) : constantNodeTensors.get(w);
            long z = TensorProtos.zeros(t);
            if (z >= 0) {
                all += TensorProtos.elements(t);
                zeros += z;
            }
        }
        return new NeuroBenchStatic(totals.bytes() + totals.bufferBytes(), all, zeros);
    }

    private void addWeight(Set<String> weights, String input) {
        String r = root(input);
        if ((stored.containsKey(r) && roles.get(r) == Role.PARAMETER) || constantNodeTensors.containsKey(r)) {
            weights.add(r);
        }
    }

    private static Map<String, Set<Integer>> controlSlots() {
        Map<String, Set<Integer>> m = new HashMap<>();
        Set<Integer> one = Set.of(1);
        for (String op : List.of("Reshape", "Expand", "Tile", "Unsqueeze", "Squeeze", "Split", "Upsample", "Pow",
                "TopK", "CastLike")) {
            m.put(op, one);
        }
        for (String op : ShapeInference.REDUCTION_OPS) {
            m.put(op, one);
        }
        m.put("Gather", one);
        m.put("Slice", Set.of(1, 2, 3, 4));
        m.put("Pad", Set.of(1, 2, 3));
        m.put("Resize", Set.of(1, 2, 3));
        m.put("Clip", Set.of(1, 2));
        m.put("Dropout", Set.of(1, 2));
        m.put("OneHot", Set.of(1, 2));
        m.put("Range", Set.of(0, 1, 2));
        m.put("ConstantOfShape", Set.of(0));
        m.put("Shape", Set.of(0));
        m.put("Size", Set.of(0));
        m.put("Where", Set.of(0));
        return m;
    }
}
