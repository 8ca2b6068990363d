package org.blockbench.bench.sweep;

import org.blockbench.bench.SweepSelection.PlannedConfig;

/**
 * What happened to one planned config in this invocation.
 *
 * @param planned     the config
 * @param status      ran, skipped because already finished, or failed
 * @param message     the failure's one-line reason ("" otherwise)
 * @param wallSeconds time spent on it in this invocation
 */
public record ConfigOutcome(PlannedConfig planned, Status status, String message, double wallSeconds) {

    /** The outcome kinds. */
    public enum Status {
        /** Measured in this invocation. */
        MEASURED,
        /** Already finished in this run by an earlier invocation (--resume). */
        FINISHED_EARLIER,
        /** Could not be measured. */
        FAILED
    }

    /** The status as written in the metadata sidecar ("measured", "finished-earlier", "failed"). */
    public String statusLabel() {
        return status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** "key: message", the failure line of the summary. */
    public String failureLine() {
        return org.blockbench.text.OneLine.of(planned.config().key() + ": " + message);
    }
}
