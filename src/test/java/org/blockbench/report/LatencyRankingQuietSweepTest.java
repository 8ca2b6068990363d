package org.blockbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.blockbench.model.ModelRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The latency ranking on two quiet sweeps kept as test data ({@code report/quiet-sweep/results.json},
 * {@code report/quiet-sweep-2/results.json}), each
 * {@code bench --all -f 1 -wi 1 -w 100ms -i 3 -r 500ms --rounds 3} over the 42 scaffold configs
 * plus a planted twin, 2026-12-07 11:26–11:33 and 12:50–12:56 UTC, on the 2-core development machine with nothing
 * else of ours running (load average 1.3–1.5, the sweep's own). {@code Twin} is
 * ResNetBasicBlock's exported files copied byte for byte under another block name and listed in
 * the manifest: two identical networks under two names. Only {@code secondaryMetrics} and
 * {@code jvmArgs} were dropped; the GWO networks' three configs are left out here.
 *
 * <p>Even quiet, the machine (a shared VM) slows single forks by up to 1.6× now and then
 * (DeformableConv/late's third fork, Twin/late's): what the ranking must not do is tell the
 * identical networks apart, and what it resolves is asserted as measured, against the
 * acceptance of issue 20 (95 % of the pairs at one position ≥ 1.25× apart, 70 % at 1.10–1.25×).
 */
class LatencyRankingQuietSweepTest {

    @TempDir
    Path dir;

    @Test
    void firstSweepTwinsTiedAndResolutionAsMeasured() throws IOException {
        Ranking r = ranking("quiet-sweep");
        twinsAreNeverToldApart(r);
        // each position's residual is its own (PairwiseComparisons.blocked): mid was quiet (sd of log fork medians after
        // model and round effects 0.015), early and late less so (0.085, 0.069)
        assertEquals(435, r.separated());
        assertEquals(990, r.pairs());
        int[][] byClass = LatencyRankingSweepTest.resolutionByRatio(r);
        assertEquals(140, byClass[0][1], "pairs at one position >= 1.25x apart");
        assertEquals(128, byClass[0][0], "of them told apart: 91 %, short of the 95 % asked");
        assertEquals(98, byClass[1][1], "1.10-1.25x");
        assertEquals(36, byClass[1][0], "of them told apart: 37 %, short of the 70 % asked");
        assertEquals(77, byClass[2][1], "< 1.10x");
        assertEquals(10, byClass[2][0], "of them told apart, all at the quiet mid position");
        fastestAsMeasured(r, Map.of("early", 8, "mid", 3, "late", 7));
    }

    /** The same sweep 1 h 24 min later (12:50–12:56 UTC), in a quieter stretch: issue 20's resolution targets met. */
    @Test
    void secondSweepMeetsTheResolutionTargets() throws IOException {
        Ranking r = ranking("quiet-sweep-2");
        twinsAreNeverToldApart(r);
        assertEquals(628, r.separated());
        int[][] byClass = LatencyRankingSweepTest.resolutionByRatio(r);
        assertEquals(141, byClass[0][1], "pairs at one position >= 1.25x apart");
        assertEquals(141, byClass[0][0], "of them told apart: 100 % (95 % asked)");
        assertEquals(100, byClass[1][1], "1.10-1.25x");
        assertEquals(87, byClass[1][0], "of them told apart: 87 % (70 % asked)");
        assertEquals(74, byClass[2][1], "< 1.10x");
        assertEquals(10, byClass[2][0]);
        fastestAsMeasured(r, Map.of("early", 5, "mid", 3, "late", 3));
    }

    private static void twinsAreNeverToldApart(Ranking r) {
        assertEquals(45, r.models().size());
        for (String pos : List.of("early", "mid", "late")) {
            ModelRef resnet = ModelRef.of("ResNetBasicBlock", pos);
            ModelRef twin = ModelRef.of("Twin", pos);
            assertFalse(r.better(resnet, twin) || r.better(twin, resnet), pos + ": the twin told apart from ResNetBasicBlock");
        }
        for (String block : List.of("ResNetBasicBlock", "Twin")) {
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

    private Ranking ranking(String sweep) throws IOException {
        Path jmh = Files.createDirectories(dir.resolve(sweep));
        try (InputStream in = getClass().getResourceAsStream(sweep + "/results.json")) {
            Files.copy(in, jmh.resolve("results.json"));
        }
        return Ranking.latencyOf(LatencyResults.readDirectory(jmh).results().stream()
                .filter(l -> !l.model().position().equals("gwo-net")).toList());
    }
}
