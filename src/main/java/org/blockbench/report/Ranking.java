package org.blockbench.report;

import org.blockbench.model.ModelRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.blockbench.bench.result.SampleKind;
import org.blockbench.stats.CompactLetterDisplay;
import org.blockbench.stats.PairwiseComparisons;
import org.blockbench.stats.RankInterval;

/**
 * A ranking of one comparison group's models by one metric, with rank intervals rather than
 * single ranks (docs/report.md §Ranks; shared/SPEC.md §11). Every pair of models is compared over
 * its replicates ({@link PairwiseComparisons}: a t test per pair, Holm over all pairs of the group
 * at family-wise {@link #ALPHA}); a model's rank interval is [1 + models significantly better,
 * n − models significantly worse] ({@link RankInterval}); the compact letter display names who
 * was told apart. Nothing is transitive: A ≈ B and B ≈ C never makes A ≈ C.
 *
 * <ul>
 * <li>Latency ({@link #latency}): the replicates are the forks, each fork's lower decile of call
 * time ({@link #LATENCY_QUANTILE}), compared on the log scale (so differences are ratios). A sweep measures one position's configs
 * back to back in each round, so fork r of the models at one position shares round r's machine
 * state: those pairs are compared with the (position, round) blocks' effect removed
 * ({@link PairwiseComparisons#blocked}); pairs across positions, or with unequal forks, with one
 * fork-to-fork standard deviation pooled over the group (Tukey's HSD's error term), drift
 * included. A model measured in a JMH mode other than the group's, or without fork samples, is
 * told apart from none.</li>
 * <li>Accuracy ({@link #accuracy}): the replicates are the seeds, paired by seed (seed s of every
 * model shares data order and the shared stages' initialisation), in percentage points; seeds are
 * the blocks of a randomised complete block design when every model has the same ones
 * ({@link PairwiseComparisons#paired}).</li>
 * </ul>
 *
 * @param metric        "latency" or "accuracy"
 * @param models        the ranked models, best estimate first
 * @param estimates     per model, in the same order: geometric mean of the forks' lower deciles (ms) or mean accuracy (%)
 * @param comparisons   the pairwise tests, indexed as {@code models}, on the log scale for latency
 * @param ranks         per model, its rank interval
 * @param letters       per model, its compact letters
 * @param lowerIsBetter whether a lower estimate is better (latency)
 */
public record Ranking(String metric, List<ModelRef> models, List<Double> estimates, PairwiseComparisons comparisons,
                      Map<ModelRef, RankInterval> ranks, Map<ModelRef, String> letters, boolean lowerIsBetter) {

    /** The family-wise error rate of every board's comparisons. */
    public static final double ALPHA = 0.05;

    /**
     * The quantile of each fork's call times that latency is ranked by: the lower decile. Other load
     * on the machine only ever adds time to a call, in bursts that slow some iterations of a fork
     * and not others, so the low quantiles are what it disturbs least (Chen and Revels, "Robust
     * benchmarking in noisy environments", 2016, rank by the minimum for the same reason); the
     * decile rather than the minimum, which is one extreme call. On five quiet sweeps of this
     * project's 2-core VM the residual standard deviation of the log fork statistic, after model
     * and round effects, was 0.014–0.088 with fork medians and 0.009–0.043 with lower deciles
     * (docs/report.md §Why the lower decile).
     */
    public static final double LATENCY_QUANTILE = 0.10;

    /** The difference a board's resolution sentence is stated for: 5 % in latency. */
    public static final double LATENCY_EFFECT = Math.log(1.05);

    /** The difference a board's resolution sentence is stated for: 5 points of accuracy. */
    public static final double ACCURACY_EFFECT_POINTS = 5;

    public Ranking {
        models = List.copyOf(models);
        estimates = List.copyOf(estimates);
        ranks = Map.copyOf(ranks);
        letters = Map.copyOf(letters);
    }

    /** A ranking of nothing. */
    public static Ranking empty(String metric) {
        return new Ranking(metric, List.of(), List.of(), PairwiseComparisons.independent(List.of(), ALPHA), Map.of(), Map.of(),
                metric.equals("latency"));
    }

    /** Ranks the rows that have a latency by their forks' lower deciles of call time. */
    public static Ranking latency(List<LeaderboardRow> rows) {
        return latencyOf(rows.stream().map(LeaderboardRow::latency).filter(l -> l != null).toList());
    }

    /** Ranks latency results, one per model. */
    static Ranking latencyOf(List<LatencyResult> measured) {
        Map<SampleKind, Long> kinds = new HashMap<>();
        measured.forEach(l -> kinds.merge(l.sampleKind(), 1L, Long::sum));
        SampleKind main = kinds.entrySet().stream().max(Map.Entry.<SampleKind, Long>comparingByValue()
                .thenComparing(e -> e.getKey().ordinal())).map(Map.Entry::getKey).orElse(null);
        Map<ModelRef, double[]> logDeciles = new TreeMap<>();
        Map<ModelRef, Double> logEstimate = new TreeMap<>();
        for (LatencyResult l : measured) {
            double[] forks = l.forkSamplesMs().stream().filter(f -> f.count() > 0).mapToDouble(f -> f.quantile(LATENCY_QUANTILE))
                    .filter(m -> m > 0).map(Math::log).toArray();
            // another mode's samples are not the same statistic (iteration means against call times), and a
            // result without forks has no replicates: such a model is ranked by its mean but told apart from none
            boolean comparable = l.sampleKind() == main && forks.length > 0;
            logDeciles.put(l.model(), comparable ? forks : new double[0]);
            logEstimate.put(l.model(), comparable ? mean(forks) : Math.log(l.meanMs()));
        }
        List<ModelRef> order = sorted(logEstimate, x -> x, true);
        PairwiseComparisons c = PairwiseComparisons.blocked(order.stream().map(logDeciles::get).toList(),
                order.stream().map(ModelRef::position).toList(), ALPHA);
        return of("latency", order, order.stream().map(k -> Math.exp(logEstimate.get(k))).toList(), c, true);
    }

    /** Ranks the rows that have a measured accuracy by their seeds' accuracies, paired by seed. */
    public static Ranking accuracy(List<LeaderboardRow> rows) {
        Map<ModelRef, SortedMap<Long, Double>> bySeed = new TreeMap<>();
        for (LeaderboardRow r : rows) {
            if (r.accuracy() == null) {
                continue;
            }
            SortedMap<Long, Double> seeds = new TreeMap<>();
            // a run that recorded no accuracy (NaN) is not a replicate
            r.accuracy().runs().stream().filter(s -> Double.isFinite(s.valAccuracyPercent()))
                    .forEach(s -> seeds.put(s.seed(), s.valAccuracyPercent()));
            if (!seeds.isEmpty()) {
                bySeed.put(r.model(), seeds);
            }
        }
        List<ModelRef> order = sorted(bySeed, s -> s.values().stream().mapToDouble(Double::doubleValue).average().orElse(0), false);
        PairwiseComparisons c = PairwiseComparisons.paired(order.stream().map(bySeed::get).toList(), ALPHA);
        return of("accuracy", order, order.stream().map(k -> bySeed.get(k).values().stream().mapToDouble(Double::doubleValue)
                .average().orElse(Double.NaN)).toList(), c, false);
    }

    private static <T> List<ModelRef> sorted(Map<ModelRef, T> values, java.util.function.ToDoubleFunction<T> estimate,
                                             boolean ascending) {
        List<ModelRef> order = new ArrayList<>(values.keySet());
        Comparator<ModelRef> byEstimate = Comparator.comparingDouble(k -> estimate.applyAsDouble(values.get(k)));
        order.sort((ascending ? byEstimate : byEstimate.reversed()).thenComparing(k -> k));
        return order;
    }

    private static Ranking of(String metric, List<ModelRef> order, List<Double> estimates, PairwiseComparisons c,
                              boolean lowerIsBetter) {
        List<RankInterval> intervals = RankInterval.of(c, lowerIsBetter);
        List<String> letters = CompactLetterDisplay.of(order.size(), c::differ);
        Map<ModelRef, RankInterval> ranks = new LinkedHashMap<>();
        Map<ModelRef, String> letterMap = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            ranks.put(order.get(i), intervals.get(i));
            letterMap.put(order.get(i), letters.get(i));
        }
        return new Ranking(metric, order, estimates, c, ranks, letterMap, lowerIsBetter);
    }

    private static double mean(double[] x) {
        return java.util.Arrays.stream(x).average().orElse(Double.NaN);
    }

    /** The model's rank interval, or null when it is not ranked. */
    public RankInterval rank(ModelRef model) {
        return ranks.get(model);
    }

    /** Whether {@code a} is significantly better than {@code b} (false when either is not ranked). */
    public boolean better(ModelRef a, ModelRef b) {
        int i = models.indexOf(a);
        int j = models.indexOf(b);
        if (i < 0 || j < 0 || i == j) {
            return false;
        }
        return lowerIsBetter ? comparisons.significantlyLess(i, j) : comparisons.significantlyLess(j, i);
    }

    /**
     * The interval of a's figure relative to b's at the level the pair was judged at: the ratio
     * a ÷ b for latency, a − b in points for accuracy; null when either is not ranked.
     */
    public double[] interval(ModelRef a, ModelRef b) {
        int i = models.indexOf(a);
        int j = models.indexOf(b);
        if (i < 0 || j < 0 || i == j) {
            return null;
        }
        double[] d = comparisons.interval(i, j);
        return lowerIsBetter ? new double[] {Math.exp(d[0]), Math.exp(d[1])} : d;
    }

    /**
     * Of {@code candidates}, the best by estimate and every one not significantly worse than it,
     * best first ("fastest", "most accurate"); empty when none is ranked.
     */
    public List<ModelRef> best(List<ModelRef> candidates) {
        List<ModelRef> ranked = models.stream().filter(candidates::contains).toList();
        if (ranked.isEmpty()) {
            return List.of();
        }
        ModelRef top = ranked.get(0);
        return ranked.stream().filter(m -> !better(top, m)).toList();
    }

    /** The model's estimate (ms or %), or null. */
    public Double estimate(ModelRef model) {
        int i = models.indexOf(model);
        return i < 0 ? null : estimates.get(i);
    }

    /**
     * The resolution the run reached: the share of the group's pairs that a true difference of
     * {@link #LATENCY_EFFECT 5 %} (latency) or {@link #ACCURACY_EFFECT_POINTS 5 points} (accuracy)
     * would be told apart in, at each pair's standard error and Holm level. NaN with fewer than
     * two models.
     */
    public double resolution() {
        return comparisons.resolution(lowerIsBetter ? LATENCY_EFFECT : ACCURACY_EFFECT_POINTS);
    }

    /** The number of pairs compared (the family Holm controls). */
    public int pairs() {
        return comparisons.pairs().size();
    }

    /** The number of pairs told apart. */
    public long separated() {
        return comparisons.pairs().stream().filter(PairwiseComparisons.Pair::significant).count();
    }
}
