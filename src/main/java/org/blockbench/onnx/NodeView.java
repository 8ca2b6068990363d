package org.blockbench.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import org.blockbench.text.OneLine;

/**
 * Typed, checked access to one ONNX node's inputs and attributes: the one reader every package
 * that interprets a graph uses (static analysis, the LibTorch interpreter, the validator).
 * An attribute of the wrong type is an {@link OnnxModelException} naming the node and the
 * attribute, never a silent default: a user's file is untrusted input. Messages are one line
 * even when a name holds a line break ({@link #quote}).
 */
public class NodeView {

    private final NodeProto node;

    public NodeView(NodeProto node) {
        this.node = node;
    }

    public final NodeProto proto() {
        return node;
    }

    public final String opType() {
        return node.getOpType();
    }

    /** Declared inputs, counting omitted optional ones ("") in the middle. */
    public int inputCount() {
        return node.getInputCount();
    }

    /** Whether input {@code i} is given (ONNX marks a skipped optional input with ""). */
    public boolean hasInput(int i) {
        return i < node.getInputCount() && !node.getInput(i).isEmpty();
    }

    public final int outputCount() {
        return node.getOutputCount();
    }

    public final boolean hasAttribute(String name) {
        return attribute(name) != null;
    }

    /** An INT attribute, or {@code defaultValue} when absent. */
    public final long attrInt(String name, long defaultValue) {
        AttributeProto a = attribute(name);
        return a == null ? defaultValue : expect(a, AttributeType.INT).getI();
    }

    /** A FLOAT attribute, or {@code defaultValue} when absent. */
    public final float attrFloat(String name, float defaultValue) {
        AttributeProto a = attribute(name);
        return a == null ? defaultValue : expect(a, AttributeType.FLOAT).getF();
    }

    /** A STRING attribute (UTF-8), or {@code defaultValue} when absent. */
    public final String attrString(String name, String defaultValue) {
        AttributeProto a = attribute(name);
        return a == null ? defaultValue : expect(a, AttributeType.STRING).getS().toStringUtf8();
    }

    /** An INTS attribute, or {@code defaultValue} (may be null) when absent. */
    public final long[] attrInts(String name, long[] defaultValue) {
        AttributeProto a = attribute(name);
        if (a == null) {
            return defaultValue;
        }
        return expect(a, AttributeType.INTS).getIntsList().stream().mapToLong(Long::longValue).toArray();
    }

    /** A FLOATS attribute, or null when absent. */
    public final float[] attrFloats(String name) {
        AttributeProto a = attribute(name);
        if (a == null) {
            return null;
        }
        expect(a, AttributeType.FLOATS);
        float[] out = new float[a.getFloatsCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.getFloats(i);
        }
        return out;
    }

    /** A TENSOR attribute, or null when absent. */
    public final TensorProto attrTensor(String name) {
        AttributeProto a = attribute(name);
        return a == null ? null : expect(a, AttributeType.TENSOR).getT();
    }

    /** The raw attribute, or null when absent; prefer the typed accessors. */
    public final AttributeProto attribute(String name) {
        for (AttributeProto a : node.getAttributeList()) {
            if (a.getName().equals(name)) {
                return a;
            }
        }
        return null;
    }

    /** "node 'name' (OpType)" for messages, on one line whatever the name holds. */
    public final String describe() {
        String op = quote(node.getOpType());
        return "node " + quote(node.getName()) + " (" + op.substring(1, op.length() - 1) + ")";
    }

    /** An error naming the node: the model is inconsistent. */
    public OnnxModelException fail(String message) {
        return new OnnxModelException(describe() + ": " + message);
    }

    /**
     * A name from a model file in single quotes, with line breaks, other control characters and
     * quotes escaped, so that a message quoting it stays one line.
     */
    public static String quote(String name) {
        return "'" + OneLine.of(name.replace("\\", "\\\\").replace("'", "\\'")) + "'";
    }

    private AttributeProto expect(AttributeProto a, AttributeType type) {
        if (a.getType() != type) {
            throw fail("attribute " + quote(a.getName()) + " should be " + type + ", found " + a.getType());
        }
        return a;
    }
}
