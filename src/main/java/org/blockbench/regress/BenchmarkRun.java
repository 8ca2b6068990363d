package org.blockbench.regress;

import java.util.ArrayList;
import java.util.List;
import org.blockbench.BadInputException;
import org.blockbench.bench.result.SampleKind;
import org.blockbench.bench.result.ScoreUnit;
import org.blockbench.stats.WeightedSamples;

/**
 * The measurements of one benchmark in one run: its samples per fork (finite values only, in
 * {@code unit}; the reader rejects others) and all of them pooled, and which files they came from. Forks are kept apart because the fork, not the
 * iteration or the operation, is the unit that varies independently (JIT decisions, memory
 * layout, the core the JVM landed on).
 */
public record BenchmarkRun(BenchmarkKey key, ScoreUnit unit, SampleKind sampleKind, WeightedSamples samples,
        List<WeightedSamples> forkSamples, List<String> sources) {

    public BenchmarkRun {
        forkSamples = List.copyOf(forkSamples);
        sources = List.copyOf(sources);
    }

    /** A run from its forks; the pooled samples are computed. */
    public static BenchmarkRun of(BenchmarkKey key, ScoreUnit unit, SampleKind sampleKind, List<WeightedSamples> forks,
            List<String> sources) {
        return new BenchmarkRun(key, unit, sampleKind, WeightedSamples.pooled(forks), forks, sources);
    }

    /** Number of forks. */
    public int forks() {
        return forkSamples.size();
    }

    /** The same measurements filed under another key. */
    public BenchmarkRun withKey(BenchmarkKey newKey) {
        return new BenchmarkRun(newKey, unit, sampleKind, samples, forkSamples, sources);
    }

    /** This run expressed in {@code target} (same kind of unit). */
    public BenchmarkRun in(ScoreUnit target) {
        if (target.equals(unit)) {
            return this;
        }
        double factor = unit.factorTo(target);
        return new BenchmarkRun(key, target, sampleKind, samples.scaled(factor),
                forkSamples.stream().map(f -> f.scaled(factor)).toList(), sources);
    }

    /**
     * This run and {@code other} (the same benchmark, e.g. from another file or another night)
     * as one: forks side by side in this run's unit.
     *
     * @throws BadInputException if the units are of different kinds or the sample kinds differ
     */
    public BenchmarkRun pooledWith(BenchmarkRun other) {
        checkComparable(other, "pool");
        BenchmarkRun o = other.in(unit);
        List<String> all = new ArrayList<>(sources);
        o.sources.stream().filter(s -> !all.contains(s)).forEach(all::add);
        List<WeightedSamples> forks = new ArrayList<>(forkSamples);
        forks.addAll(o.forkSamples);
        return new BenchmarkRun(key, unit, sampleKind, WeightedSamples.pooled(List.of(samples, o.samples)), forks, all);
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
