package org.blockbench.train.recipe;

import java.util.List;
import org.blockbench.BadInputException;
import org.blockbench.data.Augmentation;
import org.blockbench.data.Normalization;

/** The published training recipes (docs/protocol.md §Training), by name. */
public final class Recipes {

    /**
     * BlockZoo's: Adam lr 1e-3, ReduceLROnPlateau on val loss (factor 0.5, patience 3), batch
     * 256, 25 epochs (50 for the published CIFAR-100 sweep), RandomCrop 32 pad 4 + horizontal
     * flip, CIFAR-100 normalisation, cross-entropy.
     */
    public static final Recipe BLOCKZOO = new Recipe("blockzoo", OptimizerKind.ADAM, 1e-3, 0, 0,
            Schedule.reduceOnPlateau(0.5, 3), 256, 25, Augmentation.CROP_FLIP, Normalization.CIFAR100, "cifar100");

    /**
     * The GWO benchmark's: SGD lr 1e-3 momentum 0.9, no weight decay, no schedule, batch 64,
     * 30 epochs, no augmentation, mean 0.5 / std 0.5, CIFAR-10, cross-entropy.
     */
    public static final Recipe GWO = new Recipe("gwo", OptimizerKind.SGD, 1e-3, 0.9, 0, Schedule.CONSTANT, 64, 30,
            Augmentation.NONE, Normalization.HALF, "cifar10");

    private static final List<Recipe> ALL = List.of(BLOCKZOO, GWO);

    private Recipes() {
    }

    public static List<String> names() {
        return ALL.stream().map(Recipe::name).toList();
    }

    /** The recipe called {@code name}; unknown names list the valid ones. */
    public static Recipe byName(String name) {
        return ALL.stream().filter(r -> r.name().equalsIgnoreCase(name.trim())).findFirst()
                .orElseThrow(() -> BadInputException.unknown("recipe", name, names()));
    }
}
