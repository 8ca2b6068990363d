package org.blockbench.train.recipe;

/**
 * A learning-rate schedule: none, or ReduceLROnPlateau on the validation loss as PyTorch
 * defines it (mode min, relative threshold 1e-4, no cooldown, min_lr 0).
 *
 * @param plateau  true for ReduceLROnPlateau, false for a constant learning rate
 * @param factor   multiplier applied on a plateau
 * @param patience epochs without improvement tolerated before reducing
 */
public record Schedule(boolean plateau, double factor, int patience) {

    public static final Schedule CONSTANT = new Schedule(false, 1, 0);

    public static Schedule reduceOnPlateau(double factor, int patience) {
        if (!(factor > 0 && factor < 1) || patience < 0) {
            throw new IllegalArgumentException("factor must be in (0, 1) and patience >= 0, found " + factor + ", " + patience);
        }
        return new Schedule(true, factor, patience);
    }

    /** "constant" or "reduce_on_plateau(factor=0.5, patience=3, on val loss)". */
    public String describe() {
        return plateau ? "reduce_on_plateau(factor=" + factor + ", patience=" + patience + ", on val loss)" : "constant";
    }
}
