package org.blockbench.cli;

import org.blockbench.bench.Shard;
import picocli.CommandLine.Option;

/**
 * {@code --shard i/N} of the commands that train (model, seed) runs ({@code train},
 * {@code fidelity}): the option, its fallback to a job array's environment, and the plan it
 * selects from ({@link RunPlan}).
 */
final class ShardOption {

    @Option(names = "--shard", paramLabel = "i/N",
            description = "Train shard i of N (0-based) of the (model, seed) runs, in the order models x seeds. Default: from"
                    + " SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT (and SLURM_ARRAY_TASK_MIN), or JOB_COMPLETION_INDEX with"
                    + " BLOCKBENCH_SHARD_COUNT, else every run. Shards write disjoint run directories: give them one --out"
                    + " (docs/cluster.md).")
    String shard;

    /** The shard this process was told: {@code --shard}, else the scheduler's variables, else every run. */
    Shard shard() {
        return Shard.of(shard, System.getenv());
    }
}
