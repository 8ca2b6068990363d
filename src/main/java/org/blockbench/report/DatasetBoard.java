package org.blockbench.report;

import org.blockbench.model.ModelRef;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The leaderboard of one dataset.
 *
 * @param dataset   dataset name ("none" when no training results were given)
 * @param rows      one row per model, catalogue order
 * @param blocks    per block over its scaffold positions
 * @param frontiers per comparison group and axis, the Pareto-optimal models (accuracy up, cost down)
 * @param events    the event rankings
 * @param latencyRanks per comparison group, the latency ranking with rank intervals ({@link Ranking#latency})
 * @param accuracyRanks per comparison group, the accuracy ranking with rank intervals ({@link Ranking#accuracy})
 * @param protocol  the training protocol line when the accuracies are not the published protocol's
 *                  (docs/protocol.md §Quick protocol), with the fidelity figure; "" otherwise
 */
public record DatasetBoard(String dataset, List<LeaderboardRow> rows, List<BlockSummary> blocks,
                           List<Frontier> frontiers, List<EventRanking> events, Map<ComparisonGroup, Ranking> latencyRanks,
                           Map<ComparisonGroup, Ranking> accuracyRanks, String protocol) {

    public DatasetBoard {
        rows = List.copyOf(rows);
        blocks = List.copyOf(blocks);
        frontiers = List.copyOf(frontiers);
        events = List.copyOf(events);
        latencyRanks = latencyRanks.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(latencyRanks));
        accuracyRanks = accuracyRanks.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(accuracyRanks));
        protocol = protocol == null ? "" : protocol;
    }

    /** A board without rankings. */
    public DatasetBoard(String dataset, List<LeaderboardRow> rows, List<BlockSummary> blocks, List<Frontier> frontiers,
                        List<EventRanking> events) {
        this(dataset, rows, blocks, frontiers, events, Map.of(), Map.of(), "");
    }

    /** The latency ranking of the model's comparison group (empty when none was made). */
    public Ranking latencyRanking(ModelRef model) {
        return latencyRanks.getOrDefault(ComparisonGroup.of(model), Ranking.empty("latency"));
    }

    /** The accuracy ranking of the model's comparison group (empty when none was made). */
    public Ranking accuracyRanking(ModelRef model) {
        return accuracyRanks.getOrDefault(ComparisonGroup.of(model), Ranking.empty("accuracy"));
    }

    /** The row of a model, or null. */
    public LeaderboardRow row(ModelRef model) {
        return rows.stream().filter(r -> r.model().equals(model)).findFirst().orElse(null);
    }

    /** The frontier of a group against an axis (empty when no model of the group has both figures). */
    public List<ModelRef> frontier(ComparisonGroup group, Axis axis) {
        return frontiers.stream().filter(f -> f.group() == group && f.axis() == axis).findFirst().map(Frontier::models)
                .orElse(List.of());
    }

    /** The groups that have rows on this board, in order. */
    public List<ComparisonGroup> groups() {
        return java.util.Arrays.stream(ComparisonGroup.values())
                .filter(g -> rows.stream().anyMatch(r -> ComparisonGroup.of(r.model()) == g)).toList();
    }
}
