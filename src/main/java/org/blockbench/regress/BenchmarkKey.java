package org.blockbench.regress;

import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What makes two JMH records "the same benchmark": the fully qualified benchmark name, its
 * parameters (sorted by name) and the JMH mode ({@code thrpt}, {@code avgt}, {@code sample},
 * {@code ss}).
 */
public record BenchmarkKey(String benchmark, SortedMap<String, String> params, String mode)
        implements Comparable<BenchmarkKey> {

    private static final Comparator<BenchmarkKey> ORDER = Comparator.comparing(BenchmarkKey::benchmark)
            .thenComparing(k -> k.params().toString()).thenComparing(BenchmarkKey::mode);

    public BenchmarkKey {
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
    }

    public static BenchmarkKey of(String benchmark, Map<String, String> params, String mode) {
        return new BenchmarkKey(benchmark, new TreeMap<>(params), mode);
    }

    /** The same benchmark and parameters regardless of mode: used to spot a changed mode. */
    public String withoutMode() {
        return benchmark + paramsText();
    }

    /** {@code Class.method}: the benchmark name without its package. */
    public String shortName() {
        String[] parts = benchmark.split("\\.");
        return parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : benchmark;
    }

    /** {@code a=1, b=x}, or "" without parameters. */
    public String paramsText() {
        return params.isEmpty() ? "" : params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /** One line naming the benchmark for people: {@code Class.method{a=1} [avgt]}. */
    public String label() {
        return shortName() + paramsText() + " [" + mode + "]";
    }

    @Override
    public int compareTo(BenchmarkKey o) {
        return ORDER.compare(this, o);
    }
}
