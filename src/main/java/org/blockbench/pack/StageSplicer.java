package org.blockbench.pack;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.blockbench.onnx.TensorProtos;
import org.blockbench.onnx.FloatTensor;
import org.blockbench.onnx.GraphBuilder;
import org.blockbench.onnx.Value;
import org.blockbench.zoo.ModelContext;

/**
 * Emits a validated stage graph inside the scaffold under construction: its one input becomes
 * the scaffold's running value, float initializers become parameters under the current scope
 * (so {@code 0.conv1.weight} of the mid stage is {@code stageB.0.conv1.weight}, a state_dict
 * key), other initializers become Constant nodes, and every node is copied with its values
 * renamed into the builder's names.
 */
final class StageSplicer {

    private StageSplicer() {
    }

    /** Emits {@code stage} on {@code x}; returns the value of its one output. */
    static Value emit(ModelContext ctx, GraphProto stage, Value x) {
        GraphBuilder g = ctx.graph();
        Map<String, Value> values = new HashMap<>();
        for (TensorProto t : stage.getInitializerList()) {
            if (t.getDataType() == TensorProto.DataType.FLOAT_VALUE) {
                values.put(t.getName(), ctx.store(t.getName(), new FloatTensor(TensorProtos.shape(t), TensorProtos.floats(t))));
            } else {
                values.put(t.getName(), g.constant(t));
            }
        }
        values.put(BlockPackReader.dataInput(stage).getName(), x);
        for (NodeProto node : stage.getNodeList()) {
            List<Value> in = new ArrayList<>();
            for (String name : node.getInputList()) {
                if (name.isEmpty()) {
                    in.add(null);
                } else {
                    Value v = values.get(name);
                    if (v == null) {
                        throw new IllegalStateException("stage value '" + name + "' used before it is defined");
                    }
                    in.add(v);
                }
            }
            List<Value> out = g.copyNode(node, in);
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i) != null) {
                    values.put(node.getOutput(i), out.get(i));
                }
            }
        }
        return values.get(stage.getOutput(0).getName());
    }
}
