package org.blockbench.analysis.shape;

import java.util.Arrays;
import org.blockbench.onnx.ConstantValue;
import org.blockbench.onnx.ElementType;

/**
 * What shape inference knows about one value of the graph.
 *
 * @param elementType ONNX element type number ({@link ElementType}); 0 when unknown
 * @param shape       static dimensions, outermost first; {@code null} when unknown
 * @param constant    the contents when the value is known before the graph runs, else null
 */
public record TensorInfo(int elementType, long[] shape, ConstantValue constant) {

    /** The most elements a folded value may have; larger computed values are not folded. */
    public static final int MAX_FOLDED_ELEMENTS = 1 << 16;

    public TensorInfo {
        shape = shape == null ? null : shape.clone();
        if (constant != null && shape != null && constant.size() != elementCount(shape)) {
            throw new IllegalArgumentException("constant of " + constant.size() + " elements for shape "
                    + Arrays.toString(shape));
        }
    }

    /** A value of known type and shape whose contents are computed at run time. */
    public static TensorInfo of(int elementType, long... shape) {
        return new TensorInfo(elementType, shape, null);
    }

    /** A value whose shape is unknown (after an unsupported operator, say). */
    public static TensorInfo unknown(int elementType) {
        return new TensorInfo(elementType, null, null);
    }

    /** A constant; values larger than {@link #MAX_FOLDED_ELEMENTS} keep only their shape. */
    public static TensorInfo constant(int elementType, long[] shape, ConstantValue value) {
        return new TensorInfo(elementType, shape,
                value != null && value.size() <= MAX_FOLDED_ELEMENTS ? value : null);
    }

    @Override
    public long[] shape() {
        return shape == null ? null : shape.clone();
    }

    public boolean known() {
        return shape != null;
    }

    public int rank() {
        return shape.length;
    }

    public long dim(int axis) {
        return shape[axis];
    }

    /** Number of elements, or -1 when the shape is unknown. */
    public long elements() {
        return shape == null ? -1 : elementCount(shape);
    }

    /** Bytes of the value, or -1 when the shape or the element size is unknown. */
    public long bytes() {
        int per = ElementType.bytes(elementType);
        return shape == null || per < 0 ? -1 : Math.multiplyExact(elementCount(shape), per);
    }

    public static long elementCount(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorInfo t && elementType == t.elementType && Arrays.equals(shape, t.shape)
                && java.util.Objects.equals(constant, t.constant);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * elementType + Arrays.hashCode(shape)) + java.util.Objects.hashCode(constant);
    }

    @Override
    public String toString() {
        return ElementType.name(elementType) + (shape == null ? "[?]" : Arrays.toString(shape))
                + (constant == null ? "" : "=" + constant);
    }
}
