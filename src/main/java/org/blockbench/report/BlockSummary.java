package org.blockbench.report;

import java.util.List;
import java.util.Map;
import org.blockbench.gwo.GwoTier;
import org.blockbench.stats.Stats;

/**
 * One block aggregated over its scaffold positions (positional analysis). Means are over the
 * positions that have the figure; null when none has it.
 *
 * @param block                 block name
 * @param positions             positions present, early → late
 * @param accuracyByPosition    mean accuracy (percent) per position that has one
 * @param accuracyOverPositions mean ± std of the per-position accuracies
 * @param bestPosition          position with the highest accuracy ("" when none measured)
 * @param latencyMeanMs         mean of the per-position mean latencies
 * @param macsMean              mean MACs
 * @param paramsMean            mean trainable parameters
 * @param memoryMeanMiB         mean memory
 * @param scoreMean             mean GWO score
 * @param tierOfMeanScore       tier of the mean score
 */
public record BlockSummary(String block, List<String> positions, Map<String, Double> accuracyByPosition,
                           Stats accuracyOverPositions, String bestPosition, Double latencyMeanMs, Double macsMean,
                           Double paramsMean, Double memoryMeanMiB, Double scoreMean, GwoTier tierOfMeanScore) {

    public BlockSummary {
        positions = List.copyOf(positions);
        accuracyByPosition = Map.copyOf(accuracyByPosition);
    }
}
