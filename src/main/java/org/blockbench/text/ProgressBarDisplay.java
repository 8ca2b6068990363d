package org.blockbench.text;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** {@link Progress} on a terminal: an ASCII bar redrawn in place, once a second. */
final class ProgressBarDisplay implements Progress {

    private final ProgressBar bar;
    private final PrintStream stream;

    ProgressBarDisplay(String task, long total, Unit unit, PrintStream stream) {
        this.stream = stream;
        this.bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                .setUnit(unit.suffix, unit.size).setConsumer(new ConsoleProgressBarConsumer(stream))
                .setUpdateIntervalMillis(1000).continuousUpdate().build();
    }

    @Override
    public void step() {
        bar.step();
    }

    @Override
    public void stepTo(long done) {
        bar.stepTo(done);
    }

    @Override
    public void message(String message) {
        bar.setExtraMessage(message);
    }

    @Override
    public void println(String line) {
        // the bar redraws itself on its own line after this one
        stream.println("\r" + line);
    }

    @Override
    public void close() {
        bar.close();
    }
}
