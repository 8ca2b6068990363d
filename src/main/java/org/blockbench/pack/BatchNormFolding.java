package org.blockbench.pack;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.blockbench.onnx.TensorProtos;
import org.blockbench.onnx.FloatTensor;
import org.blockbench.onnx.NodeView;
import org.blockbench.zoo.layer.BatchNormValues;
import org.blockbench.zoo.layer.ConvKernel;

/**
 * The deploy form of a user's stage that brings no deploy graph: every inference-mode
 * BatchNormalization that directly follows a Conv (whose output nothing else reads, with
 * weights, bias and statistics stored as initializers) is folded into that Conv with the zoo's
 * arithmetic ({@link ConvKernel#foldBatchNorm}); everything else is kept as it is. The folded
 * conv keeps its weight's name; its bias is the conv's own bias name, else the weight's name
 * with {@code .weight} replaced by {@code .bias}.
 */
final class BatchNormFolding {

    private BatchNormFolding() {
    }

    static GraphProto fold(GraphProto graph) {
        Map<String, TensorProto> init = new LinkedHashMap<>();
        graph.getInitializerList().forEach(t -> init.put(t.getName(), t));
        Map<String, Integer> readers = new HashMap<>();
        Map<String, NodeProto> producer = new HashMap<>();
        for (NodeProto n : graph.getNodeList()) {
            n.getInputList().forEach(i -> readers.merge(i, 1, Integer::sum));
            n.getOutputList().forEach(o -> producer.put(o, n));
        }
        graph.getOutputList().forEach(o -> readers.merge(o.getName(), 1, Integer::sum));

        Map<NodeProto, NodeProto> replaced = new HashMap<>();
        Set<NodeProto> dropped = new HashSet<>();
        for (NodeProto bn : graph.getNodeList()) {
            NodeProto conv = foldable(bn, producer, readers, init);
            if (conv == null) {
                continue;
            }
            FloatTensor w = floats(init.get(conv.getInput(1)));
            float[] bias = conv.getInputCount() > 2 && !conv.getInput(2).isEmpty()
                    ? TensorProtos.floats(init.get(conv.getInput(2))) : null;
            BatchNormValues values = new BatchNormValues(TensorProtos.floats(init.get(bn.getInput(1))),
                    TensorProtos.floats(init.get(bn.getInput(2))), TensorProtos.floats(init.get(bn.getInput(3))),
                    TensorProtos.floats(init.get(bn.getInput(4))));
            ConvKernel k = ConvKernel.foldBatchNorm(w, bias, values, new NodeView(bn).attrFloat("epsilon", 1e-5f));
            String weightName = conv.getInput(1);
            String biasName = bias != null ? conv.getInput(2) : biasName(weightName, init);
            init.put(weightName, tensor(weightName, k.weight()));
            init.put(biasName, tensor(biasName, new FloatTensor(new long[] {k.bias().length}, k.bias())));
            NodeProto.Builder folded = conv.toBuilder().clearInput().clearOutput()
                    .addInput(conv.getInput(0)).addInput(weightName).addInput(biasName).addOutput(bn.getOutput(0));
            replaced.put(conv, folded.build());
            dropped.add(bn);
        }
        if (dropped.isEmpty()) {
            return graph;
        }
        List<NodeProto> nodes = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (NodeProto n : graph.getNodeList()) {
            if (!dropped.contains(n)) {
                NodeProto kept = replaced.getOrDefault(n, n);
                nodes.add(kept);
                used.addAll(kept.getInputList());
            }
        }
        graph.getOutputList().forEach(o -> used.add(o.getName()));
        List<TensorProto> initializers = init.values().stream().filter(t -> used.contains(t.getName())).toList();
        return graph.toBuilder().clearNode().addAllNode(nodes).clearInitializer().addAllInitializer(initializers)
                .clearValueInfo().build();
    }

    /** The Conv that {@code bn} can be folded into, or null. */
    private static NodeProto foldable(NodeProto bn, Map<String, NodeProto> producer, Map<String, Integer> readers,
                                      Map<String, TensorProto> init) {
        if (!bn.getOpType().equals("BatchNormalization") || !bn.getDomain().isEmpty() || bn.getInputCount() != 5
                || new NodeView(bn).attrInt("training_mode", 0) != 0
                || bn.getOutputList().stream().skip(1).anyMatch(o -> !o.isEmpty())) {
            return null;
        }
        NodeProto conv = producer.get(bn.getInput(0));
        if (conv == null || !conv.getOpType().equals("Conv") || !conv.getDomain().isEmpty()
                || readers.getOrDefault(bn.getInput(0), 0) != 1 || conv.getInputCount() < 2) {
            return null;
        }
        List<String> convStored = new ArrayList<>(List.of(conv.getInput(1)));
        if (conv.getInputCount() > 2 && !conv.getInput(2).isEmpty()) {
            convStored.add(conv.getInput(2));
        }
        List<String> stored = new ArrayList<>(bn.getInputList().subList(1, 5));
        stored.addAll(convStored);
        for (String s : stored) {
            TensorProto t = init.get(s);
            if (t == null || t.getDataType() != TensorProto.DataType.FLOAT_VALUE) {
                return null;
            }
        }
        // The folded values replace the conv's own tensors: a weight another node shares stays unfolded.
        if (convStored.stream().anyMatch(s -> readers.getOrDefault(s, 0) != 1)) {
            return null;
        }
        long outChannels = init.get(conv.getInput(1)).getDims(0);
        for (String s : bn.getInputList().subList(1, 5)) {
            if (TensorProtos.elements(init.get(s)) != outChannels) {
                return null;
            }
        }
        return conv;
    }

    private static String biasName(String weightName, Map<String, TensorProto> init) {
        String base = weightName.endsWith(".weight") ? weightName.substring(0, weightName.length() - 7) + ".bias"
                : weightName + ".bias";
        String name = base;
        for (int i = 1; init.containsKey(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }

    private static FloatTensor floats(TensorProto t) {
        return new FloatTensor(TensorProtos.shape(t), TensorProtos.floats(t));
    }

    static TensorProto tensor(String name, FloatTensor t) {
        ByteBuffer bytes = ByteBuffer.allocate(t.size() * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(t.data());
        TensorProto.Builder b = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE)
                .setRawData(com.google.protobuf.ByteString.copyFrom(bytes.array()));
        for (long d : t.shape()) {
            b.addDims(d);
        }
        return b.build();
    }
}
