package org.blockbench.train;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar per epoch on a terminal stream (steps, running loss and accuracy), and a
 * one-line summary per finished epoch.
 */
public final class ProgressBarListener implements TrainingListener {

    private final String label;
    private final PrintStream out;
    private ProgressBar bar;

    public ProgressBarListener(String label, PrintStream out) {
        this.label = label;
        this.out = out;
    }

    @Override
    public void epochStarted(int epoch, int epochs, int batches) {
        closeBar();
        bar = new ProgressBarBuilder().setTaskName(label + " epoch " + epoch + "/" + epochs).setInitialMax(batches)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" steps", 1).setConsumer(new ConsoleProgressBarConsumer(out))
                .build();
    }

    @Override
    public void stepDone(int epoch, int step, double meanLoss, double meanAccuracy) {
        if (bar != null) {
            bar.stepTo(step);
            bar.setExtraMessage(String.format(" loss %.4f acc %.3f", meanLoss, meanAccuracy));
        }
    }

    @Override
    public void epochDone(EpochResult r) {
        closeBar();
        out.printf("%s epoch %d: lr %.2e  train loss %.4f acc %.4f  val loss %.4f acc %.4f  %.1f img/s  (%.1f s + eval %.1f s)%n",
                label, r.epoch(), r.learningRate(), r.trainLoss(), r.trainAccuracy(), r.valLoss(), r.valAccuracy(),
                r.trainImagesPerSecond(), r.trainSeconds(), r.evalSeconds());
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
