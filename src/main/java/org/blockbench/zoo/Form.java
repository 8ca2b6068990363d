package org.blockbench.zoo;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.blockbench.BadInputException;

/**
 * Train form keeps BatchNormalization and every re-parameterisable branch; deploy form folds
 * BN into convolutions and merges branches into single convolutions. Both compute the same
 * function in eval mode. INT8 and FP16 are deployment variants of the deploy form
 * ({@code org.blockbench.quant}, docs/quantization.md): files that {@code export --variants}
 * writes and {@code bench} measures; the zoo never builds them ({@link #requireBuildable}).
 * This is the one notion of a model's form: {@code bench --forms}, {@code --variants}, the
 * manifest, file names and {@code run.json} all name these values.
 */
public enum Form {
    TRAIN, DEPLOY, INT8, FP16;

    /** Whether this is a deployment variant of the deploy form (INT8, FP16), not a form the zoo builds. */
    public boolean isVariant() {
        return this == INT8 || this == FP16;
    }

    /** Fails when the zoo is asked to build a variant: variants are made from the deploy form by org.blockbench.quant. */
    public Form requireBuildable() {
        if (isVariant()) {
            throw new IllegalArgumentException("form " + id() + " is a variant of the deploy form; "
                    + "org.blockbench.quant makes it, the zoo builds only train and deploy");
        }
        return this;
    }

    /** The name used on the command line, in paths, in the manifest and in JMH params. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "train", "deploy", "int8", "fp16", case-insensitively; anything else lists the valid names. */
    public static Form parse(String id) {
        return BadInputException.byName("form", id, values(), Form::id);
    }

    /** The value of {@code blockbench.variant} in a variant's metadata, and of the manifest's variant field. */
    public static final String VARIANT_METADATA_KEY = "blockbench.variant";

    /** The file of this form in a model's directory: {@code train.onnx}, {@code deploy.onnx}, {@code deploy.int8.onnx}. */
    public String fileName() {
        return isVariant() ? "deploy." + id() + ".onnx" : id() + ".onnx";
    }

    /** The deployment variants (INT8, FP16), in declaration order. */
    public static List<Form> variants() {
        return Arrays.stream(values()).filter(Form::isVariant).toList();
    }

    /** The variant called {@code id} ({@code --variants}); anything else is bad input listing int8 and fp16. */
    public static Form parseVariant(String id) {
        Form[] variants = variants().toArray(Form[]::new);
        return BadInputException.byName("variant", id, variants, Form::id);
    }

    /** Variants named in a comma-separated list (or several), in declaration order, each once. */
    public static Set<Form> parseVariants(List<String> items) {
        Set<Form> out = EnumSet.noneOf(Form.class);
        for (String item : items) {
            for (String part : item.split(",")) {
                if (!part.isBlank()) {
                    out.add(parseVariant(part));
                }
            }
        }
        return out;
    }
}
