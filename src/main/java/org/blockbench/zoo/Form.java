package org.blockbench.zoo;

import java.util.Locale;

/**
 * Train form keeps BatchNormalization and every re-parameterisable branch; deploy form folds
 * BN into convolutions and merges branches into single convolutions. Both compute the same
 * function in eval mode.
 */
public enum Form {
    TRAIN, DEPLOY;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
