package org.blockbench.onnx;

import java.util.Arrays;

/**
 * The contents of a value known before the graph runs (a Constant node, an initializer as
 * {@link TensorProtos#decode} reads it, a folded shape computation), flattened in row-major order. Integer and boolean types keep
 * exact 64-bit values in {@code ints}; floating types keep {@code reals}. Exactly one of the
 * two arrays is non-null.
 */
public record ConstantValue(long[] ints, double[] reals) {

    public ConstantValue {
        if ((ints == null) == (reals == null)) {
            throw new IllegalArgumentException("exactly one of ints and reals must be given");
        }
    }

    public static ConstantValue ofInts(long... values) {
        return new ConstantValue(values.clone(), null);
    }

    public static ConstantValue ofReals(double... values) {
        return new ConstantValue(null, values.clone());
    }

    public boolean integral() {
        return ints != null;
    }

    public int size() {
        return ints != null ? ints.length : reals.length;
    }

    /** Element {@code i} as a long (reals truncated toward zero, as Cast does). */
    public long longAt(int i) {
        return ints != null ? ints[i] : (long) reals[i];
    }

    /** Element {@code i} as a double. */
    public double doubleAt(int i) {
        return ints != null ? ints[i] : reals[i];
    }

    /** All elements as longs. */
    public long[] asLongs() {
        long[] out = new long[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = longAt(i);
        }
        return out;
    }

    /** All elements as doubles. */
    public double[] asDoubles() {
        double[] out = new double[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = doubleAt(i);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConstantValue c && Arrays.equals(ints, c.ints) && Arrays.equals(reals, c.reals);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ints) + Arrays.hashCode(reals);
    }

    @Override
    public String toString() {
        return ints != null ? Arrays.toString(ints) : Arrays.toString(reals);
    }
}
