package org.blockbench.train.recipe;

import org.blockbench.BadInputException;
import org.blockbench.data.Augmentation;
import org.blockbench.data.DatasetName;
import org.blockbench.data.Normalization;

/**
 * How a model is trained: optimiser and its hyper-parameters, schedule, batch size, epochs,
 * augmentation and input normalisation. Loss is always cross-entropy (mean over the batch).
 * The published recipes are in {@link Recipes}; {@code with*} methods make overridden copies,
 * and every run records the recipe it actually used.
 *
 * @param name           recipe name ("blockzoo", "gwo")
 * @param optimizer      Adam or SGD
 * @param learningRate   initial learning rate
 * @param momentum       SGD momentum (0 for Adam)
 * @param weightDecay    L2 weight decay (0 in both published recipes)
 * @param schedule       learning-rate schedule
 * @param batchSize      images per training step
 * @param epochs         passes over the training set
 * @param augmentation   training-time augmentation
 * @param normalization  per-channel input normalisation (training and evaluation)
 * @param defaultDataset the dataset the recipe was published with ("cifar100", "cifar10")
 */
public record Recipe(String name, OptimizerKind optimizer, double learningRate, double momentum, double weightDecay,
                     Schedule schedule, int batchSize, int epochs, Augmentation augmentation,
                     Normalization normalization, String defaultDataset) {

    public Recipe {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new BadInputException("learning rate must be a positive number, found " + learningRate);
        }
        if (batchSize < 2) {
            throw new BadInputException("batch size must be at least 2 (BatchNormalization needs two samples), found " + batchSize);
        }
        if (epochs < 1) {
            throw new BadInputException("epochs must be at least 1, found " + epochs);
        }
    }

    public Recipe withEpochs(int e) {
        return new Recipe(name, optimizer, learningRate, momentum, weightDecay, schedule, batchSize, e, augmentation,
                normalization, defaultDataset);
    }

    public Recipe withBatchSize(int b) {
        return new Recipe(name, optimizer, learningRate, momentum, weightDecay, schedule, b, epochs, augmentation,
                normalization, defaultDataset);
    }

    public Recipe withSchedule(Schedule s) {
        return new Recipe(name, optimizer, learningRate, momentum, weightDecay, s, batchSize, epochs, augmentation,
                normalization, defaultDataset);
    }

    /** This recipe with a dataset's own input normalisation (Fashion-MNIST's grey statistics) in place of its own. */
    public Recipe withNormalization(Normalization n) {
        return new Recipe(name, optimizer, learningRate, momentum, weightDecay, schedule, batchSize, epochs, augmentation,
                n, defaultDataset);
    }

    /** This recipe for {@code dataset}: with its own normalisation where it brings one, else unchanged. */
    public Recipe forDataset(DatasetName dataset) {
        return dataset.normalization().map(this::withNormalization).orElse(this);
    }

    public Recipe withLearningRate(double lr) {
        return new Recipe(name, optimizer, lr, momentum, weightDecay, schedule, batchSize, epochs, augmentation,
                normalization, defaultDataset);
    }
}
