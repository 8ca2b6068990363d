package org.blockbench.pipeline;

import java.time.Duration;

/**
 * A training step run as {@code processes} shard processes at once, each training shard i of N
 * of the step's (model, seed) runs into the same directory: how a job trains on every core while
 * each run stays single-threaded, and a native crash ends one process, not the job. The command
 * line's is {@code blockbench train --shard i/N} children ({@code cli.ShardProcesses}).
 */
@FunctionalInterface
public interface ShardedTraining {

    /**
     * Trains {@code step} in {@code processes} processes, waiting at most {@code limit}; the worst
     * exit status of the processes (0 finished, 1 findings or the limit reached, 2 bad input, 3 an
     * output not written, 70 a defect).
     */
    int train(TrainingStep step, int processes, Duration limit);
}
