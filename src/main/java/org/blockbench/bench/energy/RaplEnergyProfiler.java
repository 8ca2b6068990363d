package org.blockbench.bench.energy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * JMH profiler: energy of each RAPL package zone over an iteration, divided by the
 * operations of that iteration, as secondary metrics {@code energy.<zone>} in J/op. The
 * counter covers the whole package, so anything else running on it meanwhile is included;
 * on a quiet machine it is the energy of the inference. When no counter is readable the
 * profiler reports nothing ({@link EnergyCounters#reason()} says why); it never estimates.
 */
public final class RaplEnergyProfiler implements InternalProfiler {

    /** Prefix of the secondary metric labels. */
    public static final String LABEL_PREFIX = "energy.";

    private final EnergyCounters counters;
    private long[] before;

    public RaplEnergyProfiler() {
        this(EnergyCounters.discover());
    }

    RaplEnergyProfiler(EnergyCounters counters) {
        this.counters = counters;
    }

    @Override
    public String getDescription() {
        return "Package energy per operation from Linux powercap RAPL counters (J/op)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        List<RaplZone> zones = counters.zones();
        before = new long[zones.size()];
        for (int i = 0; i < zones.size(); i++) {
            before[i] = zones.get(i).readMicrojoules();
        }
    }

    @Override
    @SuppressWarnings("rawtypes") // JMH's interface declares the raw type
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        return perOperation(result.getMetadata().getMeasuredOps());
    }

    /** Energy since {@link #beforeIteration} per operation, one result per zone. */
    List<ScalarResult> perOperation(long ops) {
        List<ScalarResult> results = new ArrayList<>();
        List<RaplZone> zones = counters.zones();
        if (before == null || ops <= 0) {
            return results;
        }
        for (int i = 0; i < zones.size(); i++) {
            RaplZone zone = zones.get(i);
            long delta = zone.deltaMicrojoules(before[i], zone.readMicrojoules());
            results.add(new ScalarResult(LABEL_PREFIX + zone.name(), delta * 1e-6 / ops, "J/op", AggregationPolicy.AVG));
        }
        return results;
    }
}
