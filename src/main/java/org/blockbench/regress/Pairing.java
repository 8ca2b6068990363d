package org.blockbench.regress;

import java.util.TreeMap;
import org.blockbench.BadInputException;
import org.blockbench.bench.jmh.OrtInferenceBenchmark;

/**
 * Files two single-benchmark result sets under one key, so that two configurations that
 * differ in a name or a parameter (the two sides of an A/B session) can be compared as one
 * benchmark. The key keeps shared parameters and writes differing ones as {@code "a → b"}.
 */
public final class Pairing {

    private Pairing() {
    }

    /** The key an A/B comparison is filed under. */
    public static BenchmarkKey pairKey(BenchmarkKey a, BenchmarkKey b) {
        TreeMap<String, String> params = new TreeMap<>(a.params());
        b.params().forEach((k, v) -> params.merge(k, v, (x, y) -> x.equals(y) ? x : x + " → " + y));
        return BenchmarkKey.of(a.benchmark(), params, a.mode());
    }

    /**
     * Both single-benchmark sets filed under their common pair key: element 0 the baseline,
     * element 1 the candidate.
     *
     * @throws BadInputException unless each set holds exactly one benchmark
     */
    public static java.util.List<ResultSet> paired(ResultSet base, ResultSet fresh) {
        if (base.runs().size() != 1 || fresh.runs().size() != 1) {
            throw new BadInputException("--pair needs one benchmark in each file; found " + base.runs().size() + " in "
                    + base.source() + " and " + fresh.runs().size() + " in " + fresh.source());
        }
        BenchmarkKey key = pairKey(only(base).key(), only(fresh).key());
        return java.util.List.of(refiled(base, key), refiled(fresh, key));
    }

    /** The single benchmark of {@code set} filed under {@code key}. */
    public static ResultSet refiled(ResultSet set, BenchmarkKey key) {
        BenchmarkRun r = only(set);
        return new ResultSet(set.source(), new TreeMap<>(java.util.Map.of(key, r.withKey(key))), set.notes());
    }

    /** The CPU-metric key that belongs to a wall-time key. */
    public static BenchmarkKey cpuKeyOf(BenchmarkKey wall) {
        return BenchmarkKey.of(wall.benchmark() + ":" + OrtInferenceBenchmark.CPU_METRIC, wall.params(), wall.mode());
    }

    static BenchmarkRun only(ResultSet set) {
        if (set.runs().size() != 1) {
            throw new BadInputException("expected one benchmark in " + set.source() + ", found " + set.runs().keySet());
        }
        return set.runs().values().iterator().next();
    }
}
