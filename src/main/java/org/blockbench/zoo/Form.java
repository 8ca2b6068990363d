package org.blockbench.zoo;

import java.util.Locale;
import org.blockbench.BadInputException;

/**
 * Train form keeps BatchNormalization and every re-parameterisable branch; deploy form folds
 * BN into convolutions and merges branches into single convolutions. Both compute the same
 * function in eval mode. INT8 and FP16 are deployment variants of the deploy form
 * ({@code org.blockbench.quant}, docs/quantization.md): files that {@code export --variants}
 * writes and {@code bench} measures; the zoo never builds them ({@link #requireBuildable}).
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

    /** Parses "train" / "deploy", case-insensitively; anything else lists the valid names. */
    public static Form parse(String id) {
        return BadInputException.byName("form", id, values(), Form::id);
    }
}
