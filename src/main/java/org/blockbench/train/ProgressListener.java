package org.blockbench.train;

import java.io.PrintStream;
import java.util.Locale;
import org.blockbench.text.Progress;

/**
 * The progress of each epoch's training steps (with the running loss and accuracy) as
 * {@link Progress} shows it on {@code out}, and a one-line summary per finished epoch.
 */
public final class ProgressListener implements TrainingListener {

    private final String label;
    private final PrintStream out;
    private Progress progress;

    public ProgressListener(String label, PrintStream out) {
        this.label = label;
        this.out = out;
    }

    @Override
    public void epochStarted(int epoch, int epochs, int batches) {
        closeProgress();
        progress = Progress.start(label + " epoch " + epoch + "/" + epochs, batches, Progress.Unit.STEPS, out);
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
