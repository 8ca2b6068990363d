package org.blockbench.analysis.data;

import java.util.Locale;

/** The readable form of data metrics, printed after an analysis table. */
public final class DataMetricsTable {

    private DataMetricsTable() {
    }

    /** Summary lines of the data metrics. */
    public static String render(DataMetricsReport d) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%ndata     %s%n", d.inputSource()));
        Double sparsity = d.activationSparsity();
        s.append(String.format(Locale.ROOT, "activation sparsity %s (%,d zero of %,d outputs of %d activation ops)%n",
                sparsity == null ? "n/a" : String.format(Locale.ROOT, "%.6f", sparsity), d.activationZeros(),
                d.activationElements(), d.activations().size()));
        long dense = d.denseMacs();
        s.append(String.format(Locale.ROOT, "effective MACs %s per sample of %,d dense (ratio %s)%n",
                d.effectiveMacsPerSample().toPlainString(), dense / Math.max(1, d.samples()),
                dense == 0 ? "n/a" : String.format(Locale.ROOT, "%.6f", (double) d.effectiveMacs() / dense)));
        d.notMeasured().forEach(n -> s.append("not measured: ").append(n).append('\n'));
        return s.toString();
    }
}
