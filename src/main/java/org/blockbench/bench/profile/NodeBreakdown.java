package org.blockbench.bench.profile;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the native time of a model goes, from one profile: kernel time by operator type (as
 * a share of all kernel time) and the nodes with the most kernel time. Shares are of kernel
 * time, not of {@code model_run} time; {@link #kernelShareOfRun()} says how much of the run the
 * kernels account for (the rest is ONNX Runtime's executor between kernels).
 *
 * @param byOpType          operator types, most time first
 * @param topNodes          the {@code top} nodes with the most kernel time, most first
 * @param totalKernelMicros kernel time of all nodes, µs
 * @param totalRunMicros    {@code model_run} time of all runs, µs
 */
public record NodeBreakdown(List<OpTypeTime> byOpType, List<NodeTime> topNodes, long totalKernelMicros,
                            long totalRunMicros) {

    public NodeBreakdown {
        byOpType = List.copyOf(byOpType);
        topNodes = List.copyOf(topNodes);
    }

    /** Breaks down {@code profile}, keeping the {@code top} slowest nodes. */
    public static NodeBreakdown of(OrtProfile profile, int top) {
        long kernel = profile.nodes().stream().mapToLong(NodeTime::totalMicros).sum();
        long run = java.util.Arrays.stream(profile.modelRunMicros()).sum();
        Map<String, long[]> byType = new LinkedHashMap<>();
        for (NodeTime n : profile.nodes()) {
            long[] acc = byType.computeIfAbsent(n.opType(), k -> new long[2]);
            acc[0] += n.totalMicros();
            acc[1]++;
        }
        List<OpTypeTime> types = byType.entrySet().stream()
                .map(e -> new OpTypeTime(e.getKey(), (int) e.getValue()[1], e.getValue()[0],
                        kernel == 0 ? Double.NaN : (double) e.getValue()[0] / kernel))
                .sorted(Comparator.comparingLong(OpTypeTime::totalMicros).reversed().thenComparing(OpTypeTime::opType))
                .toList();
        List<NodeTime> nodes = profile.nodes().stream()
                .sorted(Comparator.comparingLong(NodeTime::totalMicros).reversed().thenComparing(NodeTime::node))
                .limit(top).toList();
        return new NodeBreakdown(types, nodes, kernel, run);
    }

    /** Kernel time over {@code model_run} time (NaN without runs). */
    public double kernelShareOfRun() {
        return totalRunMicros == 0 ? Double.NaN : (double) totalKernelMicros / totalRunMicros;
    }

    /**
     * Kernel time of one operator type.
     *
     * @param opType       operator type as ONNX Runtime ran it
     * @param nodes        how many nodes of this type ran
     * @param totalMicros  their kernel time, µs
     * @param shareOfKernelTime totalMicros over all kernel time
     */
    public record OpTypeTime(String opType, int nodes, long totalMicros, double shareOfKernelTime) {
    }
}
