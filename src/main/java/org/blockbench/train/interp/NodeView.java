package org.blockbench.train.interp;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Typed, checked access to one ONNX node's attributes. Errors name the node, so that a user
 * with a large graph can find it in Netron.
 */
final class NodeView {

    private final NodeProto node;

    NodeView(NodeProto node) {
        this.node = node;
    }

    NodeProto proto() {
        return node;
    }

    String opType() {
        return node.getOpType();
    }

    /** "node 'stageB.0/Conv_1' (Conv)". */
    String describe() {
        return "node '" + node.getName() + "' (" + node.getOpType() + ")";
    }

    int inputCount() {
        return node.getInputCount();
    }

    /** Whether input {@code i} is present (ONNX marks a skipped optional input with ""). */
    boolean hasInput(int i) {
        return i < node.getInputCount() && !node.getInput(i).isEmpty();
    }

    int outputCount() {
        return node.getOutputCount();
    }

    boolean has(String name) {
        return find(name).isPresent();
    }

    long integer(String name, long fallback) {
        return find(name).map(a -> expect(a, AttributeProto.AttributeType.INT).getI()).orElse(fallback);
    }

    float real(String name, float fallback) {
        return find(name).map(a -> expect(a, AttributeProto.AttributeType.FLOAT).getF()).orElse(fallback);
    }

    String string(String name, String fallback) {
        return find(name).map(a -> expect(a, AttributeProto.AttributeType.STRING).getS().toStringUtf8()).orElse(fallback);
    }

    /** An INTS attribute, or {@code fallback} (may be null) when absent. */
    long[] ints(String name, long[] fallback) {
        return find(name).map(a -> expect(a, AttributeProto.AttributeType.INTS).getIntsList().stream()
                .mapToLong(Long::longValue).toArray()).orElse(fallback);
    }

    List<Float> floats(String name) {
        return find(name).map(a -> expect(a, AttributeProto.AttributeType.FLOATS).getFloatsList()).orElse(List.of());
    }

    Optional<TensorProto> tensor(String name) {
        return find(name).map(a -> expect(a, AttributeProto.AttributeType.TENSOR).getT());
    }

    /** Fails unless {@code value} is one of {@code valid}. */
    String oneOf(String attribute, String value, Set<String> valid) {
        if (!valid.contains(value)) {
            throw unsupported(attribute + "='" + value + "' is not supported, expected one of " + valid.stream().sorted().toList());
        }
        return value;
    }

    /** A {@link ModelNotTrainableException} about this node. */
    ModelNotTrainableException unsupported(String what) {
        return new ModelNotTrainableException(describe() + ": " + what);
    }

    private Optional<AttributeProto> find(String name) {
        for (AttributeProto a : node.getAttributeList()) {
            if (a.getName().equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    private AttributeProto expect(AttributeProto a, AttributeProto.AttributeType type) {
        if (a.getType() != type) {
            throw new ModelNotTrainableException(describe() + ": attribute '" + a.getName() + "' should be "
                    + type + ", found " + a.getType());
        }
        return a;
    }
}
