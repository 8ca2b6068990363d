package org.blockbench.bench;

import org.blockbench.bench.jmh.ModelCatalog;
import org.blockbench.zoo.Form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.blockbench.BadInputException;
import org.junit.jupiter.api.Test;

class ShardTest {

    @Test
    void shardsPartitionThePlan() {
        List<Integer> plan = IntStream.range(0, 11).boxed().toList();
        for (int n = 1; n <= 5; n++) {
            List<Integer> union = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                union.addAll(new Shard(i, n).select(plan));
            }
            assertEquals(plan.size(), union.size(), "no config twice");
            assertEquals(new HashSet<>(plan), new HashSet<>(union), "every config once");
        }
        assertEquals(List.of(1, 4, 7, 10), new Shard(1, 3).select(plan));
    }

    @Test
    void parsesIndexSlashCount() {
        assertEquals(new Shard(2, 4), Shard.parse(" 2/4 "));
        assertEquals("shard must look like i/N (e.g. 0/4), found '2'", assertThrows(BadInputException.class, () -> Shard.parse("2")).getMessage());
        assertEquals("shard must be i/N with N >= 1 and 0 <= i < N, found 4/4",
                assertThrows(BadInputException.class, () -> Shard.parse("4/4")).getMessage());
        assertThrows(BadInputException.class, () -> Shard.parse("a/b"));
    }

    @Test
    void readsSlurmArraysIncludingOnesThatDoNotStartAtZero() {
        assertEquals(new Shard(3, 8), Shard.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "3", "SLURM_ARRAY_TASK_COUNT", "8")));
        assertEquals(new Shard(2, 4), Shard.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "7", "SLURM_ARRAY_TASK_COUNT", "4",
                "SLURM_ARRAY_TASK_MIN", "5")));
        BadInputException e = assertThrows(BadInputException.class, () -> Shard.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "3")));
        assertEquals("SLURM_ARRAY_TASK_ID=3 is set but SLURM_ARRAY_TASK_COUNT is not (a Slurm older than 18.08?): pass --shard i/N",
                e.getMessage());
    }

    @Test
    void readsKubernetesIndexedJobsWithTheCountGiven() {
        assertEquals(new Shard(1, 3), Shard.fromEnvironment(Map.of("JOB_COMPLETION_INDEX", "1", "BLOCKBENCH_SHARD_COUNT", "3")));
        BadInputException e = assertThrows(BadInputException.class, () -> Shard.fromEnvironment(Map.of("JOB_COMPLETION_INDEX", "1")));
        assertTrue(e.getMessage().contains("set BLOCKBENCH_SHARD_COUNT"), e.getMessage());
        assertEquals(Shard.ALL, Shard.fromEnvironment(Map.of()));
    }

    @Test
    void shardsOfARealPlanCoverItExactly(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        TinyModels.zoo(dir, List.of("A", "B", "C"), List.of("early", "late"));
        SweepSelection selection = new SweepSelection(List.of(), List.of(), List.of(Form.DEPLOY, Form.TRAIN), List.of(1, 4),
                List.of(org.blockbench.ort.Provider.CPU), List.of(1), List.of(org.blockbench.ort.OptimizationLevel.ALL));
        List<BenchConfig> plan = selection.plan(ModelCatalog.open(List.of(dir))).stream().map(SweepSelection.PlannedConfig::config).toList();
        assertEquals(3 * 2 * 2 * 2, plan.size());
        Set<BenchConfig> shards = new HashSet<>(new Shard(0, 2).select(plan));
        shards.addAll(new Shard(1, 2).select(plan));
        assertEquals(new HashSet<>(plan), shards);
    }
}
