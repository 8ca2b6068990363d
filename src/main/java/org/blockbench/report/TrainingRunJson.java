package org.blockbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.blockbench.BadInputException;

/**
 * The fields of a training result JSON that the leaderboard reads. Model: {@code model}
 * ("Block/position" or a .onnx path) or {@code block} + {@code position}. Run: {@code dataset},
 * {@code recipe}, {@code seed}, {@code epochs} (a count, or the per-epoch history array),
 * {@code batch_size}, {@code lr}. Final figures from a {@code final} object or the last entry of
 * the per-epoch {@code history}/{@code epochs} array: {@code val_accuracy}, {@code train_accuracy}
 * (fractions 0–1), {@code val_loss}; {@code wall_seconds}; {@code finished_at}.
 */
final class TrainingRunJson {

    private TrainingRunJson() {
    }

    static boolean isRun(JsonNode root) {
        return root.isObject() && root.has("recipe") && root.has("seed");
    }

    /** The run, or null when it has no final validation accuracy. */
    static TrainingRun parse(JsonNode root, Path file) {
        ModelKey key;
        try {
            key = root.has("model") ? ModelKey.parse(root.get("model").asText())
                    : ModelKey.zoo(required(root, "block", file).asText(), required(root, "position", file).asText());
        } catch (BadInputException e) {
            throw new BadInputException(file + ": " + e.getMessage());
        }
        JsonNode history = root.path("history").isArray() ? root.get("history") : root.path("epochs").isArray() ? root.get("epochs") : null;
        JsonNode last = history != null && !history.isEmpty() ? history.get(history.size() - 1) : null;
        JsonNode fin = root.path("final").isObject() ? root.get("final") : last;
        if (fin == null || !fin.has("val_accuracy")) {
            return null;
        }
        int epochs = root.path("epochs").isIntegralNumber() ? root.get("epochs").asInt() : history == null ? 0 : history.size();
        return new TrainingRun(key, required(root, "dataset", file).asText(), root.get("recipe").asText(), root.get("seed").asLong(),
                epochs, root.path("batch_size").asInt(0), root.path("lr").asDouble(Double.NaN),
                percent(fin.get("val_accuracy"), "val_accuracy", file), percent(fin.get("train_accuracy"), "train_accuracy", file),
                fin.path("val_loss").asDouble(Double.NaN), root.path("wall_seconds").asDouble(Double.NaN),
                root.path("finished_at").asText(""), file.toString());
    }

    private static JsonNode required(JsonNode root, String field, Path file) {
        if (!root.hasNonNull(field)) {
            throw new BadInputException(file + ": training result lacks '" + field + "'");
        }
        return root.get(field);
    }

    /** A fraction 0–1 as percent; NaN when absent; out of range fails. */
    private static double percent(JsonNode n, String field, Path file) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return Double.NaN;
        }
        double v = n.asDouble();
        if (!(v >= 0 && v <= 1)) {
            throw new BadInputException(file + ": " + field + " " + v + " is not a fraction in [0, 1]");
        }
        return 100 * v;
    }
}
