package org.blockbench.analysis;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The readable form of an analysis: a summary block, the per-op-type table, optionally every node. */
public final class AnalysisTable {

    private AnalysisTable() {
    }

    /** Summary and per-op-type table; with {@code nodes}, one line per node too. */
    public static String render(GraphAnalysis a, boolean nodes) {
        StringBuilder s = new StringBuilder();
        ModelInfo m = a.model();
        s.append(String.format(Locale.ROOT, "model    %s  (graph '%s', opset %d, %s%s)%n", m.file(), m.graphName(),
                m.opset(), m.producer().isEmpty() ? "unknown producer" : m.producer(),
                m.sha256().isEmpty() ? "" : ", sha256 " + m.sha256().substring(0, 12)));
        s.append("inputs   ").append(a.inputShapes().entrySet().stream().map(e -> e.getKey() + "=" + dims(e.getValue()))
                .collect(Collectors.joining(" ")));
        if (!a.assumedDims().isEmpty()) {
            s.append("   (assumed ").append(a.assumedDims().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", "))).append("; set with --input-shape)");
        }
        s.append('\n');
        s.append("status   ").append(a.complete() ? "complete" : "INCOMPLETE, totals are lower bounds: "
                + String.join("; ", a.incompleteReasons())).append('\n');
        a.warnings().forEach(w -> s.append("warning  ").append(w).append('\n'));
        ParameterTotals p = a.params();
        s.append(String.format(Locale.ROOT, "params   %s (%s)   per use %s, shared tensors %d   [distinct initializers;"
                        + " BN running stats are buffers]%n", group(p.elements()), bytes(p.bytes()),
                group(p.perUseElements()), p.shared().size()));
        s.append(String.format(Locale.ROOT, "buffers  %s (%s)   constants %s elements, unused initializers %d%n",
                group(p.bufferElements()), bytes(p.bufferBytes()), group(p.constantElements()), p.unusedInitializers()));
        s.append(String.format(Locale.ROOT, "MACs     %s (%s)   [Conv/ConvTranspose/Gemm/MatMul/Einsum; torchvision/fvcore]%n",
                group(a.macs()), si(a.macs())));
        if (a.integerMacs() > 0) {
            // only INT8 (QDQ) models have integer MACs; float models keep their table unchanged
            s.append(String.format(Locale.ROOT, "         of which integer (int8) %s (%s)   [docs/protocol.md §Integer MACs]%n",
                    group(a.integerMacs()), si(a.integerMacs())));
        }
        s.append(String.format(Locale.ROOT, "FLOPs    %s = 2 x MACs (%s);  all-operator %s (%s)%n",
                group(a.flopsTwoTimesMacs()), si(a.flopsTwoTimesMacs()), group(a.flopsAllOperator()),
                si(a.flopsAllOperator())));
        MemoryTotals mem = a.memory();
        s.append(String.format(Locale.ROOT, "memory   parameters %s, buffers %s, activations %s in all, peak live %s%s%n",
                bytes(mem.parameterBytes()), bytes(mem.bufferBytes()), bytes(mem.activationBytesTotal()),
                bytes(mem.peakLiveActivationBytes()), mem.peakNode().isEmpty() ? "" : " (at " + mem.peakNode() + ")"));
        NeuroBenchStatic nb = a.neuroBench();
        s.append(String.format(Locale.ROOT, "NeuroBench footprint %s, connection sparsity %s (%s zero of %s weights)%n",
                bytes(nb.footprintBytes()), nb.connectionSparsity() == null ? "n/a"
                        : String.format(Locale.ROOT, "%.6f", nb.connectionSparsity()),
                group(nb.zeroWeightElements()), group(nb.weightElements())));
        s.append("unsupported ops: ").append(a.unsupportedOps().isEmpty() ? "none" : String.join(", ", a.unsupportedOps()))
                .append("\n\n");
        s.append(String.format(Locale.ROOT, "%-24s %6s %18s %7s %18s %7s %14s%n", "op type", "count", "MACs", "share",
                "FLOPs (all-op)", "share", "params (use)"));
        for (OpTypeSummary o : a.opTypes()) {
            s.append(String.format(Locale.ROOT, "%-24s %6d %18s %6.2f%% %18s %6.2f%% %14s%n", o.opType(), o.count(),
                    group(o.macs()), 100 * o.macsShare(), group(o.flopsAllOperator()), 100 * o.flopsShare(),
                    group(o.paramElements())));
        }
        if (nodes) {
            s.append(String.format(Locale.ROOT, "%n%5s %-40s %-20s %-22s %12s %16s %16s %14s%n", "#", "node", "op type",
                    "output shape", "params", "MACs", "FLOPs (all-op)", "output bytes"));
            for (NodeCost n : a.nodes()) {
                String shape = n.outputs().isEmpty() ? "-" : n.outputs().get(0).shape() == null ? "?"
                        : dims(n.outputs().get(0).shape());
                s.append(String.format(Locale.ROOT, "%5d %-40s %-20s %-22s %12s %16s %16s %14s%s%n", n.index(),
                        clip(n.name(), 40), clip(n.opType(), 20), clip(shape, 22), group(n.paramElements()),
                        n.macs() == null ? "?" : group(n.macs()),
                        n.flopsAllOperator() == null ? "?" : group(n.flopsAllOperator()),
                        n.outputBytes() == null ? "?" : group(n.outputBytes()),
                        n.status().equals("ok") ? "" : "  [" + n.status() + "]"));
            }
        }
        return s.toString();
    }

    static String dims(long[] shape) {
        return shape.length == 0 ? "scalar" : Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining("x"));
    }

    static String group(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    /** 1.23 G style, decimal prefixes. */
    static String si(long v) {
        String[] units = {"", " k", " M", " G", " T", " P"};
        double x = v;
        int u = 0;
        while (Math.abs(x) >= 1000 && u < units.length - 1) {
            x /= 1000;
            u++;
        }
        return u == 0 ? Long.toString(v) : String.format(Locale.ROOT, "%.3f%s", x, units[u]);
    }

    static String bytes(long b) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double x = b;
        int u = 0;
        while (x >= 1024 && u < units.length - 1) {
            x /= 1024;
            u++;
        }
        return u == 0 ? b + " B" : String.format(Locale.ROOT, "%.2f %s", x, units[u]);
    }

    private static String clip(String s, int width) {
        return s.length() <= width ? s : "…" + s.substring(s.length() - width + 1);
    }
}
