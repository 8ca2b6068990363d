package org.blockbench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a model meets every stated target: accuracy ≥ target, ranking latency ≤ limit,
 * memory ≤ limit. A check whose input was not measured is unknown, never assumed.
 *
 * @param accuracyOk null when accuracy was not measured
 * @param latencyOk  null when latency was not measured
 * @param memoryOk   null when memory was not analysed
 * @param reasons    one phrase per failed or unknown check
 */
public record Compliance(Boolean accuracyOk, Boolean latencyOk, Boolean memoryOk, List<String> reasons) {

    public Compliance {
        reasons = List.copyOf(reasons);
    }

    static Compliance of(LeaderboardRow row, Targets t) {
        List<String> reasons = new ArrayList<>();
        Boolean acc = null;
        if (row.accuracy() != null) {
            double a = row.accuracy().meanPercent();
            acc = a >= t.minAccuracyPercent();
            if (!acc) {
                reasons.add(String.format(Locale.ROOT, "accuracy %.2f%% < %.2f%%", a, t.minAccuracyPercent()));
            }
        } else {
            reasons.add("accuracy not measured");
        }
        Boolean lat = null;
        if (row.latency() != null) {
            double l = row.latency().rankingLatencyMs();
            lat = l <= t.maxLatencyMs();
            if (!lat) {
                reasons.add(String.format(Locale.ROOT, "latency %s %.3f ms > %.3f ms", row.latency().rankingLatencyKind(), l,
                        t.maxLatencyMs()));
            }
        } else {
            reasons.add("latency not measured");
        }
        Boolean mem = null;
        Double mib = Axis.MEMORY.of(row);
        if (mib != null) {
            mem = mib <= t.maxMemoryMiB();
            if (!mem) {
                reasons.add(String.format(Locale.ROOT, "memory %.2f MiB > %.2f MiB", mib, t.maxMemoryMiB()));
            }
        } else {
            reasons.add("memory not analysed");
        }
        return new Compliance(acc, lat, mem, reasons);
    }

    /** "yes" when every check passed, "no" when one failed, "unknown" when one could not be made. */
    public String verdict() {
        if (Boolean.FALSE.equals(accuracyOk) || Boolean.FALSE.equals(latencyOk) || Boolean.FALSE.equals(memoryOk)) {
            return "no";
        }
        return accuracyOk == null || latencyOk == null || memoryOk == null ? "unknown" : "yes";
    }

    /** The verdict with its reasons: "no: accuracy 41.20% < 50.00%". */
    public String describe() {
        return reasons.isEmpty() ? verdict() : verdict() + ": " + String.join("; ", reasons);
    }
}
