package org.blockbench.bench.result;

import static org.blockbench.text.NumberText.compact;

import java.util.ArrayList;
import java.util.List;
import org.blockbench.bench.jmh.OrtInferenceBenchmark;

/**
 * The human summary of a sweep: one line per result with the score, its 99.9 % error,
 * percentiles, heap allocation and energy per op, then one line per failed config.
 */
public final class SummaryTable {

    private static final String[] HEADER = {"model", "form", "batch", "prov", "thr", "opt", "mode", "score", "± error",
        "unit", "p50", "p90", "p99", "p99.9", "alloc B/op", "energy J/op"};

    private SummaryTable() {
    }

    /**
     * The table text.
     *
     * @param rows     results, in the order to show
     * @param failures one line per failed config ("key: message")
     */
    public static String render(List<ResultRow> rows, List<String> failures) {
        List<String[]> lines = new ArrayList<>();
        lines.add(HEADER);
        for (ResultRow r : rows) {
            lines.add(new String[] {r.modelLabel(), r.param(OrtInferenceBenchmark.PARAM_FORM),
                r.param(OrtInferenceBenchmark.PARAM_BATCH), r.param(OrtInferenceBenchmark.PARAM_PROVIDER),
                r.param(OrtInferenceBenchmark.PARAM_INTRA_OP_THREADS), r.param(OrtInferenceBenchmark.PARAM_OPT_LEVEL),
                r.mode(), compact(r.score()), compact(r.scoreError()), r.unit(), compact(r.p50()), compact(r.p90()), compact(r.p99()),
                compact(r.p999()), compact(r.allocBytesPerOp()), compact(r.energyJoulesPerOp())});
        }
        int[] widths = new int[HEADER.length];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                boolean text = i < 7 || i == 9;
                String cell = text ? String.format("%-" + widths[i] + "s", line[i]) : String.format("%" + widths[i] + "s", line[i]);
                out.append(i == 0 ? "" : "  ").append(cell);
            }
            out.append(System.lineSeparator());
        }
        if (!failures.isEmpty()) {
            out.append(System.lineSeparator()).append(failures.size()).append(failures.size() == 1 ? " config" : " configs")
                    .append(" failed:").append(System.lineSeparator());
            failures.forEach(f -> out.append("  ").append(f).append(System.lineSeparator()));
        }
        return out.toString();
    }
}
