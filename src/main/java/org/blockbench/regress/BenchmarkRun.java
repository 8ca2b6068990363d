package org.blockbench.regress;

import java.util.ArrayList;
import java.util.List;
import org.blockbench.BadInputException;

/**
 * The measurements of one benchmark in one run: its samples (finite values only, in
 * {@code unit}), how many forks produced them, how many non-finite values (NaN, ±Infinity)
 * were dropped, and which files they came from.
 */
public record BenchmarkRun(BenchmarkKey key, ScoreUnit unit, SampleKind sampleKind, WeightedSamples samples,
        int forks, long droppedNonFinite, List<String> sources) {

    public BenchmarkRun {
        sources = List.copyOf(sources);
    }

    /** This run expressed in {@code target} (same kind of unit). */
    public BenchmarkRun in(ScoreUnit target) {
        if (target.equals(unit)) {
            return this;
        }
        return new BenchmarkRun(key, target, sampleKind, samples.scaled(unit.factorTo(target)), forks,
                droppedNonFinite, sources);
    }

    /**
     * This run and {@code other} (the same benchmark, e.g. from another file or another night)
     * as one: samples pooled in this run's unit, forks and drop counts added.
     *
     * @throws BadInputException if the units are of different kinds or the sample kinds differ
     */
    public BenchmarkRun pooledWith(BenchmarkRun other) {
        checkComparable(other, "pool");
        BenchmarkRun o = other.in(unit);
        List<String> all = new ArrayList<>(sources);
        o.sources.stream().filter(s -> !all.contains(s)).forEach(all::add);
        return new BenchmarkRun(key, unit, sampleKind, WeightedSamples.pooled(List.of(samples, o.samples)),
                forks + o.forks, droppedNonFinite + o.droppedNonFinite, all);
    }

    /**
     * Checks that {@code other} measures the same kind of quantity as this run.
     *
     * @throws BadInputException naming both units when one is a time and the other a throughput
     */
    public void checkComparable(BenchmarkRun other, String verb) {
        if (unit.kind() != other.unit.kind()) {
            throw new BadInputException("cannot " + verb + " " + key.label() + ": " + sources + " report "
                    + unit.text() + " (" + unit.kindText() + ") but " + other.sources + " report " + other.unit.text()
                    + " (" + other.unit.kindText() + "); expected the same kind of unit, rerun both with the same JMH mode");
        }
        if (sampleKind != other.sampleKind) {
            throw new BadInputException("cannot " + verb + " " + key.label() + ": " + sources + " hold "
                    + sampleKind.description() + " but " + other.sources + " hold " + other.sampleKind.description());
        }
    }
}
