package org.blockbench.report;

import org.blockbench.model.ModelRef;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.blockbench.gwo.GwoTier;
import org.blockbench.report.EventRanking.Event;
import org.blockbench.zoo.BuiltModel;
import org.blockbench.zoo.Form;
import org.blockbench.zoo.ModelId;
import org.blockbench.zoo.ScaffoldConfig;
import org.blockbench.zoo.build.Zoo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The merge of the fixture inputs, checked against values worked out by hand. */
class LeaderboardBuilderTest {

    @TempDir
    Path dir;

    Leaderboard lb;

    @BeforeEach
    void build() throws Exception {
        ReportFixtures.Tree t = ReportFixtures.write(dir);
        lb = LeaderboardBuilder.build(LeaderboardInputs.load(t.manifest(), t.analysis(), t.jmh(), t.training()),
                LeaderboardSettings.defaults(), k -> true);
    }

    private DatasetBoard board(String dataset) {
        return lb.boards().stream().filter(b -> b.dataset().equals(dataset)).findFirst().orElseThrow();
    }

    private static LeaderboardRow row(DatasetBoard b, String label) {
        return b.rows().stream().filter(r -> r.model().label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void oneBoardPerDatasetWithEveryModel() {
        assertEquals(List.of("cifar10", "synthetic"), lb.boards().stream().map(DatasetBoard::dataset).toList());
        assertEquals(List.of("ResNetBasicBlock/early", "ResNetBasicBlock/mid", "ResNetBasicBlock/late", "MobileOneBlock/early",
                "MobileOneBlock/late", "StandardConv/gwo-net", "DeformableConv/gwo-net", "DepthwiseConv/gwo-net"),
                board("synthetic").rows().stream().map(r -> r.model().label()).toList());
    }

    @Test
    void gwoBaselinesReproduceThePublishedScores() {
        DatasetBoard c = board("cifar10");
        assertEquals(990.14, row(c, "StandardConv/gwo-net").gwoScore().score(), 0.005);
        assertEquals(6.00, row(c, "StandardConv/gwo-net").omega(), 0.0005);
        assertEquals(GwoTier.B, row(c, "StandardConv/gwo-net").gwoScore().tier());
        assertEquals(771.40, row(c, "DeformableConv/gwo-net").gwoScore().score(), 0.005);
        assertEquals(8.003, row(c, "DeformableConv/gwo-net").omega(), 0.0005);
        assertEquals(3114, row(c, "DeformableConv/gwo-net").gwo().dynamicParams());
        assertEquals(GwoTier.C, row(c, "DeformableConv/gwo-net").gwoScore().tier());
        assertEquals(681.67, row(c, "DepthwiseConv/gwo-net").gwoScore().score(), 0.005);
        assertEquals(GwoTier.C, row(c, "DepthwiseConv/gwo-net").gwoScore().tier());
        assertTrue(row(c, "StandardConv/gwo-net").gwoScoreStd().isNaN(), "one seed: no spread");
    }

    @Test
    void mergedFiguresAndMissingCells() {
        DatasetBoard s = board("synthetic");
        LeaderboardRow early = row(s, "ResNetBasicBlock/early");
        assertEquals(4_505_866L, early.trainableParams());
        assertEquals(556_000_000L, early.cost().macs());
        assertEquals(18_000_000 / ReportFixtures.MIB + 2, Axis.MEMORY.of(early), 1e-9);
        assertEquals(1.625, early.latency().meanMs(), 0);
        assertEquals(81.0, early.accuracyPercent(), 1e-9);
        assertEquals(Math.sqrt(2), early.accuracy().valAccuracyPercent().sampleStandardDeviation(), 1e-9);
        assertEquals(91.0, early.accuracy().trainAccuracyPercent().mean(), 1e-9);
        BuiltModel built = Zoo.build(new ModelId("ResNetBasicBlock", "early"), Form.TRAIN, ScaffoldConfig.defaults());
        double omega = built.descriptiveComplexity() + built.dynamicParams() / 1e6;
        assertEquals(100 * 81.0 / (1 + omega), early.gwoScore().score(), 1e-9);
        assertEquals(100 * Math.sqrt(2) / (1 + omega), early.gwoScoreStd(), 1e-9);

        LeaderboardRow late = row(s, "ResNetBasicBlock/late");
        assertNull(late.latency(), "no JMH result");
        assertNull(late.accuracy(), "never trained");
        assertNull(late.gwoScore());
        assertEquals("deploy", late.cost().form(), "deploy form preferred over train");
        assertEquals(556_000_000L, late.cost().macs());
        assertEquals("unknown", late.compliance().verdict());
        assertTrue(late.compliance().reasons().contains("latency not measured"));

        LeaderboardRow mobileLate = row(s, "MobileOneBlock/late");
        assertNull(mobileLate.latency(), "measured at batch 8 only, the board shows batch 1");
        assertNull(mobileLate.cost(), "not analysed");
        assertTrue(lb.notes().stream().anyMatch(n -> n.startsWith("1 model(s) have JMH results, but none with")), lb.notes().toString());
    }

    @Test
    void paretoFrontiers() {
        DatasetBoard s = board("synthetic");
        // latency: D (0.5 ms, 72 %), A (1.625, 81), B (3.0, 85). Nothing here is told apart, so nothing is dominated
        // (docs/report.md §Ranks): D was measured in AverageTime and A and B in SampleTime (not the same statistic), B
        // has one fork; in accuracy B has one seed, and A and D differ by exactly 10 points at both shared seeds (no
        // spread, no evidence). By the plain numbers none would dominate another either.
        assertEquals(List.of("MobileOneBlock/early", "ResNetBasicBlock/early", "ResNetBasicBlock/mid"),
                labels(s.frontier(ComparisonGroup.BLOCKS, Axis.LATENCY)));
        assertEquals(List.of("MobileOneBlock/early", "ResNetBasicBlock/early", "ResNetBasicBlock/mid"),
                Pareto.frontier(s.rows().stream().filter(r -> ComparisonGroup.of(r.model()) == ComparisonGroup.BLOCKS).toList(),
                        Axis.LATENCY).stream().map(r -> r.model().label()).toList());
        Ranking accuracy = s.accuracyRanking(ModelRef.of("ResNetBasicBlock", "early"));
        assertEquals(3, accuracy.pairs());
        assertEquals(0, accuracy.separated());
        // MACs are exact: D costs fewer MACs than A and B and is not significantly less accurate, so D dominates both
        // (significantly better in one metric, not significantly worse in the other); by plain values A and B's higher
        // accuracy keeps B on the frontier
        assertEquals(List.of("MobileOneBlock/early"), labels(s.frontier(ComparisonGroup.BLOCKS, Axis.MACS)));
        assertEquals(List.of("MobileOneBlock/early", "ResNetBasicBlock/mid"), Pareto.frontier(s.rows().stream()
                .filter(r -> ComparisonGroup.of(r.model()) == ComparisonGroup.BLOCKS).toList(), Axis.MACS).stream()
                .map(r -> r.model().label()).toList());
        assertEquals(Map.of(Axis.LATENCY, true, Axis.MACS, false, Axis.MEMORY, false), row(s, "ResNetBasicBlock/early").pareto());
        assertEquals(Map.of(), row(s, "ResNetBasicBlock/late").pareto(), "no accuracy: on no plot");
        // the GWO networks form their own group; one fork and one seed each: none is told apart from another
        DatasetBoard c = board("cifar10");
        assertEquals(List.of("StandardConv/gwo-net", "DepthwiseConv/gwo-net", "DeformableConv/gwo-net"),
                labels(c.frontier(ComparisonGroup.GWO_NETWORKS, Axis.LATENCY)));
        assertEquals(List.of(), c.frontier(ComparisonGroup.BLOCKS, Axis.LATENCY), "no scaffold model has a cifar10 accuracy");
    }

    @Test
    void eventRankings() {
        DatasetBoard s = board("synthetic");
        EventRanking sprint = event(s, Event.LATENCY_SPRINT);
        // ranked by p90 where SampleTime gives one (A 2.5, B 3.0), else mean (D 0.5)
        assertEquals(List.of("MobileOneBlock/early", "ResNetBasicBlock/early", "ResNetBasicBlock/mid"),
                sprint.entries().stream().filter(EventRanking.Entry::compliant).map(e -> e.model().label()).toList());
        assertEquals(List.of(1, 2, 3), sprint.entries().stream().filter(EventRanking.Entry::compliant).map(EventRanking.Entry::rank).toList());
        EventRanking.Entry unranked = sprint.entries().get(3);
        assertNull(unranked.rank());
        assertEquals("StandardConv/gwo-net", unranked.model().label());
        assertEquals("accuracy not measured", unranked.note());

        assertEquals(List.of("ResNetBasicBlock/mid", "ResNetBasicBlock/early", "MobileOneBlock/early"),
                event(s, Event.ACCURACY_CONTEST).entries().stream().map(e -> e.model().label()).toList());
        // places: D 1+1+3 = 5, A 2+2+2 = 6, B 3+3+1 = 7
        EventRanking all = event(s, Event.ALL_AROUND);
        assertEquals(List.of("MobileOneBlock/early", "ResNetBasicBlock/early", "ResNetBasicBlock/mid"),
                all.entries().stream().map(e -> e.model().label()).toList());
        assertEquals(List.of(5.0, 6.0, 7.0), all.entries().stream().map(EventRanking.Entry::value).toList());
    }

    @Test
    void targetsDecideCompliance() throws Exception {
        ReportFixtures.Tree t = ReportFixtures.write(dir.resolve("again"));
        Leaderboard strict = LeaderboardBuilder.build(LeaderboardInputs.load(t.manifest(), t.analysis(), t.jmh(), t.training()),
                new LeaderboardSettings(1.0, new Targets(82, 2.6, 15), LatencySelection.defaults()), k -> true);
        DatasetBoard s = strict.boards().get(1);
        assertEquals("no: accuracy 81.00% < 82.00%; memory 19.17 MiB > 15.00 MiB", row(s, "ResNetBasicBlock/early").compliance().describe());
        assertEquals("no: latency p90 3.000 ms > 2.600 ms; memory 19.17 MiB > 15.00 MiB",
                row(s, "ResNetBasicBlock/mid").compliance().describe());
        EventRanking contest = event(s, Event.ACCURACY_CONTEST);
        assertEquals("MobileOneBlock/early", contest.entries().get(0).model().label());
        assertEquals(1, contest.entries().get(0).rank());
        assertFalse(contest.entries().get(1).compliant());
    }

    @Test
    void blocksOverPositions() {
        BlockSummary rbb = board("synthetic").blocks().get(0);
        assertEquals("ResNetBasicBlock", rbb.block());
        assertEquals(List.of("early", "mid", "late"), rbb.positions());
        assertEquals(Map.of("early", 81.0, "mid", 85.0), rbb.accuracyByPosition());
        assertEquals(83.0, rbb.accuracyOverPositions().mean(), 1e-9);
        assertEquals(Math.sqrt(8), rbb.accuracyOverPositions().sampleStandardDeviation(), 1e-9);
        assertEquals("mid", rbb.bestPosition());
        assertEquals((1.625 + 3.0) / 2, rbb.latencyMeanMs(), 1e-12);
        assertEquals(List.of("ResNetBasicBlock", "MobileOneBlock"), board("synthetic").blocks().stream().map(BlockSummary::block).toList(),
                "GWO networks are not positions of a block");
    }

    /** A user's ONNX file goes through the same merge: benchmarked, analysed here, trained, scored from its sidecar. */
    @Test
    void usersOnnxFileIsRankedLikeTheZoo() throws Exception {
        ReportFixtures.Tree t = ReportFixtures.write(dir.resolve("user"));
        BuiltModel net = Zoo.build(new ModelId("StandardConv", ModelId.GWO_NETWORK), Form.DEPLOY, ScaffoldConfig.defaults());
        Path onnx = t.root().resolve("mine/tiny.onnx");
        java.nio.file.Files.createDirectories(onnx.getParent());
        org.blockbench.onnx.OnnxModelFile.write(onnx, net.model());
        java.nio.file.Files.writeString(onnx.resolveSibling("tiny.gwo.json"), "{\"format\": \"blockbench-gwo/1\", \"instances\": 2,"
                + " \"operations\": [{\"name\": \"conv\", \"primitives\": [\"STATIC_SLIDING\", \"DENSE_SQUARE\", \"SHARED_KERNEL\"]}]}");
        java.nio.file.Files.writeString(t.jmh().resolve("user.json"), "[" + ReportFixtures.sample(onnx.toString(), 1, "ms/op", 0.25,
                0.25, new double[][][] {{{0.25, 4}}}) + "]");
        ReportFixtures.run(t, onnx.toString(), "cifar10", "gwo", 0, 0.6931, 0.7);
        Leaderboard board = LeaderboardBuilder.build(LeaderboardInputs.load(t.manifest(), t.analysis(), t.jmh(), t.training()),
                LeaderboardSettings.defaults(), k -> true);
        LeaderboardRow mine = row(board.boards().get(0), "tiny");
        assertTrue(mine.model().isFile());
        assertEquals(0.25, mine.latency().meanMs(), 0);
        // conv 3->16 k3 on 30x30 + conv 16->32 k3 on 13x13 + Linear 1152->120, 120->84, 84->10
        assertEquals(16L * 30 * 30 * 3 * 9 + 32L * 13 * 13 * 16 * 9 + 1152 * 120 + 120 * 84 + 84 * 10, mine.cost().macs());
        assertEquals(net.trainableParams(), mine.trainableParams(), "from the analysis of the file");
        assertEquals(990.14, mine.gwoScore().score(), 0.005, "C_D 6 from the sidecar, as the GWO StandardConv network");
    }

    private static EventRanking event(DatasetBoard b, Event e) {
        return b.events().stream().filter(x -> x.event() == e).findFirst().orElseThrow();
    }

    private static List<String> labels(List<ModelRef> keys) {
        return keys.stream().map(ModelRef::label).toList();
    }
}
