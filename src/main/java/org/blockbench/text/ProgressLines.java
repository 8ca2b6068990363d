package org.blockbench.text;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * {@link Progress} for a file, a CI log or a pipe: whole lines, as pip and cargo write them
 * there. A line when the task passes a further tenth of its total (every interval when the total
 * is unknown), but at most one per interval, so a fast task writes only its final line and a
 * slow one about ten; the final line says whether it finished.
 */
final class ProgressLines implements Progress {

    /** At most one progress line per 10 s. */
    static final long MIN_INTERVAL_NANOS = 10_000_000_000L;

    private final String task;
    private final long total;
    private final Unit unit;
    private final PrintStream stream;
    private final LongSupplier clock;
    private final long minInterval;
    private final long started;
    private long done;
    private long lastLine;
    private long lastTenth;
    private String message = "";
    private boolean closed;

    ProgressLines(String task, long total, Unit unit, PrintStream stream, LongSupplier clock, long minIntervalNanos) {
        this.task = task;
        this.total = total;
        this.unit = unit;
        this.stream = stream;
        this.clock = clock;
        this.minInterval = minIntervalNanos;
        this.started = clock.getAsLong();
        this.lastLine = started;
    }

    @Override
    public void step() {
        stepTo(done + 1);
    }

    @Override
    public void stepTo(long done) {
        this.done = done;
        long now = clock.getAsLong();
        long tenth = total > 0 ? Math.min(10, 10 * done / total) : lastTenth + 1;
        if (tenth > lastTenth && now - lastLine >= minInterval) {
            lastTenth = tenth;
            lastLine = now;
            String percent = total > 0 ? String.format(Locale.ROOT, "%d %% ", 100 * done / total) : "";
            stream.println(task + ": " + percent + "(" + count() + ")" + (message.isEmpty() ? "" : " " + message));
        }
    }

    @Override
    public void message(String message) {
        this.message = message.strip();
    }

    @Override
    public void println(String line) {
        stream.println(line);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        String seconds = String.format(Locale.ROOT, "%.1f s", (clock.getAsLong() - started) / 1e9);
        stream.println(task + ": " + (total > 0 && done < total ? "stopped at " + count() + " after " : "done, " + count() + " in ")
                + seconds);
    }

    private String count() {
        return scaled(done) + (total > 0 ? "/" + scaled(total) : "") + unit.suffix;
    }

    private String scaled(long n) {
        return Long.toString(n / unit.size);
    }
}
