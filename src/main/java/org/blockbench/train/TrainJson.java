package org.blockbench.train;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import org.blockbench.BadInputException;
import org.blockbench.io.AtomicFile;
import org.blockbench.io.JsonFiles;
import org.blockbench.text.OneLine;

/** JSON for training artefacts: snake_case keys, indented, written atomically. */
final class TrainJson {

    static final ObjectMapper MAPPER = JsonFiles.mapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private TrainJson() {
    }

    static void write(Path file, Object value) {
        try {
            AtomicFile.write(file, MAPPER.writeValueAsBytes(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(value.getClass().getSimpleName() + " does not serialise", e);
        }
    }

    /**
     * Reads a {@link RunRecord}, or empty when {@code file} is JSON of another kind (its
     * {@code format} is not {@value RunRecord#FORMAT}); a file that is not JSON, or a record
     * that does not fit the type, fails naming the file.
     */
    static java.util.Optional<RunRecord> readRun(Path file) {
        com.fasterxml.jackson.databind.JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new BadInputException(file + ": not valid JSON ("
                    + OneLine.firstLine(e.getMessage()) + ")", e);
        }
        if (root == null || !root.isObject() || !RunRecord.FORMAT.equals(root.path("format").asText())) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(MAPPER.treeToValue(root, RunRecord.class));
        } catch (IOException e) {
            throw new BadInputException(file + ": not a " + RunRecord.FORMAT + " record ("
                    + OneLine.firstLine(e.getMessage()) + ")", e);
        }
    }

    static <T> T read(Path file, Class<T> type) {
        try {
            return MAPPER.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new BadInputException(file + ": not a readable " + type.getSimpleName() + " file ("
                    + OneLine.firstLine(e.getMessage()) + ")", e);
        }
    }
}
