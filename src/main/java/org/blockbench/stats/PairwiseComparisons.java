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
 * <p>Replicates are independent ({@link #independent}, or {@link #pooled} with one standard
 * deviation for all: JMH forks of different configs) or paired by a key ({@link #paired}: training
 * seeds, where seed s of two models shares data order and initialisation), or measured in rounds
 * with the items of a stratum back to back ({@link #blocked}: a sweep's forks, position by position).
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

    /**
     * Compares items whose replicates are paired by key (training seeds). Where every item has the
     * same two or more keys, the design is a randomised complete block with the keys as blocks:
     * one residual variance after the item and key effects, on (items − 1)(keys − 1) degrees of
     * freedom, serves every pair, se = √(2 · MSE / keys) — the paired analogue of
     * {@link #pooled}, and with 2 seeds the difference between 1 degree of freedom a pair and one
     * per item. Otherwise each pair is a paired t test on the keys both items have.
     */
    public static PairwiseComparisons paired(List<? extends SortedMap<Long, Double>> replicates, double alpha) {
        List<Long> common = replicates.isEmpty() ? List.of() : replicates.get(0).keySet().stream()
                .filter(k -> replicates.stream().allMatch(r -> r.containsKey(k))).toList();
        boolean complete = replicates.size() >= 2 && common.size() >= 2
                && replicates.stream().allMatch(r -> r.keySet().equals(replicates.get(0).keySet()));
        if (complete) {
            double[][] y = replicates.stream().map(r -> common.stream().mapToDouble(r::get).toArray()).toArray(double[][]::new);
            double[] mse = blockResidual(y);
            return of(replicates.size(), alpha, (i, j) -> {
                double diff = Stats.of(y[i]).mean() - Stats.of(y[j]).mean();
                double se = Math.sqrt(2 * mse[0] / common.size());
                return new MeanDifference(diff, se, mse[1]);
            });
        }
        return of(replicates.size(), alpha, (i, j) -> {
            Map<Long, Double> a = replicates.get(i);
            Map<Long, Double> b = replicates.get(j);
            List<Long> shared = a.keySet().stream().filter(b::containsKey).toList();
            if (shared.isEmpty()) {
                return new MeanDifference(Stats.of(a.values()).mean() - Stats.of(b.values()).mean(), Double.NaN, Double.NaN);
            }
            return MeanDifference.paired(shared.stream().mapToDouble(a::get).toArray(), shared.stream().mapToDouble(b::get).toArray());
        });
    }

    /**
     * Compares items measured in rounds, where the items of one stratum were measured back to back
     * in each round (a sweep's configs of one position: {@code bench.sweep.RoundOrder}), so that
     * replicate {@code r} of every item of a stratum shares round {@code r}'s machine state. Within
     * a stratum whose items all have the same two or more replicates, each (stratum, round) is a
     * block: the stratum's residual after item and block effects serves its pairs (se = √(2 · MSE /
     * rounds) on (items − 1)(rounds − 1) degrees of freedom, as {@link #paired}), so a drift of the
     * machine between rounds no longer counts as noise, and each stratum's noise is its own. Pairs across strata, or in a stratum whose rounds are
     * incomplete, are compared as {@link #pooled} does, drift included.
     *
     * @param replicates per item, its replicates in round order
     * @param strata     per item, its stratum (a position)
     */
    public static PairwiseComparisons blocked(List<double[]> replicates, List<String> strata, double alpha) {
        if (strata.size() != replicates.size()) {
            throw new IllegalArgumentException(replicates.size() + " items but " + strata.size() + " strata");
        }
        double[] pooled = MeanDifference.pooledStandardDeviation(replicates);
        Map<String, List<Integer>> members = new java.util.TreeMap<>();
        for (int i = 0; i < strata.size(); i++) {
            members.computeIfAbsent(strata.get(i), k -> new ArrayList<>()).add(i);
        }
        // per stratum its own residual {mse, df}: strata are measured at different times, and a noisy
        // stretch of the sweep must not blur the pairs of a quiet one
        Map<String, double[]> residual = new java.util.HashMap<>();
        for (Map.Entry<String, List<Integer>> e : members.entrySet()) {
            List<Integer> items = e.getValue();
            int rounds = replicates.get(items.get(0)).length;
            if (items.size() >= 2 && rounds >= 2 && items.stream().allMatch(i -> replicates.get(i).length == rounds)) {
                residual.put(e.getKey(), blockResidual(items.stream().map(replicates::get).toArray(double[][]::new)));
            }
        }
        return of(replicates.size(), alpha, (i, j) -> {
            double[] a = replicates.get(i);
            double[] b = replicates.get(j);
            if (a.length == 0 || b.length == 0) {
                return new MeanDifference(Double.NaN, Double.NaN, Double.NaN);
            }
            double[] block = strata.get(i).equals(strata.get(j)) ? residual.get(strata.get(i)) : null;
            if (block != null) {
                return new MeanDifference(Stats.of(a).mean() - Stats.of(b).mean(), Math.sqrt(2 * block[0] / a.length), block[1]);
            }
            return MeanDifference.pooled(a, b, pooled[0], pooled[1]);
        });
    }

    /** The residual mean square of a two-way layout without interaction, {@code {mse, df}}: y[item][block]. */
    static double[] blockResidual(double[][] y) {
        int g = y.length;
        int n = y[0].length;
        double grand = 0;
        double[] itemMean = new double[g];
        double[] blockMean = new double[n];
        for (int i = 0; i < g; i++) {
            for (int k = 0; k < n; k++) {
                itemMean[i] += y[i][k] / n;
                blockMean[k] += y[i][k] / g;
                grand += y[i][k] / (g * n);
            }
        }
        double ss = 0;
        for (int i = 0; i < g; i++) {
            for (int k = 0; k < n; k++) {
                double r = y[i][k] - itemMean[i] - blockMean[k] + grand;
                ss += r * r;
            }
        }
        int df = (g - 1) * (n - 1);
        return new double[] {ss / df, df};
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
