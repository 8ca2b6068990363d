package org.blockbench.stats;

import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * An immutable multiset of finite sample values, stored as sorted distinct values with
 * their counts: the natural form of a JMH SampleTime histogram, and of per-iteration scores
 * (every count 1). The expanded sorted sample is never materialised unless asked for with
 * {@link #evenlySpaced(int)}; ranks are resolved through cumulative counts. Quantiles follow
 * {@link Quantiles#type7}.
 */
public final class WeightedSamples {

    private static final WeightedSamples EMPTY = new WeightedSamples(new double[0], new long[0]);

    private final double[] values;
    /** cumulative[i] = number of samples with value <= values[i]. */
    private final long[] cumulative;

    private WeightedSamples(double[] sortedDistinct, long[] counts) {
        this.values = sortedDistinct;
        this.cumulative = new long[counts.length];
        long sum = 0;
        for (int i = 0; i < counts.length; i++) {
            sum = Math.addExact(sum, counts[i]);
            cumulative[i] = sum;
        }
    }

    /** The empty sample. */
    public static WeightedSamples empty() {
        return EMPTY;
    }

    /** Each value once. Values must be finite. */
    public static WeightedSamples of(double... values) {
        long[] ones = new long[values.length];
        Arrays.fill(ones, 1);
        return ofHistogram(values, ones);
    }

    /**
     * {@code counts[i]} copies of {@code values[i]}; values in any order, repeats merged,
     * zero counts dropped.
     *
     * @throws IllegalArgumentException on a non-finite value, a negative count or length mismatch
     */
    public static WeightedSamples ofHistogram(double[] values, long[] counts) {
        if (values.length != counts.length) {
            throw new IllegalArgumentException(values.length + " values but " + counts.length + " counts");
        }
        TreeMap<Double, Long> merged = new TreeMap<>();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("sample values must be finite, found " + values[i]);
            }
            if (counts[i] < 0) {
                throw new IllegalArgumentException("sample counts must be >= 0, found " + counts[i]);
            }
            if (counts[i] > 0) {
                merged.merge(values[i] == 0.0 ? 0.0 : values[i], counts[i], Math::addExact);
            }
        }
        double[] v = new double[merged.size()];
        long[] c = new long[merged.size()];
        int i = 0;
        for (var e : merged.entrySet()) {
            v[i] = e.getKey();
            c[i++] = e.getValue();
        }
        return new WeightedSamples(v, c);
    }

    /** All samples of all parts together. */
    public static WeightedSamples pooled(List<WeightedSamples> parts) {
        int n = parts.stream().mapToInt(p -> p.values.length).sum();
        double[] v = new double[n];
        long[] c = new long[n];
        int at = 0;
        for (WeightedSamples p : parts) {
            for (int i = 0; i < p.values.length; i++, at++) {
                v[at] = p.values[i];
                c[at] = p.countOf(i);
            }
        }
        return ofHistogram(v, c);
    }

    /** Number of samples (sum of counts). */
    public long count() {
        return cumulative.length == 0 ? 0 : cumulative[cumulative.length - 1];
    }

    /** Number of distinct values. */
    public int distinctValues() {
        return values.length;
    }

    /** The value at 0-based {@code rank} of the expanded, sorted sample. */
    public double valueAtRank(long rank) {
        if (rank < 0 || rank >= count()) {
            throw new IndexOutOfBoundsException("rank " + rank + " outside [0, " + count() + ")");
        }
        int i = Arrays.binarySearch(cumulative, rank + 1);
        return values[i >= 0 ? i : -i - 1];
    }

    /** Number of samples with a value {@code <= x}. */
    public long countAtMost(double x) {
        int i = Arrays.binarySearch(values, x);
        int last = i >= 0 ? i : -i - 2;
        return last < 0 ? 0 : cumulative[last];
    }

    /** The distinct values, ascending (a copy). */
    public double[] distinct() {
        return values.clone();
    }

    /** The {@link Quantiles#type7 type-7} median (mean of the two middle values for an even count); NaN when empty. */
    public double median() {
        return quantile(0.5);
    }

    /**
     * Quantile {@code p} in [0, 1] by the project's one definition, {@link Quantiles#type7}
     * (linear interpolation between order statistics, NumPy's default); NaN when empty.
     */
    public double quantile(double p) {
        return Quantiles.type7(count(), this::valueAtRank, p);
    }

    /** Arithmetic mean; NaN when empty. */
    public double mean() {
        long n = count();
        if (n == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += values[i] * countOf(i);
        }
        return sum / n;
    }

    /** Count, mean, sample standard deviation (two-pass, n − 1 denominator), min, max and median. */
    public Stats stats() {
        long n = count();
        if (n == 0) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = mean();
        double ss = 0;
        for (int i = 0; i < values.length; i++) {
            double d = values[i] - mean;
            ss += d * d * countOf(i);
        }
        double std = n < 2 ? Double.NaN : Math.sqrt(ss / (n - 1));
        return new Stats(n, mean, std, values[0], values[values.length - 1], median());
    }

    /**
     * The expanded sorted sample if it has at most {@code max} values; otherwise {@code max}
     * order statistics at evenly spaced ranks {@code floor((i + 0.5) * n / max)}: a
     * deterministic subsample that keeps the shape of the distribution.
     */
    public double[] evenlySpaced(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be >= 1, found " + max);
        }
        long n = count();
        int m = (int) Math.min(n, max);
        double[] out = new double[m];
        if (n <= max) {
            int at = 0;
            for (int i = 0; i < values.length; i++) {
                for (long k = countOf(i); k > 0; k--) {
                    out[at++] = values[i];
                }
            }
            return out;
        }
        for (int i = 0; i < m; i++) {
            out[i] = valueAtRank((long) Math.floor((i + 0.5) * n / m));
        }
        return out;
    }

    /** Every value multiplied by {@code factor} (> 0), e.g. a unit conversion. */
    public WeightedSamples scaled(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("scale factor must be positive and finite, found " + factor);
        }
        double[] v = new double[values.length];
        long[] c = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            v[i] = values[i] * factor;
            c[i] = countOf(i);
        }
        return ofHistogram(v, c);
    }

    private long countOf(int i) {
        return cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeightedSamples w && Arrays.equals(values, w.values) && Arrays.equals(cumulative, w.cumulative);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + Arrays.hashCode(cumulative);
    }

    @Override
    public String toString() {
        return "WeightedSamples[n=" + count() + ", distinct=" + values.length + ", median=" + median() + "]";
    }
}
