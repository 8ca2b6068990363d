package org.blockbench.regress;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * All benchmarks read from one source (a JMH JSON file, a directory of them, or a pooled
 * history window), by identity, with notes on what was skipped or merged on the way.
 */
public record ResultSet(String source, SortedMap<BenchmarkKey, BenchmarkRun> runs, List<String> notes) {

    public ResultSet {
        runs = Collections.unmodifiableSortedMap(new TreeMap<>(runs));
        notes = List.copyOf(notes);
    }

    /** One benchmark as a result set, e.g. one side of an A/B pair. */
    public static ResultSet of(String source, BenchmarkRun run) {
        TreeMap<BenchmarkKey, BenchmarkRun> m = new TreeMap<>();
        m.put(run.key(), run);
        return new ResultSet(source, m, List.of());
    }
}
