package org.blockbench.report;

import java.util.List;
import java.util.Map;

/**
 * The leaderboard of one dataset.
 *
 * @param dataset   dataset name ("none" when no training results were given)
 * @param rows      one row per model, catalogue order
 * @param blocks    per block over its scaffold positions
 * @param frontiers per axis, the Pareto-optimal models (accuracy up, cost down), by cost
 * @param events    the event rankings
 */
public record DatasetBoard(String dataset, List<LeaderboardRow> rows, List<BlockSummary> blocks,
                           Map<Axis, List<ModelKey>> frontiers, List<EventRanking> events) {

    public DatasetBoard {
        rows = List.copyOf(rows);
        blocks = List.copyOf(blocks);
        frontiers = Map.copyOf(frontiers);
        events = List.copyOf(events);
    }
}
