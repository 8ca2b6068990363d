package org.blockbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.blockbench.train.FidelityResult;
import org.blockbench.train.TrainingProtocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The board says when its accuracies come from the quick protocol, with the fidelity figure or its absence. */
class TrainingProtocolLineTest {

    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Two quick-protocol seeds of ResNetBasicBlock/early on "quick", nothing else. */
    private ReportFixtures.Tree tree() throws Exception {
        ReportFixtures.Tree t = ReportFixtures.write(dir);
        for (long seed : new long[] {0, 1}) {
            ReportFixtures.run(t, "ResNetBasicBlock/early", "quick", "blockzoo", seed, 0.4 + 0.1 * seed, 0.5);
            Path f = t.training().resolve("ResNetBasicBlock/early/blockzoo-quick/seed-" + seed + "/run.json");
            ObjectNode r = (ObjectNode) JSON.readTree(f.toFile());
            r.set("scaffold", JSON.readTree("{\"base_channels\": 16, \"blocks_per_stage\": 1, \"full_size\": false}"));
            Files.writeString(f, r.toString());
        }
        return t;
    }

    private static DatasetBoard board(ReportFixtures.Tree t, String dataset) {
        Leaderboard lb = LeaderboardBuilder.build(LeaderboardInputs.load(t.manifest(), t.analysis(), t.jmh(), t.training()),
                LeaderboardSettings.defaults(), k -> true);
        return lb.boards().stream().filter(b -> b.dataset().equals(dataset)).findFirst().orElseThrow();
    }

    @Test
    void quickRunsGetTheProtocolLineAndFullSizeRunsNone() throws Exception {
        ReportFixtures.Tree t = tree();
        DatasetBoard quick = board(t, "quick");
        assertTrue(quick.protocol().startsWith("quick protocol: base_channels=16, blocks/stage=1, 3 epochs of 512 quick"
                + " training images, 2 seeds per model — not the published protocol"), quick.protocol());
        assertTrue(quick.protocol().endsWith("; fidelity not measured (blockbench fidelity writes "
                + dir.resolve("fidelity/fidelity.json") + ")"), quick.protocol());
        assertEquals("", board(t, "cifar10").protocol());
        String md = new String(new LeaderboardMarkdown().render(LeaderboardBuilder.build(LeaderboardInputs.load(t.manifest(),
                t.analysis(), t.jmh(), t.training()), LeaderboardSettings.defaults(), k -> true)), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(md.contains("**Training protocol:** quick protocol: base\\_channels=16"), md);
    }

    @Test
    void aFidelityResultBesideTheTrainingDirectoryIsStated() throws Exception {
        ReportFixtures.Tree t = tree();
        // quick ranks a > b > c, long a > c > b: ρ = 1 − 6·2/(3·8) = 0.5
        FidelityResult f = FidelityResult.of(TrainingProtocol.QUICK, TrainingProtocol.LONG, "synthetic", List.of(0L, 1L),
                Map.of("a", List.of(0.50, 0.54), "b", List.of(0.40, 0.44), "c", List.of(0.30, 0.34)),
                Map.of("a", List.of(0.70, 0.70), "b", List.of(0.50, 0.50), "c", List.of(0.60, 0.60)));
        f.write(dir.resolve("fidelity/fidelity.json"));
        String line = board(t, "quick").protocol();
        assertTrue(line.contains("; fidelity: Spearman ρ 0.50 between the quick and a longer, wider protocol's ranking of"
                + " 3 models, seed-to-seed std 2.8 vs 10.0 points between models"), line);
    }

    /** Two runs of ResNetBasicBlock/early on {@code dataset} as {@link TrainingProtocol#QUICK} trains them, or with {@code epochs}. */
    private ReportFixtures.Tree quickRuns(String dataset, int epochs) throws Exception {
        ReportFixtures.Tree t = ReportFixtures.write(dir);
        for (long seed : new long[] {0, 1}) {
            ReportFixtures.run(t, "ResNetBasicBlock/early", dataset, "blockzoo", seed, 0.6 + 0.01 * seed, 0.7);
            Path f = t.training().resolve("ResNetBasicBlock/early/blockzoo-" + dataset + "/seed-" + seed + "/run.json");
            ObjectNode r = (ObjectNode) JSON.readTree(f.toFile());
            r.set("scaffold", JSON.readTree("{\"base_channels\": 16, \"blocks_per_stage\": 1, \"full_size\": false}"));
            ((ObjectNode) r.get("dataset")).put("train_size", 2048).put("val_size", 2048);
            com.fasterxml.jackson.databind.node.ArrayNode all = (com.fasterxml.jackson.databind.node.ArrayNode) r.get("epochs");
            while (all.size() > epochs) {
                all.remove(0);
            }
            Files.writeString(f, r.toString());
        }
        return t;
    }

    @Test
    void withoutAFidelityFileTheBoardStatesTheBundledOneOfItsProtocolAndDataset() throws Exception {
        FidelityResult bundled = FidelityResult.reference("fashion-mnist").orElseThrow();
        assertEquals(TrainingProtocol.QUICK.describe("fashion-mnist"), bundled.quick());
        String line = board(quickRuns("fashion-mnist", 1), "fashion-mnist").protocol();
        assertTrue(line.contains(String.format(java.util.Locale.ROOT, "; fidelity: Spearman ρ %.2f between the quick and a longer,"
                + " wider protocol's ranking of %d models", bundled.spearmanRho(), bundled.models().size())), line);
        assertTrue(line.contains("for this protocol on fashion-mnist, bundled with BlockBench, docs/accuracy.md; blockbench"
                + " fidelity writes " + dir.resolve("fidelity/fidelity.json") + " to measure it here)"), line);
    }

    @Test
    void anotherProtocolOrADatasetWithoutOneIsNotMeasured() throws Exception {
        assertTrue(board(quickRuns("fashion-mnist", 2), "fashion-mnist").protocol().contains("; fidelity not measured"));
        assertTrue(FidelityResult.reference("quick").isEmpty());
        assertTrue(FidelityResult.reference("../fashion-mnist").isEmpty());
    }
}
