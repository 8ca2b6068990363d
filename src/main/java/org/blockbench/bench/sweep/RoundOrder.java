package org.blockbench.bench.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.blockbench.bench.SweepSelection.PlannedConfig;

/**
 * The order in which one round of a sweep measures its configs. The board compares models at one
 * position, and the machine's speed drifts over minutes (on a shared 2-core VM by up to 1.6×
 * between two rounds, measured), so the configs of one position are measured back to back: each
 * round is one block per position, in which every config has one fork close in time to the
 * others'. The report's latency ranking takes each (position, round) as a block and removes its
 * effect ({@code stats.PairwiseComparisons#blocked}). Inside a block the order is shuffled anew
 * each round (a seeded randomised complete block design), so that no config is always first
 * after a position change; even rounds take the positions in reverse (ABBA), so that a slow
 * drift over the sweep adds alike to every position.
 */
final class RoundOrder {

    private RoundOrder() {
    }

    /** Round {@code round} (from 1) of {@code plan}: its configs grouped by position, each group shuffled. */
    static List<PlannedConfig> of(List<PlannedConfig> plan, int round) {
        Map<String, List<PlannedConfig>> byPosition = new LinkedHashMap<>();
        for (PlannedConfig p : plan) {
            byPosition.computeIfAbsent(p.model().position(), k -> new ArrayList<>()).add(p);
        }
        List<List<PlannedConfig>> groups = new ArrayList<>(byPosition.values());
        if (round % 2 == 0) {
            Collections.reverse(groups);
        }
        List<PlannedConfig> order = new ArrayList<>(plan.size());
        for (List<PlannedConfig> g : groups) {
            List<PlannedConfig> shuffled = new ArrayList<>(g);
            // seeded by round and position alone: a resumed or repeated sweep measures in the same order
            Collections.shuffle(shuffled, new Random(31L * round + g.get(0).model().position().hashCode()));
            order.addAll(shuffled);
        }
        return order;
    }
}
