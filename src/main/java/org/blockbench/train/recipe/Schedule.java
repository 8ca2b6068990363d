package org.blockbench.train.recipe;

import java.util.Locale;
import org.blockbench.BadInputException;

/**
 * A learning-rate schedule: constant; ReduceLROnPlateau on the validation loss as PyTorch
 * defines it (mode min, relative threshold 1e-4, no cooldown, min_lr 0), stepped per epoch;
 * or warm-up then cosine, stepped per optimiser step as timm's {@code --sched cosine
 * --warmup-epochs} does: the rate rises linearly over the first {@code warmupFraction} of
 * all steps to the recipe's rate and then follows a half cosine to 0 at the last step.
 * A budget of one or two epochs has no epochs to plateau over; the per-step schedule is what
 * makes it train (docs/accuracy.md §Budget).
 *
 * @param kind           which schedule
 * @param factor         multiplier applied on a plateau (REDUCE_ON_PLATEAU)
 * @param patience       epochs without improvement tolerated before reducing (REDUCE_ON_PLATEAU)
 * @param warmupFraction share of all steps spent warming up (WARMUP_COSINE)
 */
public record Schedule(Kind kind, double factor, int patience, double warmupFraction) {

    /** The schedules by their command-line names. */
    public enum Kind {
        CONSTANT, REDUCE_ON_PLATEAU, WARMUP_COSINE;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public static final Schedule CONSTANT = new Schedule(Kind.CONSTANT, 1, 0, 0);

    /** The warm-up share of {@link #warmupCosine()}: a tenth of all steps. */
    public static final double DEFAULT_WARMUP_FRACTION = 0.1;

    public Schedule {
        if (kind == Kind.REDUCE_ON_PLATEAU && (!(factor > 0 && factor < 1) || patience < 0)) {
            throw new IllegalArgumentException("factor must be in (0, 1) and patience >= 0, found " + factor + ", " + patience);
        }
        if (kind == Kind.WARMUP_COSINE && !(warmupFraction >= 0 && warmupFraction < 1)) {
            throw new IllegalArgumentException("warm-up fraction must be in [0, 1), found " + warmupFraction);
        }
    }

    public static Schedule reduceOnPlateau(double factor, int patience) {
        return new Schedule(Kind.REDUCE_ON_PLATEAU, factor, patience, 0);
    }

    /** Linear warm-up over a tenth of the steps, then cosine to 0, per step. */
    public static Schedule warmupCosine() {
        return new Schedule(Kind.WARMUP_COSINE, 1, 0, DEFAULT_WARMUP_FRACTION);
    }

    /** True when the rate changes per epoch on the validation loss. */
    public boolean plateau() {
        return kind == Kind.REDUCE_ON_PLATEAU;
    }

    /**
     * The factor on the epoch's learning rate at optimiser step {@code step} (0-based, counted
     * over all epochs) of {@code totalSteps}: 1 except under WARMUP_COSINE.
     */
    public double stepFactor(long step, long totalSteps) {
        if (kind != Kind.WARMUP_COSINE) {
            return 1;
        }
        long warmup = Math.round(warmupFraction * totalSteps);
        if (step < warmup) {
            return (step + 1.0) / warmup;
        }
        long decay = Math.max(1, totalSteps - warmup);
        return 0.5 * (1 + Math.cos(Math.PI * (step - warmup) / decay));
    }

    /**
     * The schedule {@code id} names: constant, reduce-on-plateau (the recipe's factor and patience,
     * or BlockZoo's for a recipe without one) or warmup-cosine.
     */
    public static Schedule parse(String id, Schedule recipes) {
        return switch (BadInputException.byName("schedule", id, Kind.values(), Kind::id)) {
            case CONSTANT -> CONSTANT;
            case REDUCE_ON_PLATEAU -> recipes.plateau() ? recipes : Recipes.BLOCKZOO.schedule();
            case WARMUP_COSINE -> warmupCosine();
        };
    }

    /** "constant", "reduce_on_plateau(factor=0.5, patience=3, on val loss)" or "warmup_cosine(warmup=0.1 of steps, per step)". */
    public String describe() {
        return switch (kind) {
            case CONSTANT -> "constant";
            case REDUCE_ON_PLATEAU -> "reduce_on_plateau(factor=" + factor + ", patience=" + patience + ", on val loss)";
            case WARMUP_COSINE -> "warmup_cosine(linear warm-up over " + warmupFraction + " of steps, then cosine to 0, per step)";
        };
    }
}
