package org.blockbench.train;

import java.util.Locale;
import org.blockbench.BadInputException;
import org.blockbench.train.recipe.Recipe;
import org.blockbench.train.recipe.Recipes;
import org.blockbench.train.recipe.Schedule;
import org.blockbench.zoo.ScaffoldConfig;

/**
 * A training protocol short of the published one (docs/protocol.md §Quick protocol): the scaffold
 * size (BlockZoo's {@code base_channels} and blocks per stage), the training data's size, and
 * each recipe's epochs, batch and learning rate. {@link #QUICK} is what {@code blockbench run}
 * trains by default; {@link #LONG} is the wider, longer protocol {@code blockbench fidelity}
 * checks the quick ranking against. The recipes' optimiser, schedule, augmentation and
 * normalisation stay the published ones; only the named figures are overridden, and every run
 * records them (run.json {@code scaffold}, {@code recipe.overrides}).
 *
 * @param name           "quick" or "long"
 * @param baseChannels   stem and stage widths base, 2·base, 4·base (64 published)
 * @param blocksPerStage blocks per stage (3 published)
 * @param trainSize      training images (the first of the dataset's)
 * @param valSize        validation images
 * @param scaffold       the scaffold models' budget
 * @param gwoNetworks    the GWO networks' budget
 */
public record TrainingProtocol(String name, int baseChannels, int blocksPerStage, int trainSize, int valSize,
                               Budget scaffold, Budget gwoNetworks) {

    /**
     * @param recipe       the published recipe whose optimiser, augmentation and normalisation are used
     * @param epochs       epochs
     * @param batchSize    training batch
     * @param learningRate peak learning rate (the short budgets need larger steps than the published 1e-3)
     * @param schedule     the learning-rate schedule (a budget of one epoch has none to plateau over)
     */
    public record Budget(String recipe, int epochs, int batchSize, double learningRate, Schedule schedule) {
    }

    /**
     * The quick protocol: 45 models × 2 seeds in about 6 minutes of a 2-core machine
     * (docs/accuracy.md has the measured times and accuracies): one epoch of 2,048 images, Adam at
     * a peak lr of 3e-3 with a tenth of the steps warming up and a cosine to 0 after. Without the
     * per-step schedule (constant lr, 1,024 images) three blocks without BatchNorm stalled below
     * 30 % on one seed of two; with it, every model clears 38 % (measured). GWO networks are
     * trained with the blockzoo recipe (Adam) for 3 epochs: under their own recipe's SGD, the
     * DepthwiseConv network's loss stays at ln 10 for 3 epochs of 1,024 images at lr 0.03 to 0.1
     * (measured), so SGD ranks nothing in a quick budget.
     */
    public static final TrainingProtocol QUICK = new TrainingProtocol("quick", 16, 1, 2048, 2048,
            new Budget("blockzoo", 1, 16, 3e-3, Schedule.warmupCosine()),
            new Budget("blockzoo", 3, 16, 3e-3, Schedule.warmupCosine()));

    /**
     * The longer, wider protocol of {@code blockbench fidelity}: twice the width (about three times
     * the MACs), twice the training images and twice the validation images of {@link #QUICK},
     * under the same schedule.
     */
    public static final TrainingProtocol LONG = new TrainingProtocol("long", 32, 1, 4096, 4096,
            new Budget("blockzoo", 1, 16, 3e-3, Schedule.warmupCosine()),
            new Budget("blockzoo", 6, 16, 3e-3, Schedule.warmupCosine()));

    public TrainingProtocol {
        new ScaffoldConfig(ScaffoldConfig.DEFAULT_CLASSES, ScaffoldConfig.DEFAULT_INPUT_SIZE, 0,
                org.blockbench.zoo.InitMode.PYTORCH, baseChannels, blocksPerStage); // validates the knobs
    }

    /**
     * This protocol on {@code fraction} of its training and validation images (rounded, each at
     * least one training batch): a cheaper check of the pipeline, not the protocol; its
     * {@link #describe(String)} states the sizes used.
     *
     * @throws BadInputException unless 0 &lt; fraction ≤ 1 and the smaller set still holds a batch of each budget
     */
    public TrainingProtocol withImageFraction(double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new BadInputException("image fraction must be in (0, 1], found " + fraction);
        }
        int batch = Math.max(scaffold.batchSize(), gwoNetworks.batchSize());
        int train = (int) Math.round(trainSize * fraction);
        int val = (int) Math.round(valSize * fraction);
        if (train < batch || val < batch) {
            throw new BadInputException(String.format(Locale.ROOT, "image fraction %s leaves the %s protocol %d training and"
                    + " %d validation images, fewer than its batch of %d: the smallest fraction is %s", fraction, name, train, val,
                    batch, (double) batch / Math.min(trainSize, valSize)));
        }
        return fraction == 1 ? this : new TrainingProtocol(name, baseChannels, blocksPerStage, train, val, scaffold, gwoNetworks);
    }

    /** The budget of {@code id}: a GWO network's or a scaffold model's. */
    public Budget budget(org.blockbench.zoo.ModelId id) {
        return id.isGwoNetwork() ? gwoNetworks : scaffold;
    }

    /** The recipe {@code budget} names with its epochs, batch and learning rate. */
    public static Recipe recipe(Budget budget) {
        return Recipes.byName(budget.recipe()).withEpochs(budget.epochs()).withBatchSize(budget.batchSize())
                .withLearningRate(budget.learningRate()).withSchedule(budget.schedule());
    }

    /** One line: the knobs and budgets, on {@code dataset} (its name as run.json records it). */
    public String describe(String dataset) {
        String images = dataset.equals(org.blockbench.data.SyntheticDataset.NAME)
                ? "synthetic training images (texture x layout)" : dataset + " training images";
        return String.format(Locale.ROOT, "%s protocol: base_channels=%d, blocks/stage=%d, %d %s, %d validation;"
                        + " scaffold models %s; GWO networks %s",
                name, baseChannels, blocksPerStage, trainSize, images, valSize, describe(scaffold), describe(gwoNetworks));
    }

    private static String describe(Budget b) {
        return String.format(Locale.ROOT, "%s recipe, %d epoch(s), batch %d, lr %s %s", b.recipe(), b.epochs(), b.batchSize(),
                b.learningRate(), b.schedule().kind().id());
    }
}
