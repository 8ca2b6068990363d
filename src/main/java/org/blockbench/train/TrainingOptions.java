package org.blockbench.train;

import org.blockbench.train.interp.MemoryLayout;
import org.blockbench.train.recipe.Recipe;

/**
 * Everything that decides a run besides the model and the data.
 *
 * @param recipe         the (possibly overridden) recipe
 * @param seed           seeds data order, augmentation and dropout
 * @param threads        LibTorch intra-op threads (1 makes runs bit-reproducible)
 * @param layout         NCHW or channels_last
 * @param evalBatchSize  images per evaluation batch (does not change results)
 */
public record TrainingOptions(Recipe recipe, long seed, int threads, MemoryLayout layout, int evalBatchSize) {

    public static final int DEFAULT_EVAL_BATCH = 256;

    public TrainingOptions {
        if (threads < 1) {
            throw new org.blockbench.BadInputException("threads must be at least 1, found " + threads);
        }
        if (evalBatchSize < 1) {
            throw new org.blockbench.BadInputException("eval batch size must be at least 1, found " + evalBatchSize);
        }
    }

    /** Identifies what a checkpoint may be resumed into: everything but threads and eval batch. */
    String fingerprint() {
        return recipe + "|seed=" + seed + "|layout=" + layout.id();
    }
}
