package org.blockbench.quant;

import org.blockbench.data.CalibrationSet;
import org.blockbench.zoo.Form;
import java.util.Set;

/**
 * Which variants to make and how INT8 is calibrated: the options {@code export}, {@code train}
 * and {@code run} share ({@code --variants}, {@code --calibration-*}).
 *
 * @param variants          the variants, none by default
 * @param quant             the calibration method and percentile
 * @param calibrationImages images of the dataset's training split to calibrate on
 * @param calibrationBatch  images per calibration inference; a set smaller than one batch is refused
 * @param calibrationSeed   the seed of the draw
 */
public record VariantOptions(Set<Form> variants, QuantSettings quant, int calibrationImages, int calibrationBatch,
                             long calibrationSeed) {

    public VariantOptions {
        variants = Set.copyOf(variants);
        for (Form f : variants) {
            if (!f.isVariant()) {
                throw new IllegalArgumentException("form " + f.id() + " is not a variant; the variants are "
                        + Form.variants().stream().map(Form::id).toList());
            }
        }
        if (variants.contains(Form.INT8)) {
            CalibrationSet.requireAtLeastOneBatch(calibrationImages, calibrationBatch);
        }
    }

    /** No variants. */
    public static VariantOptions none() {
        return new VariantOptions(Set.of(), QuantSettings.DEFAULT, CalibrationSet.DEFAULT_IMAGES,
                CalibrationSet.DEFAULT_BATCH, 0);
    }

    /** The variants in declaration order (INT8, then FP16). */
    public java.util.List<Form> ordered() {
        return Form.variants().stream().filter(variants::contains).toList();
    }

    public VariantMaker maker() {
        return new VariantMaker(quant);
    }
}
