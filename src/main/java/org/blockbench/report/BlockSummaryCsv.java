package org.blockbench.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.blockbench.zoo.Position;

/** {@code leaderboard-blocks.csv}: each block aggregated over its scaffold positions, per dataset. */
final class BlockSummaryCsv implements LeaderboardFormat {

    static final List<String> COLUMNS = List.of("dataset", "block", "positions", "val_accuracy_pct_early",
            "val_accuracy_pct_mid", "val_accuracy_pct_late", "val_accuracy_pct_mean_over_positions",
            "val_accuracy_pct_std_over_positions", "best_position", "latency_mean_ms", "macs_mean", "params_trainable_mean",
            "memory_mib_mean", "gwo_score_mean", "gwo_tier_of_mean");

    @Override
    public byte[] render(Leaderboard lb) {
        CsvTable t = new CsvTable(COLUMNS);
        for (DatasetBoard b : lb.boards()) {
            for (BlockSummary s : b.blocks()) {
                List<Object> c = new ArrayList<>();
                c.add(b.dataset());
                c.add(s.block());
                c.add(String.join(" ", s.positions()));
                for (Position p : Position.values()) {
                    c.add(s.accuracyByPosition().get(p.id()));
                }
                c.add(s.accuracyOverPositions() == null ? "" : s.accuracyOverPositions().mean());
                c.add(s.accuracyOverPositions() == null ? "" : s.accuracyOverPositions().sampleStandardDeviation());
                c.add(s.bestPosition());
                c.add(s.latencyMeanMs());
                c.add(s.macsMean());
                c.add(s.paramsMean());
                c.add(s.memoryMeanMiB());
                c.add(s.scoreMean());
                c.add(s.tierOfMeanScore() == null ? "" : s.tierOfMeanScore().name());
                t.add(c);
            }
        }
        return t.render().getBytes(StandardCharsets.UTF_8);
    }
}
