package org.blockbench.cli;

import org.blockbench.regress.Metric;
import picocli.CommandLine.Option;

/** {@code --metric}: which JMH metric a regression verdict compares (compare, verdict-check aa). */
public final class MetricOption {

    @Option(names = "--metric", defaultValue = "primary", paramLabel = "METRIC",
            description = "Metric to compare: primary (default), or a secondary metric NAME or NAME:UNIT, e.g. "
                    + "cpuNanosPerOp:ns/op (CPU time per inference recorded by the A/B benchmark).")
    String text;

    /** The metric named; a malformed name is a {@code BadInputException}. */
    Metric metric() {
        return Metric.parse(text);
    }
}
