package org.blockbench.report;

import org.blockbench.model.ModelRef;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.blockbench.stats.PairwiseComparisons;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The latency ranking on the JMH results of a real sweep, kept as test data
 * ({@code report/sweep/results.json}): {@code bench --positions early,mid,late -f 1 -wi 1 -w 300ms
 * -i 2 -r 500ms --rounds 6} over the 42 scaffold configs, 2026-12-07 02:58–03:36 UTC, on the
 * shared 2-core development machine with a 1-minute load average of 9–13 throughout (four other
 * sessions' builds and test suites). Only {@code secondaryMetrics} (the GC profiler) and
 * {@code jvmArgs} were dropped; every fork's SampleTime histogram is as JMH wrote it.
 *
 * <p>That load makes this a hard case, not the quiet one the acceptance of issue 20 is stated
 * for: fork medians of one config spread by a factor of up to 10 (the median over configs of the
 * std of log fork medians is about 0.8, against 0.07 on a quiet machine). What the ranking must do
 * on it is not to invent differences: the three identical ResNetBasicBlock networks are never told
 * apart, and the 8 pairs told apart are each more than 5× apart. The resolution it reaches on it is asserted as
 * measured, so a change to the statistics shows here. The resolution acceptance of issue 20 (95 %
 * of pairs ≥ 1.25× apart, 70 % at 1.10–1.25×) needs a quiet sweep, which this machine could not
 * give: not shown here.
 */
class LatencyRankingSweepTest {

    @TempDir
    Path dir;

    @Test
    void identicalNetworksAreNeverToldApartAndTheResolutionIsAsMeasured() throws IOException {
        List<LatencyResult> results = results();
        Ranking r = Ranking.latencyOf(results);
        assertEquals(42, r.models().size());
        assertEquals(861, r.pairs());
        List<ModelRef> resnet = List.of(ModelRef.of("ResNetBasicBlock", "early"), ModelRef.of("ResNetBasicBlock", "mid"),
                ModelRef.of("ResNetBasicBlock", "late"));
        for (ModelRef a : resnet) {
            for (ModelRef b : resnet) {
                assertFalse(r.better(a, b), a + " told apart from " + b);
            }
        }
        // 6 forks a side whose medians spread by a factor of up to 10 (std of log fork medians 0.81, median over configs)
        assertEquals(0.81, forkSpread(), 0.01);
        // under this load 6 pairs are told apart, all against DeformableConv/early (deformable sampling at 32 x 32), 5.0x to
        // 6.5x slower than the other 6: with the rounds as blocks at one position (PairwiseComparisons.blocked) a drift of
        // the machine between rounds is no longer noise; pooled over the group without blocks, 1 pair was; with one residual
        // pooled over the three positions rather than each position's own, 9 were
        // under this load 8 pairs are told apart, each more than 5x apart in the forks' lower deciles, all at early against
        // DeformableConv/early (deformable sampling at 32 x 32) or SelfAttention/early (attention over 1,024 tokens): with the
        // rounds as blocks at one position (PairwiseComparisons.blocked) a drift of the machine between rounds is no longer
        // noise. Ranked on fork medians (before Ranking.LATENCY_QUANTILE), 6 pairs were
        assertEquals(8, r.separated());
        for (PairwiseComparisons.Pair p : r.comparisons().pairs()) {
            if (p.significant()) {
                assertTrue(Math.exp(Math.abs(p.difference().estimate())) > 5, r.models().get(p.first()) + " vs " + r.models().get(p.second()));
            }
        }
        assertTrue(r.better(ModelRef.of("ResNetBasicBlock", "early"), ModelRef.of("DeformableConv", "early")));
        assertTrue(r.better(ModelRef.of("ReparamLargeKernelConv", "early"), ModelRef.of("DeformableConv", "early")));
        // 4.8x apart, but early's forks under this load spread too far to tell
        assertFalse(r.better(ModelRef.of("DepthwiseConv", "early"), ModelRef.of("DeformableConv", "early")));
        assertEquals(197.0 / 40.8, r.estimate(ModelRef.of("DeformableConv", "early")) / r.estimate(ModelRef.of("DepthwiseConv", "early")),
                0.01);
        assertEquals(6.3e-5, r.resolution(), 1e-5, "pairs 5 % apart: told apart in 0 % of cases, and the board says so");
        int[][] byClass = resolutionByRatio(r, results);
        assertEquals(6, byClass[0][0], "pairs at one position >= 1.25x apart told apart");
        assertEquals(0, byClass[1][0] + byClass[2][0], "no pair at one position below 1.25x told apart");
        assertEquals(208, byClass[0][1], "pairs at one position whose medians are >= 1.25x apart");
        assertEquals(37, byClass[1][1], "1.10-1.25x");
        assertEquals(28, byClass[2][1], "< 1.10x");

        for (String pos : List.of("early", "mid", "late")) {
            List<ModelRef> here = r.models().stream().filter(m -> m.position().equals(pos)).toList();
            // 'fastest' is every block not significantly slower than the fastest: at early all but the two told apart
            assertEquals(pos.equals("early") ? 12 : 14, r.best(here).size(), pos + ": not one block chosen by noise");
            assertFalse(r.best(here).contains(ModelRef.of("DeformableConv", "early")));
        }
    }

    /** The median over configs of the sample std of log fork medians. */
    private double forkSpread() throws IOException {
        Path jmh = dir.resolve("jmh");
        double[] sd = LatencyResults.readDirectory(jmh).results().stream().mapToDouble(l -> org.blockbench.stats.Stats.of(
                l.forkSamplesMs().stream().mapToDouble(f -> Math.log(f.median())).toArray()).sampleStandardDeviation()).sorted().toArray();
        return org.blockbench.stats.Quantiles.type7(sd, 0.5);
    }

    /**
     * Per class of median ratio (≥ 1.25, 1.10–1.25, < 1.10), pairs at one position told apart and
     * pairs. The classes are issue 20's, by the ratio of the models' median call times (JMH's p50
     * over all forks), whatever statistic the ranking tests.
     */
    static int[][] resolutionByRatio(Ranking r, List<LatencyResult> results) {
        java.util.Map<ModelRef, Double> median = new java.util.HashMap<>();
        results.forEach(l -> median.put(l.model(), l.p50Ms()));
        int[][] out = new int[3][2];
        List<ModelRef> m = r.models();
        for (int i = 0; i < m.size(); i++) {
            for (int j = i + 1; j < m.size(); j++) {
                if (!m.get(i).position().equals(m.get(j).position())) {
                    continue;
                }
                double a = median.get(m.get(i));
                double b = median.get(m.get(j));
                double ratio = Math.max(a, b) / Math.min(a, b);
                int c = ratio >= 1.25 ? 0 : ratio >= 1.10 ? 1 : 2;
                out[c][1]++;
                if (r.better(m.get(i), m.get(j)) || r.better(m.get(j), m.get(i))) {
                    out[c][0]++;
                }
            }
        }
        return out;
    }

    private List<LatencyResult> results() throws IOException {
        Path jmh = Files.createDirectories(dir.resolve("jmh"));
        try (InputStream in = getClass().getResourceAsStream("sweep/results.json")) {
            Files.copy(in, jmh.resolve("results.json"));
        }
        return new ArrayList<>(LatencyResults.readDirectory(jmh).results());
    }
}
