package org.blockbench.regress;

import java.util.Locale;
import org.blockbench.BadInputException;
import org.blockbench.bench.jmh.OrtInferenceBenchmark;
import org.blockbench.bench.result.ScoreUnit;

/**
 * Which JMH metric of each record is compared: the primary metric (what the benchmark
 * method's timing gives), or a secondary metric by name, such as the
 * {@value OrtInferenceBenchmark#CPU_METRIC} counter of {@link OrtInferenceBenchmark}. Secondary
 * metrics from {@code @AuxCounters(EVENTS)} carry the unit "#"; {@code unitForCounts} says
 * what unit their values are in. A secondary metric is filed under JMH's own name for it,
 * {@code benchmark:metric}.
 */
public record Metric(String secondaryName, ScoreUnit unitForCounts) {

    /** The primary metric. */
    public static final Metric PRIMARY = new Metric(null, null);

    /** CPU nanoseconds per inference recorded by {@link OrtInferenceBenchmark}. */
    public static final Metric CPU_TIME = new Metric(OrtInferenceBenchmark.CPU_METRIC, ScoreUnit.parse("ns/op"));

    /**
     * Parses "primary", "NAME" or "NAME:UNIT" (e.g. {@code cpuNanosPerOp:ns/op}).
     *
     * @throws BadInputException for an empty name or an unknown unit
     */
    public static Metric parse(String text) {
        if (text.equals("primary")) {
            return PRIMARY;
        }
        int colon = text.indexOf(':');
        String name = colon < 0 ? text : text.substring(0, colon);
        if (name.isBlank()) {
            throw new BadInputException("metric must be 'primary', NAME or NAME:UNIT (e.g. cpuNanosPerOp:ns/op), found '" + text + "'");
        }
        return new Metric(name, colon < 0 ? null : ScoreUnit.parse(text.substring(colon + 1)));
    }

    /** True for the primary metric. */
    public boolean primary() {
        return secondaryName == null;
    }

    /** "primary metric" or "secondary metric 'x'", for messages and report titles. */
    public String describe() {
        return primary() ? "primary metric" : String.format(Locale.ROOT, "secondary metric '%s'", secondaryName);
    }
}
