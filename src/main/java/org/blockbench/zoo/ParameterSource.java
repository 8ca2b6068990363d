package org.blockbench.zoo;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.blockbench.BadInputException;
import org.blockbench.onnx.FloatTensor;

/**
 * Supplies every parameter of a model by its qualified name. Given values (trained weights)
 * win; the rest are drawn from a random stream seeded by (seed, name), so a parameter's
 * initial value depends on nothing but the seed and its own name: not on build order, not on
 * which other blocks are in the model.
 */
public final class ParameterSource {

    private final long seed;
    private final InitMode mode;
    private final Map<String, FloatTensor> given;
    private final Map<String, Boolean> used = new HashMap<>();

    public ParameterSource(long seed, InitMode mode, Map<String, FloatTensor> given) {
        this.seed = seed;
        this.mode = mode;
        this.given = Map.copyOf(given);
    }

    /** Freshly initialised parameters only. */
    public static ParameterSource initial(long seed, InitMode mode) {
        return new ParameterSource(seed, mode, Map.of());
    }

    /** The value of parameter {@code name} with the given shape. */
    public FloatTensor get(String name, ParameterRole role, long fanIn, long... shape) {
        used.put(name, Boolean.TRUE);
        FloatTensor value = given.get(name);
        if (value != null) {
            if (!Arrays.equals(value.shape(), shape)) {
                throw new BadInputException("parameter '" + name + "': expected shape " + Arrays.toString(shape)
                        + ", given weights have " + Arrays.toString(value.shape()));
            }
            return value;
        }
        return draw(name, role, fanIn, shape);
    }

    /** Given values that no parameter of the model asked for (a sign of weights from another model). */
    public TreeSet<String> unusedGiven() {
        TreeSet<String> unused = new TreeSet<>(given.keySet());
        unused.removeAll(used.keySet());
        return unused;
    }

    private FloatTensor draw(String name, ParameterRole role, long fanIn, long... shape) {
        SplittableRandom rng = new SplittableRandom(seed ^ fnv1a64(name));
        int n = Math.toIntExact(FloatTensor.elementCount(shape));
        float[] v = new float[n];
        boolean randomized = mode == InitMode.RANDOMIZED;
        double bound = 1.0 / Math.sqrt(Math.max(1, fanIn));
        for (int i = 0; i < n; i++) {
            v[i] = (float) switch (role) {
                case WEIGHT, BIAS -> uniform(rng, -bound, bound);
                case NORM_SCALE -> randomized ? uniform(rng, 0.5, 1.5) : 1.0;
                case NORM_SHIFT -> randomized ? uniform(rng, -0.5, 0.5) : 0.0;
                case RUNNING_MEAN -> randomized ? uniform(rng, -0.5, 0.5) : 0.0;
                case RUNNING_VAR -> randomized ? uniform(rng, 0.5, 2.0) : 1.0;
                case LAYER_SCALE -> randomized ? uniform(rng, 0.5, 1.5) : 1e-5;
            };
        }
        return new FloatTensor(shape, v);
    }

    private static double uniform(SplittableRandom rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }

    /** FNV-1a, 64-bit: a stable hash of the name (String.hashCode is only 32 bits). */
    static long fnv1a64(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
