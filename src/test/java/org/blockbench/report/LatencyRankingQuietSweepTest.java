package org.blockbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.blockbench.model.ModelRef;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The latency ranking on five quiet sweeps kept as test data ({@code report/quiet-sweep*}/results.json),
 * issue 20's "5 quiet sweeps". The first two are each
 * {@code bench --all -f 1 -wi 1 -w 100ms -i 3 -r 500ms --rounds 3} over the 42 scaffold configs
 * plus a planted twin, 2026-12-07 11:26–11:33 and 12:50–12:56 UTC, on the 2-core development machine with nothing
 * else of ours running (load average 1.3–1.5, the sweep's own). {@code Twin} is
 * ResNetBasicBlock's exported files copied byte for byte under another block name and listed in
 * the manifest: two identical networks under two names. Only {@code secondaryMetrics} and
 * {@code jvmArgs} were dropped; the GWO networks' three configs are left out here. The other three
 * are the main job's bench step ({@code -r 550ms}, no twin) and the same bench command on its models.
 *
 * <p>Even quiet, the machine (a shared VM) slows single forks, or single iterations of a fork, by
 * up to 1.6× now and then (DeformableConv/late's third fork, Twin/late's): what the ranking must not
 * do is tell the identical networks apart, and what it resolves is asserted as measured, against
 * the acceptance of issue 20 (95 % of the pairs at one position whose medians are ≥ 1.25× apart,
 * 70 % at 1.10–1.25×), on the forks' lower deciles ({@link Ranking#LATENCY_QUANTILE}).
 */
class LatencyRankingQuietSweepTest {

    @TempDir
    Path dir;

    /**
     * One quiet sweep and what the ranking made of it, as measured.
     *
     * @param resource   the test data's directory
     * @param twin       whether a twin of ResNetBasicBlock was planted
     * @param separated  pairs told apart, of all the group's
     * @param classes    per class of median ratio (≥ 1.25, 1.10–1.25, < 1.10), pairs at one position told apart and pairs
     * @param fastest    per position, how many blocks "fastest" lists
     */
    record Sweep(String resource, boolean twin, int separated, int[][] classes, Map<String, Integer> fastest) {
        @Override
        public String toString() {
            return resource;
        }
    }

    /**
     * Ranked on fork medians instead (before {@link Ranking#LATENCY_QUANTILE}), the two classes were told apart
     * 90 / 37 %, 100 / 86 %, 92 / 3 %, 100 / 68 % and 85 / 6 %, sweep by sweep: the medians measured how quiet each
     * stretch of the VM was (the 11:26 sweep had single forks slowed 1.2–1.6×; in the last the fork medians' residual
     * was 0.05–0.09 per position).
     */
    static List<Sweep> sweeps() {
        return List.of(
                // 11:26-11:33 and 12:50-12:56 UTC, with the twin
                new Sweep("quiet-sweep", true, 683, new int[][] {{142, 143}, {71, 98}, {18, 74}}, Map.of("early", 3, "mid", 2, "late", 3)),
                new Sweep("quiet-sweep-2", true, 744, new int[][] {{143, 143}, {93, 98}, {27, 74}}, Map.of("early", 4, "mid", 3, "late", 2)),
                // the main job's bench step from a fresh clone, 13:58-14:04 UTC
                new Sweep("quiet-sweep-3", false, 685, new int[][] {{138, 138}, {67, 70}, {17, 65}}, Map.of("early", 3, "mid", 4, "late", 3)),
                // the main job that ranks on deciles, 17:09-17:15 UTC, and the same bench command again, 17:24-17:31 UTC
                new Sweep("quiet-sweep-4", false, 749, new int[][] {{124, 124}, {87, 87}, {28, 62}}, Map.of("early", 2, "mid", 3, "late", 2)),
                new Sweep("quiet-sweep-5", false, 643, new int[][] {{126, 126}, {74, 84}, {12, 63}}, Map.of("early", 4, "mid", 4, "late", 3)));
    }

    @ParameterizedTest
    @MethodSource("sweeps")
    void identicalNetworksTiedAndTheResolutionTargetsMet(Sweep sweep) throws IOException {
        List<LatencyResult> results = results(sweep.resource());
        Ranking r = Ranking.latencyOf(results);
        twinsAreNeverToldApart(r, sweep.twin());
        assertEquals(sweep.twin() ? 990 : 861, r.pairs());
        assertEquals(sweep.separated(), r.separated());
        resolutionIs(r, results, sweep.classes());
        fastestAsMeasured(r, sweep.fastest());
    }

    /** Asserts the classes as measured, and issue 20's targets: 95 % of pairs ≥ 1.25× apart, 70 % at 1.10–1.25×. */
    private static void resolutionIs(Ranking r, List<LatencyResult> results, int[][] expected) {
        int[][] byClass = LatencyRankingSweepTest.resolutionByRatio(r, results);
        assertEquals(java.util.Arrays.deepToString(expected), java.util.Arrays.deepToString(byClass),
                "told apart and pairs at one position, by median ratio >= 1.25x, 1.10-1.25x, < 1.10x");
        assertTrue(byClass[0][0] >= 0.95 * byClass[0][1], "95 % of pairs >= 1.25x apart");
        assertTrue(byClass[1][0] >= 0.70 * byClass[1][1], "70 % of pairs 1.10-1.25x apart");
    }

    private static void twinsAreNeverToldApart(Ranking r, boolean twin) {
        assertEquals(twin ? 45 : 42, r.models().size());
        for (String pos : twin ? List.of("early", "mid", "late") : List.<String>of()) {
            ModelRef resnet = ModelRef.of("ResNetBasicBlock", pos);
            ModelRef copy = ModelRef.of("Twin", pos);
            assertFalse(r.better(resnet, copy) || r.better(copy, resnet), pos + ": the twin told apart from ResNetBasicBlock");
        }
        for (String block : twin ? List.of("ResNetBasicBlock", "Twin") : List.of("ResNetBasicBlock")) {
            for (String a : List.of("early", "mid", "late")) {
                for (String b : List.of("early", "mid", "late")) {
                    assertFalse(r.better(ModelRef.of(block, a), ModelRef.of(block, b)), block + " " + a + " vs " + b);
                }
            }
        }
    }

    private static void fastestAsMeasured(Ranking r, Map<String, Integer> sizes) {
        for (String pos : List.of("early", "mid", "late")) {
            List<ModelRef> here = r.models().stream().filter(m -> m.position().equals(pos)).toList();
            assertEquals(sizes.get(pos), r.best(here).size(), pos + ": 'fastest' as measured");
            assertFalse(r.best(here).contains(ModelRef.of("DeformableConv", pos)), pos + ": DeformableConv is never fastest");
        }
    }

    private List<LatencyResult> results(String sweep) throws IOException {
        Path jmh = Files.createDirectories(dir.resolve(sweep));
        try (InputStream in = getClass().getResourceAsStream(sweep + "/results.json")) {
            Files.copy(in, jmh.resolve("results.json"));
        }
        return LatencyResults.readDirectory(jmh).results().stream().filter(l -> !l.model().position().equals("gwo-net")).toList();
    }
}
