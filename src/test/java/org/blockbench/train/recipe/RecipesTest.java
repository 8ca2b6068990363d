package org.blockbench.train.recipe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.blockbench.BadInputException;
import org.blockbench.data.Augmentation;
import org.junit.jupiter.api.Test;

/** The published recipes hold the values of docs/protocol.md §Training; ReduceLROnPlateau follows PyTorch's rules. */
class RecipesTest {

    @Test
    void blockzooRecipeIsSpecSection4() {
        Recipe r = Recipes.byName("blockzoo");
        assertEquals(OptimizerKind.ADAM, r.optimizer());
        assertEquals(1e-3, r.learningRate());
        assertEquals(Schedule.reduceOnPlateau(0.5, 3), r.schedule());
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
        Recipe fashion = r.withNormalization(org.blockbench.data.Normalization.FASHION_MNIST);
        assertArrayEquals(new float[] {0.2860f, 0.2860f, 0.2860f}, fashion.normalization().mean());
        assertArrayEquals(new float[] {0.3530f, 0.3530f, 0.3530f}, fashion.normalization().std());
        assertEquals(r.withNormalization(Recipes.BLOCKZOO.normalization()), r);
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

    @Test
    void warmupCosineRisesLinearlyThenFollowsAHalfCosineToZero() {
        Schedule s = Schedule.warmupCosine();
        // 100 steps: 10 warm-up steps at 1/10, 2/10, ... 10/10; then 0.5 (1 + cos(pi (t - 10) / 90))
        assertEquals(0.1, s.stepFactor(0, 100), 1e-12);
        assertEquals(1.0, s.stepFactor(9, 100), 1e-12);
        assertEquals(1.0, s.stepFactor(10, 100), 1e-12);
        assertEquals(0.5, s.stepFactor(55, 100), 1e-12);
        assertEquals(0.5 * (1 + Math.cos(Math.PI * 89 / 90)), s.stepFactor(99, 100), 1e-12);
        // 128 steps (the quick protocol: 2,048 images, batch 16): 13 warm-up steps
        assertEquals(1.0 / 13, s.stepFactor(0, 128), 1e-12);
        assertEquals(1.0, s.stepFactor(13, 128), 1e-12);
        assertEquals(1.0, Schedule.CONSTANT.stepFactor(50, 100));
        assertEquals(1.0, Schedule.reduceOnPlateau(0.5, 3).stepFactor(50, 100));
    }

    @Test
    void schedulesParseByNameAndUnknownNamesListTheValidOnes() {
        assertEquals(Schedule.warmupCosine(), Schedule.parse("warmup-cosine", Schedule.CONSTANT));
        assertEquals(Schedule.CONSTANT, Schedule.parse("Constant", Recipes.BLOCKZOO.schedule()));
        assertEquals(Recipes.BLOCKZOO.schedule(), Schedule.parse("reduce-on-plateau", Recipes.BLOCKZOO.schedule()));
        BadInputException e = assertThrows(BadInputException.class, () -> Schedule.parse("onecycle", Schedule.CONSTANT));
        assertTrue(e.getMessage().contains("constant, reduce-on-plateau, warmup-cosine"), e.getMessage());
        assertTrue(Schedule.warmupCosine().describe().startsWith("warmup_cosine("));
        assertFalse(Schedule.warmupCosine().plateau());
    }
}
