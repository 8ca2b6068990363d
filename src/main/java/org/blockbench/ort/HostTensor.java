package org.blockbench.ort;

import java.util.Arrays;

/**
 * A tensor copied out of (or into) ONNX Runtime: its shape, its ONNX element type, and its
 * values when they are float32 ({@code null} for other element types).
 */
public record HostTensor(long[] shape, int elementType, float[] data) {

    public HostTensor {
        shape = shape.clone();
    }

    /** A float32 tensor. */
    public static HostTensor floats(long[] shape, float[] data) {
        return new HostTensor(shape, ai.onnx.proto.OnnxMl.TensorProto.DataType.FLOAT_VALUE, data);
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Number of zero values (+0 and -0); the tensor must hold floats. */
    public long zeros() {
        long z = 0;
        for (float v : data) {
            if (v == 0f) {
                z++;
            }
        }
        return z;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostTensor t && Arrays.equals(shape, t.shape) && elementType == t.elementType
                && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "HostTensor" + Arrays.toString(shape);
    }
}
