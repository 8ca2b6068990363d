package org.blockbench.report;

import org.blockbench.model.ModelRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.blockbench.BadInputException;
import org.blockbench.analysis.ZooAnalysisFile;

/**
 * Reads the zoo's static analysis, {@code onnx-models/analysis.json} as
 * {@code blockbench analyze --manifest} writes it, through its one schema
 * {@link ZooAnalysisFile} (format {@value org.blockbench.analysis.ZooAnalysis#FORMAT}): one entry per
 * {@code block}/{@code position} with {@code train} and {@code deploy} totals. The leaderboard
 * takes the deploy graph's costs (the graph that is benchmarked): {@code macs},
 * {@code flops_two_x_macs}, {@code flops_all_operator}, {@code param_bytes},
 * {@code buffer_bytes}, {@code peak_live_activation_bytes}, {@code complete},
 * {@code unsupported_ops}; the analysis's own {@code warnings} become notes.
 */
public final class AnalysisReader {

    private AnalysisReader() {
    }

    /** What was read, and what was passed over and why. */
    public record Reading(Map<ModelRef, CostFigures> costs, List<String> notes) {
        public Reading {
            costs = Map.copyOf(costs);
            notes = List.copyOf(notes);
        }
    }

    public static Reading read(Path file) {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new BadInputException(file + ": expected the zoo analysis file, found a directory or another non-file");
        }
        if (!Files.isRegularFile(file)) {
            return new Reading(Map.of(), List.of("no static analysis: " + file + " does not exist (run `blockbench analyze"
                    + " --manifest onnx-models/manifest.json`); params bytes, MACs, FLOPs and memory are empty"));
        }
        ZooAnalysisFile analysis = ZooAnalysisFile.read(file);
        Map<ModelRef, CostFigures> costs = new HashMap<>();
        List<String> notes = new ArrayList<>();
        if (analysis.warnings() != null) {
            analysis.warnings().forEach(w -> notes.add("analysis: " + w));
        }
        for (ZooAnalysisFile.Entry m : analysis.models() == null ? List.<ZooAnalysisFile.Entry>of() : analysis.models()) {
            if (m.block() == null || m.position() == null || m.deploy() == null) {
                throw new BadInputException(file + ": a model entry lacks block, position or deploy totals (id '"
                        + m.id() + "')");
            }
            costs.put(ModelRef.of(m.block(), m.position()), figures(m.deploy(), file));
        }
        return new Reading(costs, notes);
    }

    private static CostFigures figures(ZooAnalysisFile.GraphTotals d, Path file) {
        long macs = d.macs();
        if (macs < 0 || macs > Long.MAX_VALUE / 2) {
            throw new BadInputException(file + ": deploy totals hold macs " + macs + ", expected 0 to " + Long.MAX_VALUE / 2);
        }
        return new CostFigures("deploy", d.params(), d.paramBytes(), d.bufferBytes(), macs, d.flopsTwoXMacs(),
                d.flopsAllOperator(), d.peakLiveActivationBytes(), d.complete(),
                d.unsupportedOps() == null ? List.of() : d.unsupportedOps());
    }
}
