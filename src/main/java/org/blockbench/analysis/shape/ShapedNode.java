package org.blockbench.analysis.shape;

import ai.onnx.proto.OnnxMl.NodeProto;
import java.util.Arrays;
import java.util.List;
import org.blockbench.onnx.ConstantValue;
import org.blockbench.onnx.NodeView;
import org.blockbench.onnx.OnnxModelException;

/**
 * One node seen together with what is known about its inputs: input shapes and folded
 * constant inputs on top of the typed attribute reader {@link NodeView}, and errors that name
 * the node.
 */
public final class ShapedNode extends NodeView {

    private final List<TensorInfo> inputs;
    private final int opset;

    /**
     * @param node   the node
     * @param inputs one entry per declared input; null where the input is omitted ("")
     * @param opset  the default-domain opset the model imports
     */
    public ShapedNode(NodeProto node, List<TensorInfo> inputs, int opset) {
        super(node);
        this.inputs = inputs;
        this.opset = opset;
    }

    public int opset() {
        return opset;
    }

    /** Declared inputs, counting omitted optional ones in the middle. */
    @Override
    public int inputCount() {
        return inputs.size();
    }

    /** True when input {@code i} is given (not omitted). */
    @Override
    public boolean hasInput(int i) {
        return i < inputs.size() && inputs.get(i) != null;
    }

    public TensorInfo input(int i) {
        if (!hasInput(i)) {
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
        return hasInput(i) ? inputs.get(i).constant() : null;
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

    /** Normalises a possibly negative axis against {@code rank}. */
    public int axis(long axis, int rank) {
        long a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw fail("axis " + axis + " is out of range for rank " + rank + ", expected [" + -rank + ", " + (rank - 1) + "]");
        }
        return (int) a;
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
