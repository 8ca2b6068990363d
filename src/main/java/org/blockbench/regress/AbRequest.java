package org.blockbench.regress;

import java.util.Locale;

/**
 * One A/B session {@code blockbench ab} asks {@link AbRunner} for: two sides, how they are
 * measured, how B is judged against A, and where the reports go (the JMH JSON of each side in
 * {@code <out>/<name>/}).
 *
 * @param a             the baseline
 * @param b             the candidate
 * @param plan          forks, iterations and CPU pinning
 * @param policy        the verdict policy
 * @param verdictMetric the metric whose verdict counts: {@link Metric#PRIMARY} (wall time) or {@link Metric#CPU_TIME}
 * @param minCpuShare   the busy-machine guard's CPU share, in [0, 1]; 0 turns the guard off
 * @param reports       where the report goes and in which formats
 */
public record AbRequest(AbSide a, AbSide b, AbPlan plan, VerdictPolicy policy, Metric verdictMetric, double minCpuShare,
                        ComparisonReportFiles reports) {

    /** The line announcing the session: what is measured against what, and for how long. */
    public String describe() {
        return String.format(Locale.ROOT, "A/B: %s against %s; %d forks per side, %.0f s of measuring per side%s",
                b.describe(), a.describe(), plan.rounds(), plan.measuringSecondsPerSide(),
                plan.cpus().map(c -> ", forks pinned to CPU " + c).orElse(""));
    }
}
