package org.blockbench.bench.sweep;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Kills a JMH forked JVM of this process that has run longer than its wall-clock limit. It
 * watches this process's child processes running JMH's {@code ForkedMain} once a second while a
 * config runs ({@link #start()} … {@link #close()}); JMH then sees its fork die and reports the
 * config as failed. One JMH run at a time per process (JMH's lock) makes every such child the
 * running config's.
 */
final class ForkWatchdog implements AutoCloseable {

    private static final String FORKED_MAIN = "org.openjdk.jmh.runner.ForkedMain";

    private final Duration limit;
    private ScheduledExecutorService timer;
    private volatile boolean killed;

    ForkWatchdog(Duration limit) {
        this.limit = limit;
    }

    /** Starts watching; returns this, to close when the config's JMH run ends. */
    ForkWatchdog start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jmh-fork-watchdog");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(50, Math.min(1000, limit.toMillis() / 4));
        timer.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Whether a fork was killed for running past the limit. */
    boolean killed() {
        return killed;
    }

    private void check() {
        Instant now = Instant.now();
        ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().orElse("").contains(FORKED_MAIN))
                .filter(p -> p.info().startInstant().map(s -> s.plus(limit).isBefore(now)).orElse(false))
                .forEach(p -> {
                    killed = true;
                    p.destroyForcibly();
                });
    }

    /** Stops watching; a second call does nothing. */
    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
