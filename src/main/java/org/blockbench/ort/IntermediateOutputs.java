package org.blockbench.ort;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Exposes intermediate values of a graph as extra graph outputs, so that one
 * {@link InferenceSession#evaluate} returns them all (what {@code analyze --data} and the
 * shape oracle need). Open the exposed copy with {@link OptimizationLevel#NONE} so that every
 * exposed value is computed exactly as the graph states it.
 */
public final class IntermediateOutputs {

    private IntermediateOutputs() {
    }

    /** A copy of {@code model} whose graph outputs also list {@code exposed} (value name to ONNX element type), those not already outputs. */
    public static ModelProto expose(ModelProto model, Map<String, Integer> exposed) {
        Set<String> present = new HashSet<>();
        model.getGraph().getOutputList().forEach(o -> present.add(o.getName()));
        var graph = model.getGraph().toBuilder();
        exposed.forEach((value, type) -> {
            if (present.add(value)) {
                graph.addOutput(ValueInfoProto.newBuilder().setName(value).setType(TypeProto.newBuilder()
                        .setTensorType(TypeProto.Tensor.newBuilder().setElemType(type))));
            }
        });
        return model.toBuilder().setGraph(graph).build();
    }

    /** Opens {@code model} with {@code exposed} values as outputs, for evaluation on the CPU without graph rewrites. */
    public static InferenceSession open(ModelProto model, Map<String, Integer> exposed, ModelOrigin origin) {
        String name = "model '" + model.getGraph().getName() + "'";
        return InferenceSession.load(name, expose(model, exposed).toByteArray(), origin,
                SessionSettings.cpu(1, OptimizationLevel.NONE));
    }
}
