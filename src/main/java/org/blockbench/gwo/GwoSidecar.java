package org.blockbench.gwo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.blockbench.BadInputException;
import org.blockbench.io.JsonFiles;
import org.blockbench.text.OneLine;

/**
 * The GWO declaration of a user's ONNX model, in a JSON file next to it: {@code model.onnx}
 * is described by {@code model.gwo.json}. Format {@value #FORMAT}:
 *
 * <pre>{@code
 * {
 *   "format": "blockbench-gwo/1",
 *   "operations": [
 *     {"name": "offset_conv", "primitives": ["STATIC_SLIDING", "DENSE_SQUARE", "SHARED_KERNEL"]},
 *     {"name": "deform",      "primitives": ["CONTENT_AWARE", "DENSE_SQUARE(3)", "SHARED_KERNEL"]}
 *   ],
 *   "instances": 2,
 *   "dynamic_subnetworks": ["layer1.offset", "layer2.offset"]
 * }
 * }</pre>
 *
 * {@code operations} are those of one instance of the module (C_D = their cost sum ×
 * {@code instances}, which defaults to 1). Primitive names are those of {@link GwoPrimitive};
 * an argument in parentheses ({@code DENSE_SQUARE(3)}) is allowed and does not change the cost.
 * {@code dynamic_subnetworks} (optional, default none) are initializer-name scopes: an
 * initializer belongs to scope {@code s} when its name is {@code s}, starts with {@code s.} or
 * contains {@code .s.}; C_P counts the trainable elements of those initializers.
 *
 * @param annotation the declared operations and dynamic scopes
 * @param instances  how many instances of the declared module the network holds
 */
public record GwoSidecar(GwoAnnotation annotation, int instances) {

    public static final String FORMAT = "blockbench-gwo/1";
    public static final String SUFFIX = ".gwo.json";

    private static final ObjectMapper JSON = JsonFiles.mapper();
    private static final Set<String> KEYS = Set.of("format", "operations", "instances", "dynamic_subnetworks", "comment");

    /** C_D of the whole network: the declared cost sum × instances. */
    public int descriptiveComplexity() {
        return annotation.descriptiveComplexity() * instances;
    }

    /** Where the sidecar of {@code onnxFile} lives: same directory, ".onnx" replaced by ".gwo.json". */
    public static Path pathFor(Path onnxFile) {
        return onnxFile.resolveSibling(org.blockbench.onnx.OnnxModelFile.stem(onnxFile) + SUFFIX);
    }

    /** The sidecar of {@code onnxFile}, if there is one; a malformed one fails naming the file. */
    public static Optional<GwoSidecar> findFor(Path onnxFile) {
        Path file = pathFor(onnxFile);
        return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
    }

    /** Reads and validates a sidecar file. */
    public static GwoSidecar read(Path file) {
        if (!Files.exists(file)) {
            throw new BadInputException(file + ": no such GWO sidecar");
        }
        JsonNode root;
        try {
            root = JSON.readTree(org.blockbench.io.InputFiles.read(file, org.blockbench.io.InputFiles.DESCRIPTOR_CAP,
                    "a GWO sidecar"));
        } catch (IOException e) {
            throw new BadInputException(file + ": not valid JSON (" + OneLine.firstLine(e.getMessage()) + ")", e);
        }
        return parse(root, file.toString());
    }

    /** Validates a parsed sidecar; {@code source} names it in errors. */
    public static GwoSidecar parse(JsonNode root, String source) {
        JsonFiles.requireFormat(root, FORMAT, KEYS, source);
        JsonNode ops = root.path("operations");
        if (!ops.isArray() || ops.isEmpty()) {
            throw new BadInputException(source + ": \"operations\" must be a non-empty array of"
                    + " {\"name\": ..., \"primitives\": [...]}");
        }
        List<GwoOperation> operations = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            operations.add(operation(ops.get(i), source + ": operations[" + i + "]"));
        }
        int instances = 1;
        if (root.has("instances")) {
            JsonNode n = root.get("instances");
            if (!n.isIntegralNumber() || n.asInt() < 1) {
                throw new BadInputException(source + ": \"instances\" must be an integer >= 1, found " + n);
            }
            instances = n.asInt();
        }
        List<String> scopes = new ArrayList<>();
        JsonNode dyn = root.path("dynamic_subnetworks");
        if (!dyn.isMissingNode()) {
            if (!dyn.isArray()) {
                throw new BadInputException(source + ": \"dynamic_subnetworks\" must be an array of scope names, found " + dyn);
            }
            for (JsonNode s : dyn) {
                if (!s.isTextual() || s.asText().isBlank()) {
                    throw new BadInputException(source + ": a dynamic sub-network scope must be a non-empty string, found " + s);
                }
                scopes.add(s.asText().strip());
            }
        }
        return new GwoSidecar(new GwoAnnotation(operations, scopes), instances);
    }

    private static GwoOperation operation(JsonNode op, String where) {
        if (!op.isObject() || !op.path("name").isTextual() || !op.path("primitives").isArray() || op.path("primitives").isEmpty()) {
            throw new BadInputException(where + ": expected {\"name\": \"...\", \"primitives\": [\"STATIC_SLIDING\", ...]}, found " + op);
        }
        List<GwoPrimitive> primitives = new ArrayList<>();
        for (JsonNode p : op.get("primitives")) {
            primitives.add(primitive(p.asText(), where));
        }
        return new GwoOperation(op.get("name").asText(), primitives);
    }

    /** Parses a primitive name, case-insensitively, ignoring an argument in parentheses. */
    static GwoPrimitive primitive(String text, String where) {
        String name = text.strip();
        int paren = name.indexOf('(');
        if (paren >= 0) {
            if (!name.endsWith(")")) {
                throw new BadInputException(where + ": primitive '" + text + "' has an unclosed argument");
            }
            name = name.substring(0, paren).strip();
        }
        for (GwoPrimitive p : GwoPrimitive.values()) {
            if (p.name().equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new BadInputException(where + ": " + BadInputException.unknown("GWO primitive", text,
                Arrays.stream(GwoPrimitive.values()).map(Enum::name).toList()).getMessage());
    }

}
