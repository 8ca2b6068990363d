package org.blockbench.analysis;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import org.blockbench.BadInputException;
import org.blockbench.text.OneLine;

/**
 * The schema of the zoo's {@value ZooAnalysis#FILE_NAME} (format {@value ZooAnalysis#FORMAT}),
 * declared once: {@link ZooAnalysis} writes this record and the leaderboard reads it back as
 * this record. JSON keys are the components' names in snake_case, sorted (so the file is
 * deterministic; {@code flops_two_x_macs} is named explicitly, as snake_case would join "XMacs");
 * a ratio is a six-decimal plain number or null.
 *
 * @param format          {@value ZooAnalysis#FORMAT}
 * @param manifestFormat  the manifest's format tag
 * @param manifestSha256  SHA-256 of the manifest's bytes
 * @param seed            the manifest's export seed
 * @param classes         the manifest's classifier outputs
 * @param batch           batch size the totals are for (1)
 * @param conventions     what each quantity counts, by name
 * @param warnings        mismatches between the manifest and the files
 * @param models          one entry per manifest model
 */
public record ZooAnalysisFile(String format, String manifestFormat, String manifestSha256, long seed, int classes,
                              int batch, SortedMap<String, String> conventions, List<String> warnings, List<Entry> models) {

    /**
     * One manifest model's graphs.
     *
     * @param block    zoo block
     * @param position scaffold position
     * @param id       "Block/position"
     * @param train    totals of the train-form graph
     * @param deploy   totals of the deploy-form graph (the one benchmarked)
     * @param variants totals of its deployment variants ({@code export --variants}) by name ("int8", "fp16");
     *                 empty when none was exported
     */
    public record Entry(String block, String position, String id, GraphTotals train, GraphTotals deploy,
                        SortedMap<String, GraphTotals> variants) {

        public Entry {
            variants = variants == null ? new java.util.TreeMap<>() : new java.util.TreeMap<>(variants);
        }
    }

    /**
     * The totals of one graph, as the leaderboard reads them (see {@link Conventions}).
     *
     * @param path                     the file, relative to the manifest
     * @param sha256                   SHA-256 of its bytes
     * @param complete                 whether every node was costed
     * @param unsupportedOps           operator types without a cost rule
     * @param inputShapes              the input shapes analysed
     * @param params                   parameter elements
     * @param paramBytes               parameter bytes
     * @param paramsPerUse             parameter elements counted once per reading node
     * @param bufferElements           BN running-statistic elements
     * @param bufferBytes              their bytes
     * @param macs                     multiply-accumulates per image
     * @param flopsTwoXMacs            2 × MACs
     * @param flopsAllOperator         every operator's FLOPs per element
     * @param activationBytesTotal     bytes of every activation
     * @param peakLiveActivationBytes  peak bytes of activations alive at once
     * @param footprintBytes           NeuroBench footprint
     * @param connectionSparsity       NeuroBench connection sparsity, or null
     * @param nodes                    node count
     * @param integerMacs              the part of {@code macs} computed on 8-bit integers (QLinearConv-style
     *                                 QDQ groups, docs/protocol.md §Integer MACs); 0 in a float graph
     * @param fileBytes                the file's size in bytes
     */
    public record GraphTotals(String path, String sha256, boolean complete, List<String> unsupportedOps,
                              SortedMap<String, long[]> inputShapes, long params, long paramBytes, long paramsPerUse,
                              long bufferElements, long bufferBytes, long macs, @JsonProperty("flops_two_x_macs") long flopsTwoXMacs, long flopsAllOperator,
                              long activationBytesTotal, long peakLiveActivationBytes, long footprintBytes,
                              BigDecimal connectionSparsity, int nodes, long integerMacs, long fileBytes) {

        /** The totals of {@code a}, a graph at {@code path}. */
        static GraphTotals of(String path, GraphAnalysis a) {
            return new GraphTotals(path, a.model().sha256(), a.complete(), List.copyOf(a.unsupportedOps()),
                    new java.util.TreeMap<>(a.inputShapes()), a.params().elements(), a.params().bytes(),
                    a.params().perUseElements(), a.params().bufferElements(), a.params().bufferBytes(), a.macs(),
                    a.flopsTwoTimesMacs(), a.flopsAllOperator(), a.memory().activationBytesTotal(),
                    a.memory().peakLiveActivationBytes(), a.neuroBench().footprintBytes(),
                    AnalysisJson.ratio(a.neuroBench().connectionSparsity()), a.nodes().size(), a.integerMacs(),
                    a.model().fileBytes());
        }
    }

    /** UTF-8 bytes as written: sorted snake_case keys, two-space indentation, a final newline. */
    public byte[] bytes() {
        return AnalysisJson.bytes(this);
    }

    /**
     * Reads a file; one in another format, not JSON, or not fitting this record fails naming
     * the file (bad input).
     */
    public static ZooAnalysisFile read(Path file) {
        com.fasterxml.jackson.databind.JsonNode root;
        try {
            root = AnalysisJson.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new BadInputException(file + ": not valid JSON (" + OneLine.firstLine(e.getMessage()) + ")", e);
        }
        String format = root == null ? "" : root.path("format").asText("");
        if (!ZooAnalysis.FORMAT.equals(format)) {
            throw new BadInputException(file + ": format '" + format + "', expected '" + ZooAnalysis.FORMAT
                    + "' (the zoo analysis that `blockbench analyze --manifest` writes)");
        }
        try {
            return AnalysisJson.MAPPER.treeToValue(root, ZooAnalysisFile.class);
        } catch (IOException e) {
            throw new BadInputException(file + ": not a " + ZooAnalysis.FORMAT + " file (" + OneLine.firstLine(e.getMessage()) + ")", e);
        }
    }

}
