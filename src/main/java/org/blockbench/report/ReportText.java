package org.blockbench.report;

import java.util.LinkedHashMap;
import java.util.Map;

/** The words written beside the numbers in every human and machine report. */
final class ReportText {

    private ReportText() {
    }

    static final Map<String, String> CONVENTIONS;

    /** Said under a table with imported accuracy (docs/report.md §Imported accuracy). */
    static final String IMPORTED_ACCURACY = ImportedAccuracy.MARKER + ": accuracy another tool measured, read by"
            + " --import-accuracy from the file named in the cell; mean ± std over the imported values only, never"
            + " averaged with BlockBench's measured runs and not used for scores, Pareto frontiers, events or compliance.";

    static {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("params_trainable", "trainable parameters of the train-form graph (BN running statistics are buffers)");
        c.put("macs", "multiply-accumulates of Conv/Gemm/MatMul/Einsum per image at batch 1 (torchvision/fvcore convention),"
                + " deploy form");
        c.put("flops", "flops_2x_macs = 2 x MACs; flops_all_operator counts every operator per element (see the analysis)");
        c.put("memory_mib", "parameter bytes + buffer bytes + peak live activation bytes at batch 1, in MiB (2^20 bytes)");
        c.put("latency", "JMH over ONNX Runtime: mean time per call (JMH score) and its 99.9 % error; fork std = standard"
                + " deviation of the per-fork means; call std and percentiles from SampleTime samples");
        c.put("accuracy", "final validation accuracy in percent, mean ± sample std over seeds of one recipe and epoch count");
        c.put("gwo", "C_D declared primitives' cost sum over the network; C_P = dynamic sub-network trainable params in"
                + " millions; omega = C_D + alpha*C_P; score = 100*acc%/(1+omega) from the mean accuracy; tiers S >= 1800,"
                + " A >= 1250, B >= 900, C >= 500, D below");
        c.put("pareto", "on the frontier: no other model has lower-or-equal cost and higher-or-equal accuracy with one strictly"
                + " better");
        c.put("missing", "an empty cell (CSV), null (JSON) or an em dash (Markdown, HTML) means not measured, never zero");
        CONVENTIONS = java.util.Collections.unmodifiableMap(c);
    }
}
