package org.blockbench.train;

import java.util.Locale;
import org.blockbench.train.recipe.Recipe;
import org.blockbench.train.recipe.Recipes;
import org.blockbench.zoo.ScaffoldConfig;

/**
 * A training protocol short of the published one (docs/protocol.md §Quick protocol): the scaffold
 * size (BlockZoo's {@code base_channels} and blocks per stage), the synthetic data's size, and
 * each recipe's epochs, batch and learning rate. {@link #QUICK} is what {@code blockbench run}
 * trains by default; {@link #LONG} is the wider, longer protocol {@code blockbench fidelity}
 * checks the quick ranking against. The recipes' optimiser, schedule, augmentation and
 * normalisation stay the published ones; only the named figures are overridden, and every run
 * records them (run.json {@code scaffold}, {@code recipe.overrides}).
 *
 * @param name           "quick" or "long"
 * @param baseChannels   stem and stage widths base, 2·base, 4·base (64 published)
 * @param blocksPerStage blocks per stage (3 published)
 * @param trainSize      synthetic training images
 * @param valSize        synthetic validation images
 * @param blockzoo       the blockzoo recipe's budget (scaffold models)
 * @param gwo            the gwo recipe's budget (GWO networks)
 */
public record TrainingProtocol(String name, int baseChannels, int blocksPerStage, int trainSize, int valSize,
                               Budget blockzoo, Budget gwo) {

    /**
     * @param epochs       epochs
     * @param batchSize    training batch
     * @param learningRate initial learning rate (the short budgets need larger steps than the published 1e-3)
     */
    public record Budget(int epochs, int batchSize, double learningRate) {
    }

    /**
     * The quick protocol: 45 models × 2 seeds fit in about 8 minutes of a 2-core machine
     * (docs/accuracy.md has the measured times and accuracies). GWO networks are SGD-trained
     * and tiny: they take a larger learning rate and three epochs to leave the plateau.
     */
    public static final TrainingProtocol QUICK = new TrainingProtocol("quick", 16, 1, 1024, 256,
            new Budget(1, 16, 3e-3), new Budget(3, 16, 0.05));

    /**
     * The longer, wider protocol of {@code blockbench fidelity}: twice the width (about three times
     * the MACs), twice the training images, twice the validation images; sized to fit about 40
     * minutes for 8 models × 2 seeds on a shared 2-core machine.
     */
    public static final TrainingProtocol LONG = new TrainingProtocol("long", 32, 1, 2048, 512,
            new Budget(1, 16, 3e-3), new Budget(6, 16, 3e-3));

    public TrainingProtocol {
        new ScaffoldConfig(ScaffoldConfig.DEFAULT_CLASSES, ScaffoldConfig.DEFAULT_INPUT_SIZE, 0,
                org.blockbench.zoo.InitMode.PYTORCH, baseChannels, blocksPerStage); // validates the knobs
    }

    /** The recipe a model is trained with: blockzoo for scaffold models and, in these short budgets, GWO networks too. */
    public String recipeFor(org.blockbench.zoo.ModelId id) {
        return Recipes.BLOCKZOO.name();
    }

    /** The budget of recipe {@code recipeName}. */
    public Budget budget(String recipeName) {
        return Recipes.byName(recipeName).name().equals(Recipes.GWO.name()) ? gwo : blockzoo;
    }

    /** The published recipe {@code recipeName} with this protocol's epochs, batch and learning rate. */
    public Recipe recipe(String recipeName) {
        Budget b = budget(recipeName);
        return Recipes.byName(recipeName).withEpochs(b.epochs()).withBatchSize(b.batchSize())
                .withLearningRate(b.learningRate());
    }

    /** One line: the knobs and budgets. */
    public String describe() {
        return String.format(Locale.ROOT, "%s protocol: base_channels=%d, blocks/stage=%d, %d synthetic training images"
                        + " (texture x layout), %d validation; blockzoo %d epoch(s) batch %d lr %s; gwo %d epoch(s) batch %d lr %s",
                name, baseChannels, blocksPerStage, trainSize, valSize, blockzoo.epochs(), blockzoo.batchSize(),
                blockzoo.learningRate(), gwo.epochs(), gwo.batchSize(), gwo.learningRate());
    }
}
