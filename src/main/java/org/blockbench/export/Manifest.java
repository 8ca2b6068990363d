package org.blockbench.export;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.blockbench.BadInputException;
import org.blockbench.io.AtomicFile;
import org.blockbench.io.JsonFiles;

/**
 * {@code onnx-models/manifest.json}: which models were exported, with what seed and classes,
 * where their files are and what they contain. JSON in snake_case.
 */
public record Manifest(String format, long seed, int classes, int inputSize, String init, int opset,
                       List<ManifestEntry> models) {

    public static final String FORMAT = "blockbench-manifest/1";
    public static final String FILE_NAME = "manifest.json";

    private static final ObjectMapper JSON = JsonFiles.mapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public Manifest {
        models = List.copyOf(models);
    }

    /** The entry for "Block/position", if exported. */
    public Optional<ManifestEntry> find(String block, String position) {
        return models.stream().filter(m -> m.block().equals(block) && m.position().equals(position)).findFirst();
    }

    public static Manifest read(Path file) {
        try {
            if (!Files.exists(file)) {
                throw new NoSuchFileException(file.toString());
            }
            Manifest m = JSON.readValue(org.blockbench.io.InputFiles.read(file, org.blockbench.io.InputFiles.RESULTS_CAP,
                    "a manifest"), Manifest.class);
            if (!FORMAT.equals(m.format())) {
                throw new BadInputException(file + ": manifest format '" + m.format() + "', expected '" + FORMAT + "'");
            }
            return m;
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no manifest here; run `blockbench export` first");
        } catch (IOException e) {
            throw new BadInputException(file + ": not a readable manifest (" + e.getMessage() + ")", e);
        }
    }

    public void write(Path file) {
        try {
            AtomicFile.write(file, JSON.writeValueAsBytes(this));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("manifest does not serialise", e);
        }
    }
}
