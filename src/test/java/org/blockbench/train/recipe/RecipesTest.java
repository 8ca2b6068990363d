package org.blockbench.train.recipe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.blockbench.BadInputException;
import org.blockbench.train.data.Augmentation;
import org.junit.jupiter.api.Test;

/** The published recipes hold the values of docs/protocol.md §Training; ReduceLROnPlateau follows PyTorch's rules. */
class RecipesTest {

    @Test
    void blockzooRecipeIsSpecSection4() {
        Recipe r = Recipes.byName("blockzoo");
        assertEquals(OptimizerKind.ADAM, r.optimizer());
        assertEquals(1e-3, r.learningRate());
        assertEquals(new Schedule(true, 0.5, 3), r.schedule());
        assertEquals(256, r.batchSize());
        assertEquals(25, r.epochs());
        assertEquals(Augmentation.CROP_FLIP, r.augmentation());
        assertArrayEquals(new float[] {0.5071f, 0.4867f, 0.4408f}, r.normalization().mean());
        assertArrayEquals(new float[] {0.2675f, 0.2565f, 0.2761f}, r.normalization().std());
        assertEquals(0, r.weightDecay());
        assertEquals("cifar100", r.defaultDataset());
    }

    @Test
    void gwoRecipeIsSpecSection4() {
        Recipe r = Recipes.byName("GWO");
        assertEquals(OptimizerKind.SGD, r.optimizer());
        assertEquals(1e-3, r.learningRate());
        assertEquals(0.9, r.momentum());
        assertEquals(0, r.weightDecay());
        assertEquals(Schedule.CONSTANT, r.schedule());
        assertEquals(64, r.batchSize());
        assertEquals(30, r.epochs());
        assertEquals(Augmentation.NONE, r.augmentation());
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f}, r.normalization().mean());
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f}, r.normalization().std());
        assertEquals("cifar10", r.defaultDataset());
    }

    @Test
    void overridesAndBadValues() {
        Recipe r = Recipes.BLOCKZOO.withEpochs(3).withBatchSize(32).withLearningRate(0.01);
        assertEquals(3, r.epochs());
        assertEquals(32, r.batchSize());
        assertEquals(0.01, r.learningRate());
        assertEquals(Recipes.BLOCKZOO.schedule(), r.schedule());
        BadInputException unknown = assertThrows(BadInputException.class, () -> Recipes.byName("timm"));
        assertEquals("unknown recipe 'timm', expected one of [blockzoo, gwo]", unknown.getMessage());
        assertThrows(BadInputException.class, () -> Recipes.GWO.withBatchSize(1));
        assertThrows(BadInputException.class, () -> Recipes.GWO.withEpochs(0));
        assertThrows(BadInputException.class, () -> Recipes.GWO.withLearningRate(-1));
    }

    @Test
    void plateauSchedulerHalvesAfterMoreThanPatienceBadEpochs() {
        PlateauScheduler s = new PlateauScheduler(Schedule.reduceOnPlateau(0.5, 3), 1e-3);
        // PyTorch: best 1.0; 1.0, 0.99995 (within the 1e-4 relative threshold), 1.2 are bad;
        // the 4th bad epoch (> patience 3) halves the rate and resets the count
        double[] losses = {1.0, 1.0, 0.99995, 1.2, 1.1, 0.5, 0.6, 0.6, 0.6, 0.6};
        double[] expected = {1e-3, 1e-3, 1e-3, 1e-3, 5e-4, 5e-4, 5e-4, 5e-4, 5e-4, 2.5e-4};
        for (int i = 0; i < losses.length; i++) {
            assertEquals(expected[i], s.step(losses[i]), 1e-15, "after epoch " + (i + 1));
        }
        assertEquals(0.5, s.state().best());
        assertEquals(0, s.state().badEpochs());
        PlateauScheduler constant = new PlateauScheduler(Schedule.CONSTANT, 1e-3);
        for (int i = 0; i < 10; i++) {
            assertEquals(1e-3, constant.step(10 + i));
        }
        assertTrue(Schedule.reduceOnPlateau(0.5, 3).describe().contains("patience=3"));
    }
}
