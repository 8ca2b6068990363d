package org.blockbench.regress;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of comparing a candidate run with a baseline: one {@link Comparison} per
 * benchmark found in both, the benchmarks only in the candidate ({@code added}) or only in
 * the baseline ({@code removed}), and notes (files skipped or pooled, histograms reduced,
 * modes changed).
 */
public record ComparisonReport(String title, String baseSource, String newSource, VerdictPolicy policy,
        List<Comparison> comparisons, List<BenchmarkKey> added, List<BenchmarkKey> removed, List<String> notes,
        Instant createdAt) {

    public ComparisonReport {
        comparisons = List.copyOf(comparisons);
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        notes = List.copyOf(notes);
    }

    /** How many comparisons got {@code verdict}. */
    public long count(Verdict verdict) {
        return comparisons.stream().filter(c -> c.verdict() == verdict).count();
    }

    /** True when at least one benchmark is slower: the nightly job fails. */
    public boolean anySlower() {
        return count(Verdict.SLOWER) > 0;
    }
}
