package org.blockbench.cli;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.blockbench.BadInputException;
import org.blockbench.bench.JmhSettings;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Option;

/**
 * JMH's run options. Without any, the quick defaults apply (1 fork, 2 × 1 s warm-up, 3 × 1 s
 * measurement, SampleTime in ms); {@code --jmh-defaults} switches to JMH's own defaults (5
 * forks, 5 × 10 s warm-up, 5 × 10 s measurement); single options override either.
 */
public final class JmhOptions {

    @Option(names = "--jmh-defaults", description = "Use JMH's own defaults (5 forks, 5 x 10 s warm-up, 5 x 10 s measurement) instead of the quick ones.")
    boolean jmhDefaults;

    @Option(names = {"-f", "--forks"}, paramLabel = "N", description = "Forked JVMs per config (quick: 1).")
    Integer forks;

    @Option(names = {"-wi", "--warmup-iterations"}, paramLabel = "N", description = "Warm-up iterations (quick: 2).")
    Integer warmupIterations;

    @Option(names = {"-w", "--warmup-time"}, paramLabel = "TIME", description = "Warm-up iteration time, e.g. 1s, 500ms (quick: 1s).")
    String warmupTime;

    @Option(names = {"-i", "--iterations"}, paramLabel = "N", description = "Measurement iterations (quick: 3).")
    Integer iterations;

    @Option(names = {"-r", "--time"}, paramLabel = "TIME", description = "Measurement iteration time, e.g. 1s, 500ms (quick: 1s).")
    String time;

    @Option(names = {"-bm", "--mode"}, split = ",", paramLabel = "MODE",
            description = "JMH modes: sample (percentiles), avgt, thrpt, ss (default: sample).")
    List<String> modes;

    @Option(names = {"-tu", "--time-unit"}, paramLabel = "UNIT", description = "Score time unit: ns, us, ms, s (default: ms).")
    String timeUnit;

    /** The settings these options describe. */
    JmhSettings toSettings() {
        JmhSettings base = jmhDefaults ? JmhSettings.jmhDefaults() : JmhSettings.quick();
        return new JmhSettings(
                forks != null ? Optional.of(forks) : base.forks(),
                warmupIterations != null ? Optional.of(warmupIterations) : base.warmupIterations(),
                warmupTime != null ? Optional.of(time(warmupTime)) : base.warmupTime(),
                iterations != null ? Optional.of(iterations) : base.measurementIterations(),
                time != null ? Optional.of(time(time)) : base.measurementTime(),
                modes != null ? modes.stream().map(JmhSettings::parseMode).toList() : base.modes(),
                timeUnit != null ? unit(timeUnit) : base.timeUnit());
    }

    /** A JMH time such as 1s or 500ms; anything else, or one not above zero, is bad input. */
    static TimeValue time(String text) {
        try {
            TimeValue value = TimeValue.fromString(text.strip());
            if (value.getTime() <= 0) {
                throw new BadInputException("iteration time must be positive, found '" + text + "'");
            }
            return value;
        } catch (IllegalArgumentException e) {
            throw new BadInputException("iteration time must look like 1s, 500ms, 10us, found '" + text + "'");
        }
    }

    private static TimeUnit unit(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "ns" -> TimeUnit.NANOSECONDS;
            case "us" -> TimeUnit.MICROSECONDS;
            case "ms" -> TimeUnit.MILLISECONDS;
            case "s" -> TimeUnit.SECONDS;
            default -> throw BadInputException.unknown("time unit", text, List.of("ns", "us", "ms", "s"));
        };
    }
}
