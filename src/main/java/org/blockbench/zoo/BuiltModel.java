package org.blockbench.zoo;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.util.Map;
import org.blockbench.gwo.GwoAnnotation;
import org.blockbench.onnx.FloatTensor;

/**
 * A built zoo model: the ONNX model, the parameter values stored in it, and the GWO
 * annotation of the block under test with the number of its instances in the network.
 */
public record BuiltModel(ModelId id, Form form, ModelProto model, Map<String, FloatTensor> parameters,
                         GwoAnnotation gwo, int gwoInstances) {

    public BuiltModel {
        parameters = Map.copyOf(parameters);
    }

    /** True for BatchNormalization running statistics, which are buffers, not parameters. */
    public static boolean isBuffer(String parameterName) {
        return parameterName.endsWith(".running_mean") || parameterName.endsWith(".running_var");
    }

    /** Trainable parameters: every stored element except BN running statistics. */
    public long trainableParams() {
        return parameters.entrySet().stream().filter(e -> !isBuffer(e.getKey()))
                .mapToLong(e -> e.getValue().size()).sum();
    }

    /** Elements of BN running statistics. */
    public long bufferElements() {
        return storedElements() - trainableParams();
    }

    /** Elements of all initializers, each stored tensor once. */
    public long storedElements() {
        return parameters.values().stream().mapToLong(FloatTensor::size).sum();
    }

    /** C_P's numerator: trainable parameters under the block's dynamic sub-network scopes. */
    public long dynamicParams() {
        return parameters.entrySet().stream().filter(e -> !isBuffer(e.getKey()) && gwo.isDynamic(e.getKey()))
                .mapToLong(e -> e.getValue().size()).sum();
    }

    /** C_D of the network: the block's declared C_D times its instances. */
    public int descriptiveComplexity() {
        return gwo.descriptiveComplexity() * gwoInstances;
    }
}
