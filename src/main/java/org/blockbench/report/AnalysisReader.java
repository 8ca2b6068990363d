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

/**
 * Reads the static analysis of the zoo ({@code onnx-models/analysis.json}, format
 * {@code blockbench-analysis-set/1}: {@code {"format": ..., "models": [analysis, ...]}}, each
 * analysis in format {@code blockbench-analysis/1}; a single analysis object is accepted too).
 * An analysis is matched to its model by {@code block}/{@code position}/{@code form} fields
 * where present, else by {@code model.path} or {@code model.file} of the form
 * {@code Block/position/form.onnx} (relative to the manifest) or a user's {@code .onnx} path.
 * Where both forms of a model were analysed, the deploy form (the one benchmarked) is used.
 */
public final class AnalysisReader {

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
            return new Reading(Map.of(), List.of("no static analysis: " + file + " does not exist"));
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new BadInputException(file + ": not valid JSON (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")");
        }
        List<JsonNode> analyses = new ArrayList<>();
        String format = root.path("format").asText("");
        if (format.equals("blockbench-analysis-set/1")) {
            root.path("models").forEach(analyses::add);
        } else if (format.equals("blockbench-analysis/1")) {
            analyses.add(root);
        } else {
            throw new BadInputException(file + ": format '" + format
                    + "', expected 'blockbench-analysis-set/1' or 'blockbench-analysis/1'");
        }
        Map<ModelKey, CostFigures> costs = new HashMap<>();
        List<String> notes = new ArrayList<>();
        for (JsonNode a : analyses) {
            Identity id = identify(a);
            if (id == null) {
                notes.add(file + ": an analysis of '" + a.path("model").path("file").asText("?")
                        + "' names no Block/position/form and was skipped");
                continue;
            }
            CostFigures c = figures(a, id.form(), file);
            CostFigures prior = costs.get(id.key());
            if (prior == null || (!prior.form().equals("deploy") && id.form().equals("deploy"))) {
                costs.put(id.key(), c);
            }
        }
        return new Reading(costs, notes);
    }

    private record Identity(ModelKey key, String form) {
    }

    private static Identity identify(JsonNode a) {
        if (a.hasNonNull("block") && a.hasNonNull("position")) {
            return new Identity(ModelKey.zoo(a.get("block").asText(), a.get("position").asText()), a.path("form").asText("deploy"));
        }
        if (a.hasNonNull("id") && a.get("id").asText().contains("/") && !a.get("id").asText().endsWith(".onnx")) {
            return new Identity(ModelKey.parse(a.get("id").asText()), a.path("form").asText("deploy"));
        }
        for (String field : new String[] {"path", "file"}) {
            String p = a.path("model").path(field).asText("").replace('\\', '/');
            String[] parts = p.split("/");
            if (parts.length >= 3 && (parts[parts.length - 1].equals("deploy.onnx") || parts[parts.length - 1].equals("train.onnx"))) {
                String form = parts[parts.length - 1].replace(".onnx", "");
                return new Identity(ModelKey.zoo(parts[parts.length - 3], parts[parts.length - 2]), form);
            }
            if (p.endsWith(".onnx") && !p.endsWith("/deploy.onnx") && !p.endsWith("/train.onnx") && p.contains("/")) {
                return new Identity(ModelKey.parse(p), "file");
            }
        }
        return null;
    }

    private static CostFigures figures(JsonNode a, String form, Path file) {
        JsonNode params = a.path("params");
        JsonNode memory = a.path("memory");
        if (!params.has("elements") || !a.path("macs").has("total")) {
            throw new BadInputException(file + ": an analysis lacks params.elements or macs.total; expected format blockbench-analysis/1");
        }
        List<String> unsupported = new ArrayList<>();
        a.path("unsupported_ops").forEach(n -> unsupported.add(n.asText()));
        long macs = a.path("macs").path("total").asLong();
        return new CostFigures(form, params.path("elements").asLong(), params.path("bytes").asLong(),
                a.path("buffers").path("bytes").asLong(memory.path("buffer_bytes").asLong()), macs,
                a.path("flops").path("two_x_macs").asLong(2 * macs), a.path("flops").path("all_operator").asLong(),
                memory.path("peak_live_activation_bytes").asLong(), a.path("complete").asBoolean(true), unsupported);
    }
}
