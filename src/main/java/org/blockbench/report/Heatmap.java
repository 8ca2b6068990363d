package org.blockbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.blockbench.zoo.Position;

/**
 * One {@link HeatmapMetric} on one board: blocks (rows, catalogue order) × the positions that
 * have a value (columns, early → late). A cell without a value is null.
 *
 * @param metric    what is drawn
 * @param blocks    the blocks, in board order
 * @param positions the positions, early → late
 * @param cells     per block, per position, the value or null
 */
public record Heatmap(HeatmapMetric metric, List<String> blocks, List<String> positions,
                      Map<String, Map<String, HeatmapMetric.Value>> cells) {

    public Heatmap {
        blocks = List.copyOf(blocks);
        positions = List.copyOf(positions);
    }

    /** The cell of a block at a position, or null. */
    public HeatmapMetric.Value cell(String block, String position) {
        return cells.getOrDefault(block, Map.of()).get(position);
    }

    /** The board's heatmaps of {@code metrics}, those with at least one value. */
    public static List<Heatmap> of(DatasetBoard board, List<HeatmapMetric> metrics) {
        List<Heatmap> out = new ArrayList<>();
        for (HeatmapMetric m : metrics) {
            Map<String, Map<String, HeatmapMetric.Value>> cells = new LinkedHashMap<>();
            List<String> positions = new ArrayList<>();
            for (LeaderboardRow r : board.rows()) {
                if (!r.model().isScaffold()) {
                    continue;
                }
                HeatmapMetric.Value v = m.value().apply(board, r);
                cells.computeIfAbsent(r.model().block(), b -> new LinkedHashMap<>()).put(r.model().position(), v);
                if (v != null && !positions.contains(r.model().position())) {
                    positions.add(r.model().position());
                }
            }
            if (positions.isEmpty()) {
                continue;
            }
            positions.sort(java.util.Comparator.comparingInt(p -> Position.ids().indexOf(p)));
            cells.values().removeIf(byPos -> byPos.values().stream().allMatch(v -> v == null));
            out.add(new Heatmap(m, new ArrayList<>(cells.keySet()), positions, cells));
        }
        return out;
    }
}
