package org.blockbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.blockbench.BadInputException;
import org.blockbench.analysis.Conventions;

/**
 * Reads the zoo's static analysis, {@code onnx-models/analysis.json} as
 * {@code blockbench analyze --manifest} writes it (format {@value #FORMAT}): one entry per
 * {@code block}/{@code position} with {@code train} and {@code deploy} totals. The leaderboard
 * takes the deploy graph's costs (the graph that is benchmarked): {@code macs},
 * {@code flops_two_x_macs}, {@code flops_all_operator}, {@code param_bytes},
 * {@code buffer_bytes}, {@code peak_live_activation_bytes}, {@code complete},
 * {@code unsupported_ops}; the analysis's own {@code warnings} become notes.
 */
public final class AnalysisReader {

    static final String FORMAT = "blockbench-zoo-analysis/1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private AnalysisReader() {
    }

    /** What was read, and what was passed over and why. */
    public record Reading(Map<ModelKey, CostFigures> costs, List<String> notes) {
        public Reading {
            costs = Map.copyOf(costs);
            notes = List.copyOf(notes);
        }
    }

    public static Reading read(Path file) {
        if (!Files.isRegularFile(file)) {
            return new Reading(Map.of(), List.of("no static analysis: " + file + " does not exist (run `blockbench analyze"
                    + " --manifest onnx-models/manifest.json`); params bytes, MACs, FLOPs and memory are empty"));
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new BadInputException(file + ": not valid JSON (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")");
        }
        String format = root == null ? "" : root.path("format").asText("");
        if (!FORMAT.equals(format)) {
            throw new BadInputException(file + ": format '" + format + "', expected '" + FORMAT
                    + "' (the zoo analysis that `blockbench analyze --manifest` writes)");
        }
        Map<ModelKey, CostFigures> costs = new HashMap<>();
        List<String> notes = new ArrayList<>();
        root.path("warnings").forEach(w -> notes.add("analysis: " + w.asText()));
        for (JsonNode m : root.path("models")) {
            if (!m.hasNonNull("block") || !m.hasNonNull("position") || !m.path("deploy").isObject()) {
                throw new BadInputException(file + ": a model entry lacks block, position or deploy totals: " + m);
            }
            costs.put(ModelKey.zoo(m.get("block").asText(), m.get("position").asText()), figures(m.get("deploy"), file));
        }
        return new Reading(costs, notes);
    }

    private static CostFigures figures(JsonNode d, Path file) {
        for (String field : new String[] {"params", "param_bytes", "macs", "peak_live_activation_bytes"}) {
            if (!d.path(field).isNumber()) {
                throw new BadInputException(file + ": deploy totals lack the number '" + field + "'");
            }
        }
        List<String> unsupported = new ArrayList<>();
        d.path("unsupported_ops").forEach(n -> unsupported.add(n.asText()));
        long macs = d.get("macs").asLong();
        if (macs < 0 || macs > Long.MAX_VALUE / 2) {
            throw new BadInputException(file + ": deploy totals hold macs " + macs + ", expected 0 to " + Long.MAX_VALUE / 2);
        }
        return new CostFigures("deploy", d.get("params").asLong(), d.get("param_bytes").asLong(), d.path("buffer_bytes").asLong(0),
                macs, d.path("flops_two_x_macs").asLong(Conventions.flopsTwoTimesMacs(macs)), d.path("flops_all_operator").asLong(),
                d.get("peak_live_activation_bytes").asLong(), d.path("complete").asBoolean(true), unsupported);
    }
}
