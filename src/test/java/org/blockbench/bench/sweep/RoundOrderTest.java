package org.blockbench.bench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.blockbench.bench.BenchConfig;
import org.blockbench.bench.jmh.ModelEntry;
import org.blockbench.bench.SweepSelection.PlannedConfig;
import org.blockbench.model.ModelRef;
import org.blockbench.ort.OptimizationLevel;
import org.blockbench.ort.Provider;
import org.blockbench.zoo.Form;
import org.junit.jupiter.api.Test;

/**
 * A round measures one position's configs back to back, every config once, in an order shuffled
 * per round and repeated exactly by a resumed sweep; even rounds take the positions in reverse.
 */
class RoundOrderTest {

    @Test
    void positionsStayTogetherEveryConfigOnceAndTheOrderIsSeeded() {
        List<PlannedConfig> plan = new ArrayList<>();
        for (String block : List.of("A", "B", "C", "D", "E", "F")) {
            for (String position : List.of("early", "mid", "late")) {
                plan.add(planned(block, position));
            }
        }
        List<PlannedConfig> first = RoundOrder.of(plan, 1);
        assertEquals(plan.size(), first.size());
        assertEquals(new java.util.HashSet<>(plan), new java.util.HashSet<>(first));
        assertEquals(List.of("early", "mid", "late"), positionRuns(first));
        assertEquals(List.of("late", "mid", "early"), positionRuns(RoundOrder.of(plan, 2)));
        assertEquals(first, RoundOrder.of(plan, 1), "the same round is ordered the same way again");
        assertNotEquals(first.subList(0, 6), plan.stream().filter(p -> p.model().position().equals("early")).toList(),
                "shuffled within the position");
        assertNotEquals(first.subList(0, 6), RoundOrder.of(plan, 3).subList(0, 6), "a new shuffle each round");
    }

    /** The positions in the order their runs of consecutive configs come. */
    private static List<String> positionRuns(List<PlannedConfig> order) {
        List<String> runs = new ArrayList<>();
        for (PlannedConfig p : order) {
            if (runs.isEmpty() || !runs.get(runs.size() - 1).equals(p.model().position())) {
                runs.add(p.model().position());
            }
        }
        return runs;
    }

    private static PlannedConfig planned(String block, String position) {
        String id = block + "/" + position;
        ModelEntry entry = new ModelEntry(ModelRef.of(block, position), Map.of(), Path.of("manifest.json"), Map.of());
        return new PlannedConfig(new BenchConfig(id, Form.DEPLOY, 1, Provider.CPU, 1, OptimizationLevel.ALL), entry);
    }
}
