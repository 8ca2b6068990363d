package org.blockbench.train;

import org.blockbench.train.interp.MemoryLayout;
import org.blockbench.train.interp.TrainingDevice;
import org.blockbench.train.recipe.Recipe;

/**
 * Everything that decides a run besides the model and the data.
 *
 * @param recipe         the (possibly overridden) recipe
 * @param seed           seeds data order, augmentation and dropout
 * @param threads        LibTorch intra-op threads (1 makes runs bit-reproducible)
 * @param layout         NCHW or channels_last
 * @param evalBatchSize  images per evaluation batch (changes no prediction)
 * @param device         where LibTorch trains (checked available by the caller)
 */
public record TrainingOptions(Recipe recipe, long seed, int threads, MemoryLayout layout, int evalBatchSize,
                              TrainingDevice device) {

    /** On the CPU. */
    public TrainingOptions(Recipe recipe, long seed, int threads, MemoryLayout layout, int evalBatchSize) {
        this(recipe, seed, threads, layout, evalBatchSize, TrainingDevice.CPU);
    }

    /**
     * Images per evaluation batch. Small enough that a batch's activations at 32 × 32 stay below
     * glibc's largest mmap threshold (32 MiB), so they are reused from the heap rather than mapped
     * and unmapped (and page-faulted) per batch: 6 early-position runs evaluated their 2,048
     * images in 16.5 s at 32 against 28.3 s at 256 (docs/train.md). The batch changes no
     * prediction, only the last digits of the mean loss (summation order).
     */
    public static final int DEFAULT_EVAL_BATCH = 32;

    public TrainingOptions {
        if (threads < 1) {
            throw new org.blockbench.BadInputException("threads must be at least 1, found " + threads);
        }
        if (device == null) {
            throw new IllegalArgumentException("device must be given (TrainingDevice.CPU for the CPU)");
        }
        if (evalBatchSize < 1) {
            throw new org.blockbench.BadInputException("eval batch size must be at least 1, found " + evalBatchSize);
        }
    }

    /**
     * Identifies what a checkpoint may be resumed into: everything but threads, eval batch and
     * device (a checkpoint is loaded onto whichever device the resumed run uses).
     */
    String fingerprint() {
        return recipe + "|seed=" + seed + "|layout=" + layout.id();
    }
}
