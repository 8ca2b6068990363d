package org.blockbench.export;

import java.util.List;
import java.util.Optional;

/**
 * One zoo model in the manifest: identity, I/O contract, parameter counts, the two files and
 * the GWO annotation.
 *
 * @param inputShape      e.g. ["batch", 3, 32, 32]: a String for a symbolic dim, a number otherwise
 * @param trainableParams trainable parameters (BN running statistics excluded), train form
 * @param bufferElements  BN running-statistic elements, train form
 * @param variants        INT8/FP16 variants of the deploy form ({@code export --variants}); empty in
 *                        manifests written before variants existed
 */
public record ManifestEntry(String block, String position, String inputName, List<Object> inputShape,
                            String outputName, int classes, int opset, long trainableParams, long bufferElements,
                            ModelFile train, ModelFile deploy, GwoSummary gwo, List<VariantFile> variants) {

    public ManifestEntry {
        variants = variants == null ? List.of() : List.copyOf(variants);
    }

    /** An entry without variants. */
    public ManifestEntry(String block, String position, String inputName, List<Object> inputShape, String outputName,
                         int classes, int opset, long trainableParams, long bufferElements, ModelFile train,
                         ModelFile deploy, GwoSummary gwo) {
        this(block, position, inputName, inputShape, outputName, classes, opset, trainableParams, bufferElements, train,
                deploy, gwo, List.of());
    }

    /** The variant called {@code variant} ({@code int8}, {@code fp16}), if exported. */
    public Optional<VariantFile> variant(String variant) {
        return variants.stream().filter(v -> v.variant().equals(variant)).findFirst();
    }

    /** "Block/position", the model's id and directory. */
    public String id() {
        return block + "/" + position;
    }
}
