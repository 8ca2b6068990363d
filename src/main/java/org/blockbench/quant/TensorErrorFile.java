package org.blockbench.quant;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.blockbench.BadInputException;
import org.blockbench.io.AtomicFile;
import org.blockbench.io.InputFiles;
import org.blockbench.io.JsonFiles;
import org.blockbench.text.OneLine;

/**
 * The one schema of {@code deploy.int8.explain.json} (format {@value #FORMAT}), written by
 * {@code export} beside every INT8 variant and read by the leaderboard, which links each model's
 * worst tensor (docs/quantization.md §Per-tensor report): a {@link TensorErrorReport}, worst first.
 *
 * @param format        always {@value #FORMAT}
 * @param model         "Block/position"
 * @param variantSha256 the SHA-256 of the variant file it explains
 * @param calibration   the calibration set the activations were measured on ({@code CalibrationSet.describe})
 * @param tensors       every quantized tensor, worst (lowest SNR) first
 */
public record TensorErrorFile(String format, String model, String variantSha256, String calibration, List<Tensor> tensors) {

    /** The format tag. */
    public static final String FORMAT = "blockbench-int8-tensor-errors/1";

    /** Larger than any zoo model's report (~300 tensors, 60 KB), small enough to read whole. */
    static final long CAP = 16L << 20;

    private static final ObjectMapper JSON = JsonFiles.mapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public TensorErrorFile {
        tensors = tensors == null ? List.of() : List.copyOf(tensors);
    }

    /**
     * One quantized tensor.
     *
     * @param tensor      its name in the deploy graph
     * @param kind        weight, bias, constant or activation
     * @param snrDb       float against dequantized, dB (null in the file, NaN here, when not finite)
     * @param signalPower Σ x² of the float values
     * @param noisePower  Σ (x − y)² against the dequantized values
     * @param elements    values compared
     */
    public record Tensor(String tensor, String kind, double snrDb, double signalPower, double noisePower, long elements) {
    }

    /** The file of {@code report} for {@code model}'s variant with SHA-256 {@code sha256}. */
    public static TensorErrorFile of(String model, String sha256, String calibration, TensorErrorReport report) {
        return new TensorErrorFile(FORMAT, model, sha256, calibration, report.rows().stream()
                .map(r -> new Tensor(r.tensor(), r.kind().name().toLowerCase(Locale.ROOT), r.snr().db(),
                        r.snr().signalPower(), r.snr().noisePower(), r.snr().elements()))
                .toList());
    }

    /** {@code deploy.int8.onnx} → {@code deploy.int8.explain.json} beside it. */
    public static Path beside(Path variantFile) {
        String name = variantFile.getFileName().toString();
        String stem = name.endsWith(".onnx") ? name.substring(0, name.length() - ".onnx".length()) : name;
        return variantFile.resolveSibling(stem + ".explain.json");
    }

    /** The worst tensor (the first), if any was quantized. */
    public Optional<Tensor> worst() {
        return tensors.isEmpty() ? Optional.empty() : Optional.of(tensors.get(0));
    }

    /** UTF-8 JSON, indented, with a final newline. */
    public byte[] bytes() {
        try {
            return (JSON.writeValueAsString(this) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise the tensor error report of " + model, e);
        }
    }

    /** Writes it atomically. */
    public void write(Path file) {
        AtomicFile.write(file, bytes());
    }

    /**
     * Reads a file; one that is not JSON, in another format, or not of this shape is bad input
     * naming the file.
     */
    public static TensorErrorFile read(Path file) {
        byte[] bytes = InputFiles.read(file, CAP, "INT8 tensor error report");
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new BadInputException(file + ": not valid JSON (" + OneLine.firstLine(e.getMessage()) + ")", e);
        }
        String format = root == null ? "" : root.path("format").asText("");
        if (!FORMAT.equals(format)) {
            throw new BadInputException(file + ": format '" + format + "', expected '" + FORMAT
                    + "' (the per-tensor report `blockbench export --variants int8` writes)");
        }
        try {
            return JSON.treeToValue(root, TensorErrorFile.class);
        } catch (IOException e) {
            throw new BadInputException(file + ": not a " + FORMAT + " file (" + OneLine.firstLine(e.getMessage()) + ")", e);
        }
    }
}
