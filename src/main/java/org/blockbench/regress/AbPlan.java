package org.blockbench.regress;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.blockbench.BadInputException;
import org.blockbench.bench.jmh.CpuSet;

/**
 * How an A/B session is measured: {@code rounds} forks per side, each with its own warm-up
 * and measurement iterations, in the order A B B A A B B A ... (ABBA), so that drift that is
 * linear over a pair of rounds hits both sides equally and neither side always goes first.
 *
 * @param mode JMH mode: avgt (one mean per iteration), sample (SampleTime, per-operation
 *        latencies) or thrpt
 * @param cpus the CPUs every fork pins itself to ({@link CpuSet}), or empty to leave forks
 *        where the scheduler puts them
 */
public record AbPlan(int rounds, int warmupIterations, int warmupMillis, int measurementIterations,
        int measurementMillis, String mode, Optional<CpuSet> cpus) {

    /** Modes the A/B runner accepts. */
    public static final List<String> MODES = List.of("avgt", "sample", "thrpt");

    /**
     * 6 rounds × 10 iterations × 1 s in SampleTime mode: one minute of measuring per side.
     * SampleTime because the median of per-operation latencies is robust to the thread being
     * descheduled now and then (only the operations in flight at that moment get longer),
     * where an iteration's average time (avgt) takes in every wait.
     */
    public static final AbPlan ONE_MINUTE = new AbPlan(6, 3, 1000, 10, 1000, "sample");

    /** A plan whose forks are not pinned. */
    public AbPlan(int rounds, int warmupIterations, int warmupMillis, int measurementIterations, int measurementMillis,
            String mode) {
        this(rounds, warmupIterations, warmupMillis, measurementIterations, measurementMillis, mode, Optional.empty());
    }

    /** This plan with every fork pinned to {@code set}. */
    public AbPlan pinnedTo(CpuSet set) {
        return new AbPlan(rounds, warmupIterations, warmupMillis, measurementIterations, measurementMillis, mode,
                Optional.of(set));
    }

    /** @throws BadInputException when a count or time is not positive, or the mode is unknown */
    public AbPlan {
        if (rounds < 1 || warmupIterations < 0 || warmupMillis < 1 || measurementIterations < 1 || measurementMillis < 1) {
            throw new BadInputException(String.format(Locale.ROOT, "A/B plan needs rounds >= 1, warm-up iterations >= 0 "
                    + "and positive times and measurement iterations; found rounds=%d warmup=%dx%d ms measurement=%dx%d ms",
                    rounds, warmupIterations, warmupMillis, measurementIterations, measurementMillis));
        }
        if (!MODES.contains(mode)) {
            throw BadInputException.unknown("A/B mode", mode, MODES);
        }
    }

    /** Measuring time per side, in seconds (warm-up and JVM start not included). */
    public double measuringSecondsPerSide() {
        return rounds * (double) measurementIterations * measurementMillis / 1000.0;
    }

    /** Fork order: true for A, false for B, 2 × rounds entries. */
    public List<Boolean> order() {
        List<Boolean> order = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            order.add(r % 2 == 0);
            order.add(r % 2 != 0);
        }
        return order;
    }
}
