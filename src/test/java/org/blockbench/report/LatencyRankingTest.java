package org.blockbench.report;

import org.blockbench.model.ModelRef;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.blockbench.stats.RankInterval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rank intervals in the latency ranking ({@link Ranking#latency}): the same network measured three
 * times (ResNetBasicBlock at early, mid and late is one network) with fork medians around 10.3,
 * 10.4 and 10.5 ms is never told apart, so all three rank [1, 3] with one letter and none
 * dominates another on the latency frontier, although the plain numbers would order them and put
 * only the first on the frontier. A model twice as slow in every fork is told apart from all
 * three and ranks [4, 4].
 */
class LatencyRankingTest {

    private static final ModelRef EARLY = ModelRef.of("ResNetBasicBlock", "early");
    private static final ModelRef MID = ModelRef.of("ResNetBasicBlock", "mid");
    private static final ModelRef LATE = ModelRef.of("ResNetBasicBlock", "late");
    private static final ModelRef MOBILE = ModelRef.of("MobileOneBlock", "early");

    @TempDir
    Path dir;

    @Test
    void identicalNetworksShareARankIntervalAndNoneDominatesAnother() throws IOException {
        DatasetBoard board = board();
        Ranking ranks = board.latencyRanking(EARLY);

        assertEquals(List.of(EARLY, MID, LATE, MOBILE), ranks.models(), "geometric means of fork medians: 10.30, 10.40, 10.50, 20.60");
        assertEquals(Map.of(EARLY, new RankInterval(1, 3), MID, new RankInterval(1, 3), LATE, new RankInterval(1, 3),
                MOBILE, new RankInterval(4, 4)), ranks.ranks());
        assertEquals(Map.of(EARLY, "a", MID, "a", LATE, "a", MOBILE, "b"), ranks.letters());
        assertEquals(6, ranks.pairs());
        assertEquals(3, ranks.separated(), "MobileOne against each of the three");
        assertEquals(List.of(EARLY, MID, LATE), ranks.best(List.of(EARLY, MID, LATE, MOBILE)), "fastest: the three not told apart");

        assertEquals(List.of(EARLY, MID, LATE), board.frontier(ComparisonGroup.BLOCKS, Axis.LATENCY),
                "equal accuracy, latency not told apart: all three on the frontier, by latency");
        Ranking accuracy = board.accuracyRanking(EARLY);
        for (ModelRef a : List.of(EARLY, MID, LATE)) {
            for (ModelRef b : List.of(EARLY, MID, LATE)) {
                assertFalse(Pareto.dominates(board.row(b), board.row(a), Axis.LATENCY, ranks, accuracy), b + " dominates " + a);
            }
            assertTrue(Pareto.dominates(board.row(a), board.row(MOBILE), Axis.LATENCY, ranks, accuracy),
                    "significantly faster and (one seed) not significantly less accurate");
        }
        // the plain numbers would let noise decide: early "dominates" mid and late
        assertTrue(Pareto.dominates(board.row(EARLY), board.row(LATE), Axis.LATENCY));
        assertEquals(List.of(EARLY), Pareto.frontier(board.rows(), Axis.LATENCY).stream().map(LeaderboardRow::model).toList());
    }

    @Test
    void theHeatmapColoursOnlyWhatIsToldApartAndShowsTheInterval() throws IOException {
        DatasetBoard board = board();
        HeatmapMetric.Value self = HeatmapMetric.LATENCY_VS_REFERENCE.value().apply(board, board.row(MID));
        assertEquals("1.00×", self.text(), "the reference itself (ResNetBasicBlock/mid)");
        assertEquals(0, self.colour(), 0);
        assertEquals("", self.interval());
        HeatmapMetric.Value mobile = HeatmapMetric.LATENCY_VS_REFERENCE.value().apply(board, board.row(MOBILE));
        assertEquals("2.00×", mobile.text(), "20.60 / 10.30, told apart: no ≈");
        assertEquals(1, mobile.colour(), 0.01, "log2(2.00) = 1: full orange");
        double[] ci = board.latencyRanking(MOBILE).interval(MOBILE, EARLY);
        assertTrue(ci[0] > 1 && ci[0] < 2 && ci[1] > 2, ci[0] + "–" + ci[1]);
        assertEquals(String.format(java.util.Locale.ROOT, "%.2f–%.2f×", ci[0], ci[1]), mobile.interval());
        // the two identical networks' ratio interval holds 1
        double[] same = board.latencyRanking(MID).interval(MID, EARLY);
        assertTrue(same[0] < 1 && same[1] > 1, same[0] + "–" + same[1]);
    }

    @Test
    void resolutionIsStatedForFivePerCent() throws IOException {
        Ranking ranks = board().latencyRanking(EARLY);
        // forks spread about 3 % (10.0, 10.6, 10.3): a 5 % difference is rarely called with three forks and six pairs
        double r = ranks.resolution();
        assertTrue(r > 0 && r < 0.5, "resolution " + r);
        assertTrue(Double.isNaN(Ranking.latencyOf(List.of()).resolution()), "nothing compared: unknown");
        assertTrue(BoardText.precision(board()).contains("pairs 5 % apart are told apart in"), BoardText.precision(board()));
    }

    @Test
    void aTenfoldGapIsToldApart() throws IOException {
        Ranking ranks = board(sample(EARLY, 1.0, 1.1, 0.9), sample(MID, 10.0, 11.0, 9.0)).latencyRanking(EARLY);
        assertEquals(Map.of(EARLY, new RankInterval(1, 1), MID, new RankInterval(2, 2)), ranks.ranks());
        double[] ci = ranks.interval(MID, EARLY);
        assertTrue(ci[0] > 5 && ci[1] < 20, ci[0] + "–" + ci[1]);
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
        for (ModelRef k : List.of(EARLY, MID, LATE)) {
            ReportFixtures.run(t, k.label(), "synthetic", "blockzoo", 0, 0.80, 0.90);
        }
        ReportFixtures.run(t, MOBILE.label(), "synthetic", "blockzoo", 0, 0.70, 0.75);
        Leaderboard lb = LeaderboardBuilder.build(LeaderboardInputs.load(t.manifest(), t.analysis(), t.jmh(), t.training()),
                LeaderboardSettings.defaults(), k -> !k.isFile() && !ComparisonGroup.of(k).equals(ComparisonGroup.GWO_NETWORKS));
        assertEquals(1, lb.boards().size());
        return lb.boards().get(0);
    }

    /** Three forks of SampleTime histograms, each centred on its fork median with ±2 % spread. */
    private static String sample(ModelRef model, double... forkMedians) {
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
