package org.blockbench.train;

/** Observes a run (progress bars, logs); every method has an empty default. */
public interface TrainingListener {

    /** Training pass of {@code epoch} (1-based) begins with {@code batches} steps. */
    default void epochStarted(int epoch, int epochs, int batches) {
    }

    /** One training step done; running means over the epoch so far. */
    default void stepDone(int epoch, int step, double meanLoss, double meanAccuracy) {
    }

    /** Training and validation of {@code result.epoch()} done and checkpointed. */
    default void epochDone(EpochResult result) {
    }

    /** A listener that does nothing. */
    TrainingListener NONE = new TrainingListener() {
    };
}
