package org.blockbench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.blockbench.bench.result.ScoreUnit;
import org.blockbench.regress.BenchmarkKey;
import org.blockbench.regress.BenchmarkRun;
import org.blockbench.regress.Comparison;
import org.blockbench.regress.RegressionCheck;
import org.blockbench.regress.Verdict;
import org.blockbench.regress.VerdictPolicy;
import org.blockbench.stats.Quantiles;
import org.blockbench.stats.WeightedSamples;

/**
 * The latency ranking of one comparison group that admits ties: models whose latencies the
 * run cannot tell apart share a rank. "Cannot tell apart" is {@code compare}'s own test
 * ({@link RegressionCheck#compare(BenchmarkKey, BenchmarkRun, BenchmarkRun, VerdictPolicy)}
 * under {@link VerdictPolicy#DEFAULTS}: Mann-Whitney U and the bootstrap interval of the median
 * ratio, over forks when both sides have two or more): a model is <em>distinguishably
 * slower</em> than another when that verdict, the faster one as baseline, is {@link Verdict#SLOWER}.
 *
 * <p>Tie groups (docs/report.md §Ties): the models are sorted by median latency; the first opens
 * a group; each next model joins the open group unless it is distinguishably slower than
 * <em>every</em> member of it (single linkage in median order), in which case it opens the next
 * group. Rank = 1 + the number of models in earlier groups (1, 1, 1, 4, …). So two models are
 * ranked apart only when a whole group lies between them that the test separates from the
 * slower one: a noisy run gives coarse ranks, never a rank that noise decided (comparing with
 * the group's fastest member only would split identical networks whenever a different, luckier
 * network led the group). Models without samples, or measured in another JMH mode, tie.
 *
 * <p>Resolved precision: the smallest slowdown the test can call in this run, {@code max(t, w)},
 * where {@code t} is the policy's threshold (5 %) and {@code w} the median, over the comparisons
 * made, of the half-width of the ratio's interval ({@code (high − low) / 2}): a slowdown has to
 * exceed the threshold and its interval has to clear 1. NaN when no comparison was made.
 *
 * @param groups             the tie groups, fastest first, each by median latency
 * @param ranks              per model, its shared rank
 * @param resolvedPrecision  the smallest relative difference resolved (0.05 = 5 %), NaN when unknown
 * @param comparisons        the comparisons made (each model against the open group's members, slowest first, until one ties)
 */
public record LatencyRanking(List<List<ModelKey>> groups, Map<ModelKey, Integer> ranks, double resolvedPrecision,
                             int comparisons) {

    /** The policy ties are decided under: {@code compare}'s defaults. */
    public static final VerdictPolicy POLICY = VerdictPolicy.DEFAULTS;

    private static final ScoreUnit MS_PER_OP = ScoreUnit.parse("ms/op");

    public LatencyRanking {
        groups = groups.stream().map(List::copyOf).toList();
        ranks = Map.copyOf(ranks);
    }

    /** A ranking of nothing. */
    public static LatencyRanking empty() {
        return new LatencyRanking(List.of(), Map.of(), Double.NaN, 0);
    }

    /** Ranks the rows that have a latency. */
    public static LatencyRanking of(List<LeaderboardRow> rows) {
        List<LatencyResult> measured = rows.stream().map(LeaderboardRow::latency).filter(l -> l != null).toList();
        return ofResults(measured);
    }

    /** Ranks latency results, one per model. */
    static LatencyRanking ofResults(List<LatencyResult> measured) {
        Map<ModelKey, BenchmarkRun> runs = new LinkedHashMap<>();
        Map<ModelKey, Double> median = new TreeMap<>();
        for (LatencyResult l : measured) {
            BenchmarkRun run = run(l);
            runs.put(l.model(), run);
            median.put(l.model(), run.samples().count() > 0 ? run.samples().median() : l.meanMs());
        }
        List<ModelKey> order = new ArrayList<>(median.keySet());
        order.sort(Comparator.comparingDouble((ModelKey k) -> median.get(k)).thenComparing(k -> k));
        List<List<ModelKey>> groups = new ArrayList<>();
        Map<ModelKey, Integer> ranks = new TreeMap<>();
        List<Double> halfWidths = new ArrayList<>();
        int compared = 0;
        List<ModelKey> open = null;
        int openRank = 0;
        int placed = 0;
        for (ModelKey k : order) {
            boolean slower = true;
            if (open != null) {
                // from the slowest member back: the first one it cannot be told apart from keeps it in the group
                for (int i = open.size() - 1; i >= 0 && slower; i--) {
                    BenchmarkRun member = runs.get(open.get(i));
                    BenchmarkRun next = runs.get(k);
                    if (member.sampleKind() != next.sampleKind()) { // different JMH modes are not comparable: a tie
                        slower = false;
                        continue;
                    }
                    Comparison c = RegressionCheck.compare(next.key(), member, next, POLICY);
                    compared++;
                    if (c.interval() != null && c.timeRatio() > 0 && Double.isFinite(c.timeRatio())) {
                        // relative to the ratio itself: a 10x gap measured to +-2x resolves 20 %, not 200 %
                        halfWidths.add((c.interval().high() - c.interval().low()) / 2 / c.timeRatio());
                    }
                    slower = c.verdict() == Verdict.SLOWER;
                }
            }
            if (open == null || slower) {
                open = new ArrayList<>();
                groups.add(open);
                openRank = placed + 1;
            }
            open.add(k);
            ranks.put(k, openRank);
            placed++;
        }
        double w = halfWidths.isEmpty() ? Double.NaN
                : Quantiles.type7(halfWidths.stream().mapToDouble(Double::doubleValue).sorted().toArray(), 0.5);
        return new LatencyRanking(groups, ranks, Double.isNaN(w) ? Double.NaN : Math.max(POLICY.threshold(), w), compared);
    }

    /** The model's shared rank, or null when it has no latency. */
    public Integer rank(ModelKey model) {
        return ranks.get(model);
    }

    /** Whether the model shares its rank with another. */
    public boolean tied(ModelKey model) {
        return groups.stream().anyMatch(g -> g.size() > 1 && g.contains(model));
    }

    /** The index of the model's tie group (0 = fastest), or -1 without a latency. */
    public int group(ModelKey model) {
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).contains(model)) {
                return i;
            }
        }
        return -1;
    }

    /** A result as {@code compare} sees a benchmark: its forks' samples in ms. */
    private static BenchmarkRun run(LatencyResult l) {
        BenchmarkKey key = BenchmarkKey.of("leaderboard.latency", Map.of("model", l.model().label()), l.mode());
        List<WeightedSamples> forks = l.forkSamplesMs();
        return BenchmarkRun.of(key, MS_PER_OP, l.sampleKind(), forks, List.of(String.valueOf(l.source())));
    }
}
