package org.blockbench.bench.sweep;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of one sweep invocation.
 *
 * @param runDirectory the run's directory
 * @param results      the merged JMH JSON written
 * @param outcomes     one per config of this shard's plan, in plan order
 * @param wallSeconds  wall time of the whole invocation
 */
public record SweepReport(Path runDirectory, Path results, List<ConfigOutcome> outcomes, double wallSeconds) {

    public SweepReport {
        outcomes = List.copyOf(outcomes);
    }

    /** Configs that failed. */
    public List<ConfigOutcome> failures() {
        return outcomes.stream().filter(o -> o.status() == ConfigOutcome.Status.FAILED).toList();
    }

    /** Number of configs with the given status. */
    public long count(ConfigOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }
}
