package org.blockbench.ort;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.SplittableRandom;

/**
 * The one generator of synthetic model inputs: standard-normal float32 values from
 * {@link SplittableRandom#nextGaussian()} with an explicit seed. {@code bench}, {@code ab},
 * {@code overhead}, {@code analyze --data} and the tests all draw from here, so the same seed
 * means the same tensor everywhere.
 */
public final class SeededInput {

    /** The seed of every benchmark input; fixed so that every run of a model feeds the same tensor. */
    public static final long SEED = 20240601L;

    private SeededInput() {
    }

    /** {@code count} N(0, 1) values drawn from {@code seed}. */
    public static float[] standardNormal(long seed, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, found " + count);
        }
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    /** The same values as {@link #standardNormal}, in a direct native-order buffer ONNX Runtime reads without copying. */
    public static FloatBuffer directStandardNormal(long seed, long count) {
        float[] values = standardNormal(seed, Math.toIntExact(count));
        FloatBuffer buffer = ByteBuffer.allocateDirect(Math.multiplyExact(values.length, Float.BYTES))
                .order(ByteOrder.nativeOrder()).asFloatBuffer();
        return buffer.put(values).rewind();
    }
}
