package org.blockbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.blockbench.gwo.GwoTier;
import org.blockbench.stats.Stats;

/**
 * Aggregates rows per block over the scaffold positions (early, mid, late). GWO networks and
 * users' files are networks of their own, not positions of a block, and are not aggregated.
 */
final class BlockSummaries {

    private BlockSummaries() {
    }

    static List<BlockSummary> of(List<LeaderboardRow> rows) {
        Map<String, List<LeaderboardRow>> byBlock = new LinkedHashMap<>();
        for (LeaderboardRow r : rows) {
            if (r.model().isScaffold()) {
                byBlock.computeIfAbsent(r.model().block(), b -> new ArrayList<>()).add(r);
            }
        }
        List<BlockSummary> out = new ArrayList<>();
        for (Map.Entry<String, List<LeaderboardRow>> e : byBlock.entrySet()) {
            List<LeaderboardRow> rs = e.getValue();
            Map<String, Double> accByPos = new LinkedHashMap<>();
            String best = "";
            double bestAcc = Double.NEGATIVE_INFINITY;
            for (LeaderboardRow r : rs) {
                if (r.accuracyPercent() != null) {
                    accByPos.put(r.model().position(), r.accuracyPercent());
                    if (r.accuracyPercent() > bestAcc) {
                        bestAcc = r.accuracyPercent();
                        best = r.model().position();
                    }
                }
            }
            Double scoreMean = mean(rs, r -> r.gwoScore() == null ? null : r.gwoScore().score());
            out.add(new BlockSummary(e.getKey(), rs.stream().map(r -> r.model().position()).toList(), accByPos,
                    accByPos.isEmpty() ? null : Stats.of(accByPos.values()), best, mean(rs, Axis.LATENCY::of), mean(rs, Axis.MACS::of),
                    mean(rs, r -> r.trainableParams() == null ? null : r.trainableParams().doubleValue()), mean(rs, Axis.MEMORY::of),
                    scoreMean, scoreMean == null ? null : GwoTier.of(scoreMean)));
        }
        return out;
    }

    private static Double mean(List<LeaderboardRow> rows, Function<LeaderboardRow, Double> f) {
        List<Double> v = rows.stream().map(f).filter(Objects::nonNull).toList();
        return v.isEmpty() ? null : v.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
