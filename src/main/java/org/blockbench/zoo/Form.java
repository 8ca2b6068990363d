package org.blockbench.zoo;

import java.util.Arrays;
import java.util.Locale;
import org.blockbench.BadInputException;

/**
 * Train form keeps BatchNormalization and every re-parameterisable branch; deploy form folds
 * BN into convolutions and merges branches into single convolutions. Both compute the same
 * function in eval mode.
 */
public enum Form {
    TRAIN, DEPLOY;

    /** The name used on the command line, in paths, in the manifest and in JMH params. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "train" / "deploy", case-insensitively; anything else lists the valid names. */
    public static Form parse(String id) {
        for (Form f : values()) {
            if (f.id().equals(id.strip().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw BadInputException.unknown("form", id, Arrays.stream(values()).map(Form::id).toList());
    }
}
