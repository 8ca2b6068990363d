package org.blockbench.bench.result;

/** What one sample of a benchmark is, which decides how many of them a test can use. */
public enum SampleKind {
    /** One score per measurement iteration (JMH {@code rawData}: thrpt, avgt, ss). */
    ITERATION_SCORES("per-iteration scores"),
    /** One latency per sampled operation (JMH {@code rawDataHistogram}: SampleTime). */
    OPERATION_SAMPLES("per-operation samples (SampleTime histogram)");

    private final String description;

    SampleKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
