package org.blockbench.bench.result;

import java.util.List;
import java.util.Map;
import org.blockbench.BadInputException;

/**
 * A JMH score unit such as {@code ms/op} (time per operation) or {@code ops/s} (throughput),
 * with what is needed to convert between units of the same kind. Units of different kinds
 * are never converted into one another: a time per op and a throughput of the same code are
 * different measurements (JMH modes avgt/sample/ss against thrpt).
 */
public record ScoreUnit(String text, Kind kind, double secondsPerTimeUnit) {

    /** Which way the number goes when the code gets slower. */
    public enum Kind {
        /** {@code ns/op}, {@code ms/op}, ...: larger is slower. */
        TIME_PER_OP,
        /** {@code ops/s}, {@code ops/ms}, ...: larger is faster. */
        OPS_PER_TIME
    }

    /** Time units JMH writes (its TimeUnit abbreviations), in seconds. */
    private static final Map<String, Double> TIME_UNITS = Map.of("ns", 1e-9, "us", 1e-6, "\u00b5s", 1e-6,
            "ms", 1e-3, "s", 1.0, "min", 60.0, "hr", 3600.0, "day", 86400.0);
    private static final List<String> VALID = List.of("ns/op", "us/op", "ms/op", "s/op", "min/op",
            "ops/ns", "ops/us", "ops/ms", "ops/s", "ops/min", "ops/hr", "ops/day");

    /**
     * Parses a JMH {@code scoreUnit}.
     *
     * @throws BadInputException if it is neither {@code TIME/op} nor {@code ops/TIME}
     */
    public static ScoreUnit parse(String text) {
        String[] parts = text.trim().split("/");
        if (parts.length == 2 && parts[1].equals("op") && TIME_UNITS.containsKey(parts[0])) {
            return new ScoreUnit(text.trim(), Kind.TIME_PER_OP, TIME_UNITS.get(parts[0]));
        }
        if (parts.length == 2 && parts[0].equals("ops") && TIME_UNITS.containsKey(parts[1])) {
            return new ScoreUnit(text.trim(), Kind.OPS_PER_TIME, TIME_UNITS.get(parts[1]));
        }
        throw BadInputException.unknown("score unit", text, VALID);
    }

    /** Factor that turns a value in this unit into a value in {@code target} (same kind only). */
    public double factorTo(ScoreUnit target) {
        if (target.kind != kind) {
            throw new IllegalArgumentException("cannot convert " + text + " (" + kind + ") to " + target.text
                    + " (" + target.kind + ")");
        }
        return kind == Kind.TIME_PER_OP ? secondsPerTimeUnit / target.secondsPerTimeUnit
                : target.secondsPerTimeUnit / secondsPerTimeUnit;
    }

    /** "time per operation" or "throughput", for messages. */
    public String kindText() {
        return kind == Kind.TIME_PER_OP ? "a time per operation" : "a throughput";
    }
}
