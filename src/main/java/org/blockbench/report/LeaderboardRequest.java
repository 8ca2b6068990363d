package org.blockbench.report;

import java.nio.file.Path;
import java.util.List;
import org.blockbench.zoo.build.ZooSelection;

/**
 * Everything one leaderboard is made from, and where it goes: what {@code blockbench leaderboard}
 * and the last step of {@code run} ask {@link LeaderboardJob} for.
 *
 * @param manifest       the export manifest ({@code onnx-models/manifest.json})
 * @param analysis       the static analysis file ({@code onnx-models/analysis.json})
 * @param jmhResults     the directory of JMH results
 * @param training       the directory of training runs
 * @param overhead       the reports of {@code overhead --breakdown} (missing: no breakdown)
 * @param importAccuracy accuracy files of other tools, shown apart from measured accuracy
 * @param settings       alpha, targets and the latency configuration shown
 * @param selection      the models on the board: {@link ZooSelection#all()} is every model, users' files included
 * @param out            the directory written
 */
public record LeaderboardRequest(Path manifest, Path analysis, Path jmhResults, Path training, Path overhead,
                                 List<Path> importAccuracy, LeaderboardSettings settings, ZooSelection selection, Path out) {

    public LeaderboardRequest {
        importAccuracy = List.copyOf(importAccuracy);
    }
}
