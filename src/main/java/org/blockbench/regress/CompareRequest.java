package org.blockbench.regress;

import java.nio.file.Path;

/**
 * One comparison {@code blockbench compare} asks {@link CompareJob} for: NEW against BASE, or NEW
 * against the pooled last runs of a {@link History}.
 *
 * @param base        the baseline's JMH JSON file or directory; null with a history
 * @param candidate   the new run's JMH JSON file or directory (NEW)
 * @param history     the history directory; null to compare two runs
 * @param window      with a history: how many past runs form the baseline
 * @param append      with a history: store NEW in it after comparing
 * @param plots       with a history: the directory of the trend plots; null for {@code <out>/trends}
 * @param pair        BASE and NEW each hold one benchmark, compared whatever their names and params
 * @param metric      the metric compared
 * @param policy      the verdict policy
 * @param minCpuShare the busy-machine guard's CPU share, in [0, 1]; 0 turns the guard off
 * @param reports     where the report goes and in which formats
 */
public record CompareRequest(Path base, Path candidate, Path history, int window, boolean append, Path plots,
                             boolean pair, Metric metric, VerdictPolicy policy, double minCpuShare,
                             ComparisonReportFiles reports) {

    /** Whether NEW is compared against a history rather than against BASE. */
    public boolean withHistory() {
        return history != null;
    }
}
