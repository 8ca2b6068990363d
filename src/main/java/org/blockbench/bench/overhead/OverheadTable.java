package org.blockbench.bench.overhead;

import java.util.List;
import java.util.Locale;
import org.blockbench.bench.profile.NodeBreakdown;
import org.blockbench.bench.profile.NodeTime;

/** The human report of {@code blockbench overhead}: one line per config, then optional breakdowns. */
public final class OverheadTable {

    private OverheadTable() {
    }

    /** The table of ratios. */
    public static String render(List<OverheadMeasurement> rows) {
        StringBuilder out = new StringBuilder();
        int w = Math.max(6, rows.stream().mapToInt(r -> r.key().length()).max().orElse(6));
        out.append(String.format(Locale.ROOT, "%-" + w + "s  %12s  %12s  %9s  %12s  %12s  %10s  %8s  %8s  %14s  %10s%n",
                "config", "JMH p50 us", "native p50", "p50 ratio", "JMH mean us", "native mean", "mean ratio",
                "samples", "runs", "unprofiled p50", "alloc B/op"));
        for (OverheadMeasurement r : rows) {
            out.append(String.format(Locale.ROOT, "%-" + w + "s  %12.2f  %12.2f  %9.4f  %12.2f  %12.2f  %10.4f  %8d  %8d  %14.2f  %10.1f%n",
                    r.key(), r.jmhP50Micros(), r.nativeP50Micros(), r.ratioP50(), r.jmhMeanMicros(), r.nativeMeanMicros(),
                    r.ratioMean(), r.jmhSamples(), r.nativeRuns(), r.jmhP50UnprofiledMicros(), r.allocBytesPerOp()));
        }
        return out.toString();
    }

    /** The per-node breakdown of one config. */
    public static String breakdown(OverheadMeasurement m) {
        NodeBreakdown b = m.breakdown();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s: kernels are %.1f %% of model_run time; by operator type:%n",
                m.key(), 100 * b.kernelShareOfRun()));
        for (NodeBreakdown.OpTypeTime t : b.byOpType()) {
            out.append(String.format(Locale.ROOT, "  %-24s %6.2f %%  (%d nodes)%n", t.opType(), 100 * t.shareOfKernelTime(), t.nodes()));
        }
        out.append("  top nodes (mean us per call):").append(System.lineSeparator());
        for (NodeTime n : b.topNodes()) {
            out.append(String.format(Locale.ROOT, "    %-40s %-20s %10.2f  %s%n", n.node(), n.opType(), n.meanMicros(), n.provider()));
        }
        return out.toString();
    }
}
