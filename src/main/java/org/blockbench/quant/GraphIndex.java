package org.blockbench.quant;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
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

/**
 * What a rewrite needs to know about a validated deploy graph: initializers, Constant values,
 * each value's producer, consumers and element type. Element types are propagated simply
 * (Constant, initializer, input, Cast, Shape; otherwise the first input's type): enough for
 * the float graphs BlockBench writes, where only shape arithmetic is integer.
 */
final class GraphIndex {

    /** A use of a value: node {@code node} reads it as input {@code slot}. */
    record Use(NodeProto node, int slot) {
    }

    final ModelProto model;
    final GraphProto graph;
    final Map<String, TensorProto> initializers = new LinkedHashMap<>();
    final Map<String, TensorProto> constants = new HashMap<>();
    final Map<String, List<Use>> consumers = new HashMap<>();
    final Map<String, Integer> types = new HashMap<>();
    final Set<String> graphOutputs = new HashSet<>();

    GraphIndex(ModelProto model) {
        this.model = model;
        this.graph = model.getGraph();
        graph.getInitializerList().forEach(t -> {
            initializers.put(t.getName(), t);
            types.put(t.getName(), t.getDataType());
        });
        for (ValueInfoProto in : graph.getInputList()) {
            types.putIfAbsent(in.getName(), in.getType().getTensorType().getElemType());
        }
        graph.getOutputList().forEach(o -> graphOutputs.add(o.getName()));
        for (NodeProto node : graph.getNodeList()) {
            for (int i = 0; i < node.getInputCount(); i++) {
                if (!node.getInput(i).isEmpty()) {
                    consumers.computeIfAbsent(node.getInput(i), k -> new ArrayList<>()).add(new Use(node, i));
                }
            }
            NodeView view = new NodeView(node);
            int type = switch (node.getOpType()) {
                case "Constant" -> {
                    TensorProto value = view.attrTensor("value");
                    if (value != null) {
                        constants.put(node.getOutput(0), value);
                    }
                    yield value == null ? TensorProto.DataType.FLOAT_VALUE : value.getDataType();
                }
                case "Shape", "Size" -> TensorProto.DataType.INT64_VALUE;
                case "Cast" -> (int) view.attrInt("to", 0);
                default -> node.getInputCount() == 0 || node.getInput(0).isEmpty() ? TensorProto.DataType.FLOAT_VALUE
                        : types.getOrDefault(node.getInput(0), TensorProto.DataType.FLOAT_VALUE);
            };
            for (String out : node.getOutputList()) {
                if (!out.isEmpty()) {
                    types.put(out, type);
                }
            }
        }
    }

    boolean isFloat(String value) {
        return types.getOrDefault(value, 0) == TensorProto.DataType.FLOAT_VALUE;
    }

    /** Whether {@code value} is known before the graph runs (an initializer or a Constant's output). */
    boolean isConstant(String value) {
        return initializers.containsKey(value) || constants.containsKey(value);
    }

    List<Use> uses(String value) {
        return consumers.getOrDefault(value, List.of());
    }

    /** The float32 value of an initializer or Constant, or null when it is none or not float32. */
    FloatTensor floatConstant(String value) {
        TensorProto t = initializers.containsKey(value) ? initializers.get(value) : constants.get(value);
        if (t == null || t.getDataType() != TensorProto.DataType.FLOAT_VALUE) {
            return null;
        }
        return floatTensor(t);
    }

    /** A float32 tensor proto's shape and values (decoded by {@link TensorProtos#floats}). */
    static FloatTensor floatTensor(TensorProto t) {
        return new FloatTensor(TensorProtos.shape(t), TensorProtos.floats(t));
    }

    /** The int64 value of an initializer or Constant, or null when it is none or not int64. */
    long[] int64Constant(String value) {
        TensorProto t = initializers.containsKey(value) ? initializers.get(value) : constants.get(value);
        if (t == null || t.getDataType() != TensorProto.DataType.INT64_VALUE) {
            return null;
        }
        return TensorProtos.decode(t).ints();
    }
}
