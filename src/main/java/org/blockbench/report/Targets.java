package org.blockbench.report;

import org.blockbench.BadInputException;

/**
 * The stated targets that events rank against and compliance is judged by.
 *
 * @param minAccuracyPercent accuracy a model must reach (latency sprint, memory challenge)
 * @param maxLatencyMs       latency limit (accuracy contest), on the ranking latency (p90, or mean)
 * @param maxMemoryMiB       memory limit (accuracy contest): parameters + buffers + peak activations
 */
public record Targets(double minAccuracyPercent, double maxLatencyMs, double maxMemoryMiB) {

    public static final double DEFAULT_MIN_ACCURACY_PERCENT = 50;
    public static final double DEFAULT_MAX_LATENCY_MS = 10;
    public static final double DEFAULT_MAX_MEMORY_MIB = 32;

    public Targets {
        if (!(minAccuracyPercent >= 0 && minAccuracyPercent <= 100)) {
            throw new BadInputException("accuracy target must be a percentage in [0, 100], found " + minAccuracyPercent);
        }
        if (!(maxLatencyMs > 0)) {
            throw new BadInputException("latency limit must be > 0 ms, found " + maxLatencyMs);
        }
        if (!(maxMemoryMiB > 0)) {
            throw new BadInputException("memory limit must be > 0 MiB, found " + maxMemoryMiB);
        }
    }

    public static Targets defaults() {
        return new Targets(DEFAULT_MIN_ACCURACY_PERCENT, DEFAULT_MAX_LATENCY_MS, DEFAULT_MAX_MEMORY_MIB);
    }
}
