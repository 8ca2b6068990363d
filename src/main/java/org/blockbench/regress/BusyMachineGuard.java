package org.blockbench.regress;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.blockbench.bench.jmh.OrtBenchmarkParams;
import org.blockbench.bench.jmh.OrtInferenceBenchmark;
import org.blockbench.bench.result.ScoreUnit;

/**
 * Refuses wall-time alarms measured on a busy machine. Where a benchmark also recorded the
 * CPU time of its thread per operation ({@link OrtInferenceBenchmark}'s
 * {@value OrtInferenceBenchmark#CPU_METRIC}), its <em>CPU share</em> is
 * {@code median CPU time per op / median wall time per op}: about 1 when the thread had a
 * core to itself, far below when it queued for one. A wall-time difference then measures the
 * other processes as much as the code, so a "slower" or "faster" verdict on a side whose
 * share is below {@code minShare} becomes "inconclusive" with the shares in the reason.
 * Only single-threaded configurations (param {@code intraOpThreads=1}, or {@code threads=1} in
 * older files, or no such param) are judged:
 * with more ORT threads the calling thread's CPU time is not the whole computation.
 */
public final class BusyMachineGuard {

    /** Default smallest CPU share at which a wall-time alarm is trusted. */
    public static final double DEFAULT_MIN_SHARE = 0.9;

    private BusyMachineGuard() {
    }

    /**
     * The report with alarms on busy-machine benchmarks turned inconclusive, and a note per
     * benchmark whose CPU share is below {@code minShare}. {@code baseCpu}/{@code newCpu} hold
     * the CPU metric of the same runs (benchmarks without it are left as they are).
     */
    public static ComparisonReport apply(ComparisonReport wall, ResultSet baseCpu, ResultSet newCpu, double minShare) {
        List<Comparison> out = new ArrayList<>();
        List<String> notes = new ArrayList<>(wall.notes());
        for (Comparison c : wall.comparisons()) {
            BenchmarkKey cpuKey = Pairing.cpuKeyOf(c.key());
            BenchmarkRun b = baseCpu.runs().get(cpuKey);
            BenchmarkRun n = newCpu.runs().get(cpuKey);
            String threads = OrtBenchmarkParams.intraOpThreadsText(c.key().params()).orElse("1");
            ScoreUnit unit = ScoreUnit.parse(c.unit());
            if (b == null || n == null || !threads.equals("1") || unit.kind() != ScoreUnit.Kind.TIME_PER_OP) {
                out.add(c);
                continue;
            }
            double toNanos = unit.factorTo(ScoreUnit.parse("ns/op"));
            double baseShare = b.in(ScoreUnit.parse("ns/op")).samples().median() / (c.baseMedian() * toNanos);
            double newShare = n.in(ScoreUnit.parse("ns/op")).samples().median() / (c.newMedian() * toNanos);
            if (!(baseShare < minShare || newShare < minShare)) {
                out.add(c);
                continue;
            }
            String shares = String.format(Locale.ROOT, "the benchmark thread was on a CPU for %.0f %% of the baseline's and "
                    + "%.0f %% of the candidate's wall time (below %.0f %%)", 100 * baseShare, 100 * newShare, 100 * minShare);
            notes.add(c.key().label() + ": machine busy: " + shares);
            if (c.verdict() == Verdict.SLOWER || c.verdict() == Verdict.FASTER) {
                out.add(new Comparison(c.key(), c.unit(), c.sampleKind(), c.baseCount(), c.newCount(), c.testedBase(),
                        c.testedNew(), c.baseMedian(), c.newMedian(), c.timeRatio(), c.fastestForkRatio(), c.interval(),
                        c.pValue(), Verdict.INCONCLUSIVE, "machine busy, wall time not trusted (" + shares + "); would be "
                        + c.verdict().text() + ": " + c.reason()));
            } else {
                out.add(c);
            }
        }
        return new ComparisonReport(wall.title(), wall.baseSource(), wall.newSource(), wall.policy(), out, wall.added(),
                wall.removed(), notes, wall.createdAt());
    }
}
