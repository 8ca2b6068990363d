package org.blockbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ties in the latency ranking: the same network measured three times (ResNetBasicBlock at early,
 * mid and late is one network) with medians 10.3, 10.4 and 10.5 ms whose forks overlap shares one
 * rank and none of the three dominates another on the latency frontier, although ranking by the
 * plain numbers would order them and put only the first on the frontier. A model twice as slow
 * in every fork is distinguishably slower and ranks 4th.
 */
class LatencyRankingTest {

    private static final ModelKey EARLY = ModelKey.zoo("ResNetBasicBlock", "early");
    private static final ModelKey MID = ModelKey.zoo("ResNetBasicBlock", "mid");
    private static final ModelKey LATE = ModelKey.zoo("ResNetBasicBlock", "late");
    private static final ModelKey MOBILE = ModelKey.zoo("MobileOneBlock", "early");

    @TempDir
    Path dir;

    @Test
    void identicalNetworksShareARankAndNoneDominatesAnother() throws IOException {
        DatasetBoard board = board();
        LatencyRanking ranks = board.latencyRanking(EARLY);

        assertEquals(List.of(List.of(EARLY, MID, LATE), List.of(MOBILE)), ranks.groups(), "sorted by median: 10.3, 10.4, 10.5, 20.6");
        assertEquals(Map.of(EARLY, 1, MID, 1, LATE, 1, MOBILE, 4), ranks.ranks());
        assertTrue(ranks.tied(MID));
        assertFalse(ranks.tied(MOBILE));
        assertEquals(5, ranks.comparisons(), "mid vs early, late vs mid (ties: stop), MobileOne vs late, mid, early (all slower)");

        assertEquals(List.of(EARLY, MID, LATE), board.frontier(ComparisonGroup.BLOCKS, Axis.LATENCY),
                "equal accuracy, tied latency: all three on the frontier, by latency");
        for (ModelKey a : List.of(EARLY, MID, LATE)) {
            for (ModelKey b : List.of(EARLY, MID, LATE)) {
                assertFalse(Pareto.dominates(board.row(b), board.row(a), Axis.LATENCY, ranks), b + " dominates " + a);
            }
            assertTrue(Pareto.dominates(board.row(a), board.row(MOBILE), Axis.LATENCY, ranks), "twice as slow, less accurate");
        }
        // the plain numbers would let noise decide: early "dominates" mid and late
        assertTrue(Pareto.dominates(board.row(EARLY), board.row(LATE), Axis.LATENCY));
        assertEquals(List.of(EARLY), Pareto.frontier(board.rows(), Axis.LATENCY).stream().map(LeaderboardRow::model).toList());
    }

    @Test
    void precisionIsTheThresholdOrTheTypicalIntervalHalfWidthWhicheverIsLarger() throws IOException {
        LatencyRanking ranks = board().latencyRanking(EARLY);
        // three forks a side, resampled whole: the ratio intervals are several per cent wide, but
        // narrower than the 5 % threshold is not possible to claim
        assertTrue(ranks.resolvedPrecision() >= LatencyRanking.POLICY.threshold(), "precision " + ranks.resolvedPrecision());
        assertTrue(ranks.resolvedPrecision() < 0.5, "precision " + ranks.resolvedPrecision());
        assertTrue(Double.isNaN(LatencyRanking.ofResults(List.of()).resolvedPrecision()), "nothing compared: unknown");
    }

    @Test
    void precisionIsRelativeToTheRatioSoATenfoldGapDoesNotReadAsHundredsOfPerCent() throws IOException {
        LatencyRanking ranks = board(sample(EARLY, 1.0, 1.1, 0.9), sample(MID, 10.0, 11.0, 9.0)).latencyRanking(EARLY);
        assertEquals(List.of(List.of(EARLY), List.of(MID)), ranks.groups());
        assertEquals(1, ranks.comparisons());
        // the 10x ratio's interval is about +-1 (10 %), not +-100 %
        assertTrue(ranks.resolvedPrecision() < 0.5, "precision " + ranks.resolvedPrecision());
    }

    private DatasetBoard board() throws IOException {
        return board(sample(EARLY, 10.0, 10.6, 10.3), sample(MID, 10.4, 10.1, 10.7), sample(LATE, 10.8, 10.2, 10.5),
                sample(MOBILE, 20.2, 21.0, 20.6));
    }

    private DatasetBoard board(String... samples) throws IOException {
        ReportFixtures.Tree fixture = ReportFixtures.write(dir.resolve("fixture"));
        ReportFixtures.Tree t = new ReportFixtures.Tree(dir, fixture.manifest(), fixture.analysis(), dir.resolve("jmh"),
                dir.resolve("training"));
        Files.createDirectories(t.jmh());
        Files.writeString(t.jmh().resolve("run.json"), "[" + String.join(",\n", samples) + "]");
        for (ModelKey k : List.of(EARLY, MID, LATE)) {
            ReportFixtures.run(t, k.label(), "synthetic", "blockzoo", 0, 0.80, 0.90);
        }
        ReportFixtures.run(t, MOBILE.label(), "synthetic", "blockzoo", 0, 0.70, 0.75);
        Leaderboard lb = LeaderboardBuilder.build(LeaderboardInputs.load(t.manifest(), t.analysis(), t.jmh(), t.training()),
                LeaderboardSettings.defaults(), k -> !k.isFile() && !ComparisonGroup.of(k).equals(ComparisonGroup.GWO_NETWORKS));
        assertEquals(1, lb.boards().size());
        return lb.boards().get(0);
    }

    /** Three forks of SampleTime histograms, each centred on its fork median with ±2 % spread. */
    private static String sample(ModelKey model, double... forkMedians) {
        double[][][] forks = new double[forkMedians.length][][];
        double sum = 0;
        for (int f = 0; f < forkMedians.length; f++) {
            double m = forkMedians[f];
            forks[f] = new double[][] {{m * 0.98, 30}, {m * 0.99, 40}, {m, 60}, {m * 1.01, 40}, {m * 1.02, 30}};
            sum += m;
        }
        double mean = sum / forkMedians.length;
        return ReportFixtures.sample(model.label(), 1, "ms/op", mean, mean * 1.02, forks);
    }
}
