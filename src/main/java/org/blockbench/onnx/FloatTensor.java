package org.blockbench.onnx;

import java.util.Arrays;

/**
 * A dense float32 tensor in row-major order: the value of one parameter or buffer.
 *
 * @param shape dimensions, outermost first
 * @param data  {@code product(shape)} values
 */
public record FloatTensor(long[] shape, float[] data) {

    public FloatTensor {
        long expected = elementCount(shape);
        if (expected != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + expected
                    + " values, found " + data.length);
        }
        shape = shape.clone();
    }

    /** A tensor of the given shape filled with {@code value}. */
    public static FloatTensor filled(float value, long... shape) {
        float[] data = new float[Math.toIntExact(elementCount(shape))];
        Arrays.fill(data, value);
        return new FloatTensor(shape, data);
    }

    /** Product of the dimensions (1 for a scalar). */
    public static long elementCount(long... shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public long dim(int axis) {
        return shape[axis];
    }

    public int size() {
        return data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FloatTensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "FloatTensor" + Arrays.toString(shape);
    }
}
