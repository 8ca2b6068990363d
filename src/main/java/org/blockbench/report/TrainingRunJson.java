package org.blockbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.blockbench.BadInputException;

/**
 * Reads one {@code run.json} of {@code blockbench train} (format {@value #FORMAT}, written under
 * {@code analysis/training/<model>/<recipe>-<dataset>/seed-<n>/}). Fields used: {@code model.block}
 * and {@code model.position} (zoo) or {@code model.source} (a user's .onnx file);
 * {@code dataset.name}; {@code recipe.name}, {@code recipe.batch_size},
 * {@code recipe.learning_rate}; {@code seed}; the per-epoch {@code epochs} array (its length is the
 * epoch count, its last entry gives the final {@code train_accuracy}); {@code final_val_accuracy}
 * and {@code final_val_loss}; {@code train_seconds} + {@code eval_seconds} (wall time);
 * {@code provenance.finished_at}; {@code parity.passed}. Accuracies there are fractions in [0, 1].
 */
final class TrainingRunJson {

    static final String FORMAT = "blockbench-training-run/1";

    private TrainingRunJson() {
    }

    static boolean isRun(JsonNode root) {
        return root.isObject() && FORMAT.equals(root.path("format").asText());
    }

    static SeedResult parse(JsonNode root, Path file) {
        JsonNode model = required(root, "model", file);
        ModelKey key;
        if (model.hasNonNull("block") && model.hasNonNull("position")) {
            key = ModelKey.zoo(model.get("block").asText(), model.get("position").asText());
        } else if (model.path("source").asText("").toLowerCase(java.util.Locale.ROOT).endsWith(".onnx")) {
            key = ModelKey.parse(model.get("source").asText());
        } else {
            throw new BadInputException(file + ": training run names neither model.block/model.position nor an .onnx"
                    + " model.source");
        }
        JsonNode epochs = required(root, "epochs", file);
        if (!epochs.isArray() || epochs.isEmpty()) {
            throw new BadInputException(file + ": 'epochs' must be the non-empty per-epoch array");
        }
        JsonNode last = epochs.get(epochs.size() - 1);
        JsonNode recipe = required(root, "recipe", file);
        return new SeedResult(key, required(root.path("dataset"), "name", file).asText(), required(recipe, "name", file).asText(),
                required(root, "seed", file).asLong(), epochs.size(), recipe.path("batch_size").asInt(0),
                JmhElements.number(recipe.get("learning_rate")),
                fraction(required(root, "final_val_accuracy", file), "final_val_accuracy", file),
                fraction(last.get("train_accuracy"), "epochs[-1].train_accuracy", file),
                JmhElements.number(root.get("final_val_loss")),
                JmhElements.number(root.get("train_seconds")) + JmhElements.number(root.get("eval_seconds")),
                root.path("provenance").path("finished_at").asText(""), file.toString());
    }

    /** Whether ONNX Runtime agreed with the trainer (true when the record does not say). */
    static boolean parityPassed(JsonNode root) {
        return root.path("parity").path("passed").asBoolean(true);
    }

    private static JsonNode required(JsonNode node, String field, Path file) {
        if (!node.hasNonNull(field)) {
            throw new BadInputException(file + ": training run lacks '" + field + "' (format " + FORMAT + ")");
        }
        return node.get(field);
    }

    /** A fraction 0–1 as percent; NaN when absent; out of range fails. */
    private static double fraction(JsonNode n, String field, Path file) {
        double v = JmhElements.number(n);
        if (Double.isNaN(v)) {
            return v;
        }
        if (!(v >= 0 && v <= 1)) {
            throw new BadInputException(file + ": " + field + " " + v + " is not a fraction in [0, 1]");
        }
        return 100 * v;
    }
}
