package org.blockbench.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.BiFunction;

/**
 * Every pairwise difference of means among {@code n} items, each tested with a t test
 * ({@link MeanDifference}) and the family of all {@code n(n−1)/2} pairs held to family-wise
 * error {@code alpha} by {@link Holm}. Each pair carries its interval at the level Holm judged it
 * at, so the interval excludes 0 exactly when the pair is called different. Nothing is
 * transitive: a ≈ b and b ≈ c says nothing about a and c.
 *
 * <p>Replicates are independent ({@link #independent}: JMH forks of different configs) or paired
 * by a key ({@link #paired}: training seeds, where seed s of two models shares data order and
 * initialisation; each pair uses the keys both have).
 *
 * @param size  the number of items
 * @param alpha the family-wise error rate
 * @param pairs the pairs, {@code first < second}, in order (0,1), (0,2), …, (1,2), …
 */
public record PairwiseComparisons(int size, double alpha, List<Pair> pairs) {

    /**
     * One pair: {@code mean(first) − mean(second)} with its test.
     *
     * @param first       the first item's index
     * @param second      the second item's index (greater than first)
     * @param difference  the difference and its standard error
     * @param pValue      two-sided p-value of no difference
     * @param level       the level Holm judged the pair at
     * @param low         lower end of the interval at confidence 1 − level
     * @param high        upper end
     * @param significant whether the difference is called (p ≤ level)
     */
    public record Pair(int first, int second, MeanDifference difference, double pValue, double level, double low, double high,
                       boolean significant) {
    }

    public PairwiseComparisons {
        pairs = List.copyOf(pairs);
    }

    /** Compares items whose replicates are independent of each other's. */
    public static PairwiseComparisons independent(List<double[]> replicates, double alpha) {
        return of(replicates.size(), alpha, (i, j) -> MeanDifference.welch(replicates.get(i), replicates.get(j)));
    }

    /**
     * Compares items whose replicates are independent and spread alike, with one pooled standard
     * deviation over all items ({@link MeanDifference#pooled}, Tukey's HSD's error term). An item
     * with no replicates (an empty array) is told apart from none.
     */
    public static PairwiseComparisons pooled(List<double[]> replicates, double alpha) {
        double[] pooled = MeanDifference.pooledStandardDeviation(replicates);
        return of(replicates.size(), alpha, (i, j) -> {
            double[] a = replicates.get(i);
            double[] b = replicates.get(j);
            if (a.length == 0 || b.length == 0) {
                return new MeanDifference(Double.NaN, Double.NaN, Double.NaN);
            }
            return MeanDifference.pooled(a, b, pooled[0], pooled[1]);
        });
    }

    /** Compares items whose replicates are paired by key; each pair uses the keys both items have. */
    public static PairwiseComparisons paired(List<? extends SortedMap<Long, Double>> replicates, double alpha) {
        return of(replicates.size(), alpha, (i, j) -> {
            Map<Long, Double> a = replicates.get(i);
            Map<Long, Double> b = replicates.get(j);
            List<Long> common = a.keySet().stream().filter(b::containsKey).toList();
            if (common.isEmpty()) {
                return new MeanDifference(Stats.of(a.values()).mean() - Stats.of(b.values()).mean(), Double.NaN, Double.NaN);
            }
            return MeanDifference.paired(common.stream().mapToDouble(a::get).toArray(), common.stream().mapToDouble(b::get).toArray());
        });
    }

    private static PairwiseComparisons of(int n, double alpha, BiFunction<Integer, Integer, MeanDifference> test) {
        List<MeanDifference> diffs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                diffs.add(test.apply(i, j));
            }
        }
        double[] p = diffs.stream().mapToDouble(MeanDifference::pValue).toArray();
        double[] levels = Holm.levels(p, alpha);
        List<Pair> pairs = new ArrayList<>();
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++, k++) {
                double[] ci = diffs.get(k).interval(levels[k]);
                pairs.add(new Pair(i, j, diffs.get(k), p[k], levels[k], ci[0], ci[1], p[k] <= levels[k]));
            }
        }
        return new PairwiseComparisons(n, alpha, pairs);
    }

    /** The pair of items {@code i} and {@code j} in either order (as stored: first &lt; second). */
    public Pair pair(int i, int j) {
        if (i == j || i < 0 || j < 0 || i >= size || j >= size) {
            throw new IllegalArgumentException("need two different items in [0, " + size + "), found " + i + " and " + j);
        }
        int a = Math.min(i, j);
        int b = Math.max(i, j);
        // pairs before row a: a*(2n − a − 1)/2, then b − a − 1 within the row
        return pairs.get(a * (2 * size - a - 1) / 2 + (b - a - 1));
    }

    /** Whether mean(i) is significantly below mean(j). */
    public boolean significantlyLess(int i, int j) {
        Pair p = pair(i, j);
        double diff = i < j ? p.difference().estimate() : -p.difference().estimate();
        return p.significant() && diff < 0;
    }

    /** Whether the difference of i and j is called, in either direction. */
    public boolean differ(int i, int j) {
        return i != j && pair(i, j).significant();
    }

    /**
     * The interval of {@code mean(i) − mean(j)} at the level its pair was judged at, {low, high}.
     */
    public double[] interval(int i, int j) {
        Pair p = pair(i, j);
        return i < j ? new double[] {p.low(), p.high()} : new double[] {-p.high(), -p.low()};
    }

    /**
     * The share of the family's pairs that would be called if their true difference were
     * {@code effect}, at each pair's own standard error and Holm level: the run's resolution
     * ("pairs this far apart are told apart in X % of cases"). NaN with no pair.
     */
    public double resolution(double effect) {
        return pairs.isEmpty() ? Double.NaN
                : pairs.stream().mapToDouble(p -> p.difference().power(effect, p.level())).average().orElse(Double.NaN);
    }
}
