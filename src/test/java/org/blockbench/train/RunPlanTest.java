package org.blockbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.blockbench.bench.Shard;
import org.junit.jupiter.api.Test;

/** The (model, seed) plan that {@code train --shard} and {@code fidelity --shard} share. */
class RunPlanTest {

    private static final List<String> MODELS = List.of("A/late", "B/late", "C/late");
    private static final List<Long> SEEDS = List.of(0L, 1L);

    @Test
    void shardsTogetherAreThePlanEachRunOnce() {
        RunPlan<String> whole = RunPlan.of(MODELS, SEEDS, Shard.ALL);
        assertEquals(List.of(new RunPlan.Run<>("A/late", 0), new RunPlan.Run<>("A/late", 1), new RunPlan.Run<>("B/late", 0),
                new RunPlan.Run<>("B/late", 1), new RunPlan.Run<>("C/late", 0), new RunPlan.Run<>("C/late", 1)), whole.mine());
        List<RunPlan.Run<String>> union = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            union.addAll(RunPlan.of(MODELS, SEEDS, new Shard(i, 4)).mine());
        }
        assertEquals(whole.all().size(), union.size());
        assertEquals(new java.util.HashSet<>(whole.all()), new java.util.HashSet<>(union));
    }

    @Test
    void seedsOfAModelAreThisShardsOnly() {
        RunPlan<String> second = RunPlan.of(MODELS, SEEDS, new Shard(1, 2));
        assertEquals(List.of(1L), second.seeds(MODELS.get(0)));
        assertEquals(List.of(1L), second.seeds(MODELS.get(2)));
        assertEquals("shard 1/2: 3 of 6 runs", second.describe());
        RunPlan<String> fifth = RunPlan.of(MODELS, SEEDS, new Shard(4, 5));
        assertEquals(List.of(0L), fifth.seeds(MODELS.get(2)));
        assertEquals(List.of(), fifth.seeds(MODELS.get(0)));
        assertEquals(SEEDS, RunPlan.of(MODELS, SEEDS, Shard.ALL).seeds(MODELS.get(1)));
    }
}
