package org.blockbench.bench.result;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.blockbench.stats.WeightedSamples;

/**
 * One metric of a JMH benchmark record (the primary metric, or a secondary one such as
 * {@code gc.alloc.rate.norm}) as JMH computed and recorded it. Every number is finite and
 * non-negative; {@link JmhReader} rejects a file where that is not so.
 *
 * @param unit        JMH's {@code scoreUnit} ("ms/op", "ops/s", "#" for counters)
 * @param score       JMH's score (mean time per op for sample and avgt, ops per time for thrpt)
 * @param scoreError  half-width of JMH's 99.9 % confidence interval; NaN when JMH wrote "NaN"
 *                    (a single iteration: no interval)
 * @param percentiles JMH's {@code scorePercentiles} (percent → value, as JMH computed them), empty when absent
 * @param sampleKind  whether the samples are per-iteration scores or per-operation times
 * @param forks       the samples of each fork ({@code rawData}: one per iteration;
 *                    {@code rawDataHistogram}: the histogram's values weighted by their counts)
 */
public record JmhMetric(String unit, double score, double scoreError, SortedMap<Double, Double> percentiles,
                        SampleKind sampleKind, List<WeightedSamples> forks) {

    public JmhMetric {
        percentiles = Collections.unmodifiableSortedMap(new TreeMap<>(percentiles));
        forks = List.copyOf(forks);
    }

    /** All samples of all forks together. */
    public WeightedSamples samples() {
        return WeightedSamples.pooled(forks);
    }

    /** JMH's percentile {@code percent} (50.0 is the median), NaN when JMH did not write it. */
    public double percentile(double percent) {
        return percentiles.getOrDefault(percent, Double.NaN);
    }

    /** Whether JMH gave a confidence interval (it writes "NaN" for a single iteration). */
    public boolean hasInterval() {
        return !Double.isNaN(scoreError);
    }
}
