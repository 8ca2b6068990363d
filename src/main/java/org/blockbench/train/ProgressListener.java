package org.blockbench.train;

import java.io.PrintStream;
import java.util.Locale;
import org.blockbench.text.Progress;

/**
 * The progress of each epoch's training steps (with the running loss and accuracy) through a
 * {@link Progress.Factory}, and a one-line summary per finished epoch on {@code out}.
 */
public final class ProgressListener implements TrainingListener {

    private final String label;
    private final Progress.Factory factory;
    private final PrintStream out;
    private Progress progress;

    /** Each epoch of the run {@code label} as a task of {@code factory}; the epochs' summaries on {@code out}. */
    public ProgressListener(String label, Progress.Factory factory, PrintStream out) {
        this.label = label;
        this.factory = factory;
        this.out = out;
    }

    @Override
    public void epochStarted(int epoch, int epochs, int batches) {
        closeProgress();
        progress = factory.start(label + " epoch " + epoch + "/" + epochs, batches, Progress.Unit.STEPS);
    }

    @Override
    public void stepDone(int epoch, int step, double meanLoss, double meanAccuracy) {
        if (progress != null) {
            progress.message(String.format(Locale.ROOT, " loss %.4f acc %.3f", meanLoss, meanAccuracy));
            progress.stepTo(step);
        }
    }

    @Override
    public void epochDone(EpochResult r) {
        closeProgress();
        out.printf("%s epoch %d: lr %.2e  train loss %.4f acc %.4f  val loss %.4f acc %.4f  %.1f img/s  (%.1f s + eval %.1f s)%n",
                label, r.epoch(), r.learningRate(), r.trainLoss(), r.trainAccuracy(), r.valLoss(), r.valAccuracy(),
                r.trainImagesPerSecond(), r.trainSeconds(), r.evalSeconds());
    }

    private void closeProgress() {
        if (progress != null) {
            progress.close();
            progress = null;
        }
    }
}
