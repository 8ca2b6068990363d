package org.blockbench.analysis.shape;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.Arrays;
import java.util.List;
import org.blockbench.onnx.OnnxModelException;

/**
 * One node seen together with what is known about its inputs: typed attribute access with
 * ONNX defaults, input shapes and folded constant inputs, and errors that name the node.
 */
public final class NodeView {

    private final NodeProto node;
    private final List<TensorInfo> inputs;
    private final int opset;

    /**
     * @param node   the node
     * @param inputs one entry per declared input; null where the input is omitted ("")
     * @param opset  the default-domain opset the model imports
     */
    public NodeView(NodeProto node, List<TensorInfo> inputs, int opset) {
        this.node = node;
        this.inputs = inputs;
        this.opset = opset;
    }

    public NodeProto proto() {
        return node;
    }

    public String opType() {
        return node.getOpType();
    }

    public int opset() {
        return opset;
    }

    /** Declared inputs, counting omitted optional ones in the middle. */
    public int inputCount() {
        return inputs.size();
    }

    public int outputCount() {
        return node.getOutputCount();
    }

    /** True when input {@code i} is given (not omitted). */
    public boolean has(int i) {
        return i < inputs.size() && inputs.get(i) != null;
    }

    public TensorInfo input(int i) {
        if (!has(i)) {
            throw fail("needs input " + i + ", found " + inputs.size() + " input(s)");
        }
        return inputs.get(i);
    }

    public long[] shape(int i) {
        return input(i).shape();
    }

    public int rank(int i) {
        return input(i).rank();
    }

    public int elementType(int i) {
        return input(i).elementType();
    }

    /** Contents of a constant input, or null when it is computed at run time. */
    public ConstantValue constant(int i) {
        return has(i) ? inputs.get(i).constant() : null;
    }

    /** Contents of an input that must be constant for the output shape to be known. */
    public ConstantValue requireConstant(int i, String what) {
        ConstantValue v = constant(i);
        if (v == null) {
            throw new UnknownShapeException(describe() + ": " + what + " (input " + i
                    + ") is computed at run time, so the output shape is not known from the graph");
        }
        return v;
    }

    public boolean hasAttribute(String name) {
        return attribute(name) != null;
    }

    public long attrInt(String name, long defaultValue) {
        AttributeProto a = attribute(name);
        return a == null ? defaultValue : a.getI();
    }

    public float attrFloat(String name, float defaultValue) {
        AttributeProto a = attribute(name);
        return a == null ? defaultValue : a.getF();
    }

    public String attrString(String name, String defaultValue) {
        AttributeProto a = attribute(name);
        return a == null ? defaultValue : a.getS().toStringUtf8();
    }

    /** INTS attribute, or {@code defaultValue} (may be null) when absent. */
    public long[] attrInts(String name, long[] defaultValue) {
        AttributeProto a = attribute(name);
        if (a == null) {
            return defaultValue;
        }
        return a.getIntsList().stream().mapToLong(Long::longValue).toArray();
    }

    public float[] attrFloats(String name) {
        AttributeProto a = attribute(name);
        if (a == null) {
            return null;
        }
        float[] out = new float[a.getFloatsCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.getFloats(i);
        }
        return out;
    }

    public TensorProto attrTensor(String name) {
        AttributeProto a = attribute(name);
        return a == null || !a.hasT() ? null : a.getT();
    }

    public AttributeProto attribute(String name) {
        for (AttributeProto a : node.getAttributeList()) {
            if (a.getName().equals(name)) {
                return a;
            }
        }
        return null;
    }

    /** Normalises a possibly negative axis against {@code rank}. */
    public int axis(long axis, int rank) {
        long a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw fail("axis " + axis + " is out of range for rank " + rank + ", expected [" + -rank + ", " + (rank - 1) + "]");
        }
        return (int) a;
    }

    /** "node 'name' (OpType)" for messages. */
    public String describe() {
        return "node '" + node.getName() + "' (" + node.getOpType() + ")";
    }

    /** An error naming the node: the model is inconsistent. */
    public OnnxModelException fail(String message) {
        return new OnnxModelException(describe() + ": " + message);
    }

    /** An error naming the node and the shapes it was given. */
    public OnnxModelException mismatch(String message) {
        StringBuilder s = new StringBuilder(message).append("; input shapes ");
        for (int i = 0; i < inputs.size(); i++) {
            s.append(i == 0 ? "" : ", ").append(inputs.get(i) == null ? "-" : Arrays.toString(inputs.get(i).shape()));
        }
        return fail(s.toString());
    }
}
