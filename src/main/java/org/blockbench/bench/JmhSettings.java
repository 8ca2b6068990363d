package org.blockbench.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.blockbench.BadInputException;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The JMH run options of a sweep. Empty values mean "JMH's own default" (5 forks, 5 warm-up
 * and 5 measurement iterations of 10 s); {@link #quick()} gives the sweep's quick defaults.
 *
 * @param forks                 forked JVMs per config
 * @param warmupIterations      warm-up iterations per fork
 * @param warmupTime            duration of one warm-up iteration
 * @param measurementIterations measured iterations per fork
 * @param measurementTime       duration of one measured iteration
 * @param modes                 JMH modes (SampleTime gives percentiles)
 * @param timeUnit              unit of the reported scores
 */
public record JmhSettings(Optional<Integer> forks, Optional<Integer> warmupIterations, Optional<TimeValue> warmupTime,
                          Optional<Integer> measurementIterations, Optional<TimeValue> measurementTime,
                          List<Mode> modes, TimeUnit timeUnit) {

    public JmhSettings {
        modes = List.copyOf(modes);
        if (modes.isEmpty()) {
            throw new BadInputException("no JMH mode given; valid modes: " + validModes());
        }
        forks.ifPresent(f -> positive("forks", f, 0));
        warmupIterations.ifPresent(w -> positive("warm-up iterations", w, 0));
        measurementIterations.ifPresent(m -> positive("measurement iterations", m, 1));
    }

    private static void positive(String what, int value, int min) {
        if (value < min) {
            throw new BadInputException(what + " must be >= " + min + ", found " + value);
        }
    }

    /** 1 fork, 2 × 1 s warm-up, 3 × 1 s measurement, SampleTime in milliseconds. */
    public static JmhSettings quick() {
        return new JmhSettings(Optional.of(1), Optional.of(2), Optional.of(TimeValue.seconds(1)), Optional.of(3),
                Optional.of(TimeValue.seconds(1)), List.of(Mode.SampleTime), TimeUnit.MILLISECONDS);
    }

    /** JMH's defaults for forks, iterations and times; SampleTime in milliseconds. */
    public static JmhSettings jmhDefaults() {
        return new JmhSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(Mode.SampleTime), TimeUnit.MILLISECONDS);
    }

    /** Applies the set values to a JMH options builder; unset ones keep JMH's defaults. */
    public ChainedOptionsBuilder applyTo(ChainedOptionsBuilder builder) {
        forks.ifPresent(builder::forks);
        warmupIterations.ifPresent(builder::warmupIterations);
        warmupTime.ifPresent(builder::warmupTime);
        measurementIterations.ifPresent(builder::measurementIterations);
        measurementTime.ifPresent(builder::measurementTime);
        modes.forEach(builder::mode);
        builder.timeUnit(timeUnit);
        return builder;
    }

    /**
     * Seconds one config spends inside JMH measurement iterations, per round: forks × measured
     * iterations × iteration time × modes (JMH's defaults, 5 × 5 × 10 s, where unset). The time
     * that is evidence; the rest of a sweep (JVM start, session creation, warm-up, pre-check) is not.
     */
    public double measurementSecondsPerConfig() {
        double iteration = measurementTime.map(t -> t.convertTo(java.util.concurrent.TimeUnit.NANOSECONDS) / 1e9).orElse(10.0);
        return forks.orElse(5) * measurementIterations.orElse(5) * iteration * modes.size();
    }

    /**
     * The options as strings under snake_case names (the key style of our files), for metadata and
     * for checking that a resumed run uses the same ones.
     */
    public Map<String, String> describe() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("forks", forks.map(String::valueOf).orElse("jmh-default"));
        d.put("warmup_iterations", warmupIterations.map(String::valueOf).orElse("jmh-default"));
        d.put("warmup_time", warmupTime.map(TimeValue::toString).orElse("jmh-default"));
        d.put("measurement_iterations", measurementIterations.map(String::valueOf).orElse("jmh-default"));
        d.put("measurement_time", measurementTime.map(TimeValue::toString).orElse("jmh-default"));
        d.put("modes", String.join(",", modes.stream().map(Mode::shortLabel).toList()));
        d.put("time_unit", timeUnit.name());
        return d;
    }

    /** Parses a JMH mode by its short label (sample, avgt, thrpt, ss) or full name. */
    public static Mode parseMode(String text) {
        for (Mode m : Mode.values()) {
            if (m != Mode.All && (m.shortLabel().equalsIgnoreCase(text.strip()) || m.name().equalsIgnoreCase(text.strip()))) {
                return m;
            }
        }
        throw BadInputException.unknown("JMH mode", text, validModes());
    }

    private static List<String> validModes() {
        return List.of(Mode.SampleTime.shortLabel(), Mode.AverageTime.shortLabel(), Mode.Throughput.shortLabel(),
                Mode.SingleShotTime.shortLabel());
    }
}
