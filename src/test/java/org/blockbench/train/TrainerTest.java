package org.blockbench.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.blockbench.onnx.FloatTensor;
import org.blockbench.data.Dataset;
import org.blockbench.data.SyntheticDataset;
import org.blockbench.train.interp.MemoryLayout;
import org.blockbench.train.interp.Precision;
import org.blockbench.train.interp.TorchGraph;
import org.blockbench.train.recipe.Recipe;
import org.blockbench.train.recipe.Recipes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training loop on a small conv net and a small synthetic set: it learns (validation
 * accuracy far above the 10 % of chance), it is deterministic, and a run killed mid-epoch and
 * resumed from its checkpoint ends bit-identical to an uninterrupted one.
 */
class TrainerTest {

    private static final Dataset DATA = SyntheticDataset.generate(10, 2000, 300, 0);
    private static final Recipe RECIPE = Recipes.BLOCKZOO.withEpochs(6).withBatchSize(32).withLearningRate(3e-3);

    @TempDir
    Path tmp;

    private static TrainingOptions options() {
        return new TrainingOptions(RECIPE, 7, 1, MemoryLayout.NCHW, 100);
    }

    private record Result(Trainer.Outcome outcome, Map<String, FloatTensor> weights) {
    }

    private static Result train(ModelProto model, Path checkpoints, TrainingListener listener) {
        try (TorchGraph graph = TorchGraph.compile(model, "tiny", Precision.FLOAT32, MemoryLayout.NCHW)) {
            Trainer.Outcome outcome = new Trainer(graph, DATA, options(), listener).run(checkpoints);
            return new Result(outcome, graph.parameters().snapshot());
        }
    }

    @Test
    void learnsTheSyntheticDataAndResumesBitIdentically() throws Exception {
        ModelProto model = TinyNet.build(10, 1);
        Result full = train(model, tmp.resolve("full"), TrainingListener.NONE);
        assertEquals(6, full.outcome().epochs().size());
        double valAccuracy = full.outcome().epochs().get(5).valAccuracy();
        assertTrue(valAccuracy > 0.4, "val accuracy after 6 epochs: " + valAccuracy + " (chance 0.1)");
        assertTrue(full.outcome().epochs().get(5).trainLoss() < full.outcome().epochs().get(0).trainLoss());

        // kill in the middle of epoch 2: the checkpoint of epoch 1 stays
        Path killed = tmp.resolve("killed");
        TrainingListener crash = new TrainingListener() {
            @Override
            public void stepDone(int epoch, int step, double meanLoss, double meanAccuracy) {
                if (epoch == 2 && step == 5) {
                    throw new IllegalStateException("simulated kill");
                }
            }
        };
        assertThrows(IllegalStateException.class, () -> train(model, killed, crash));
        assertTrue(Files.exists(killed.resolve(Checkpoints.STATE_FILE)));
        Result resumed = train(model, killed, TrainingListener.NONE);
        assertEquals(1, resumed.outcome().resumedAtEpoch());

        for (int e = 0; e < 6; e++) {
            EpochResult a = full.outcome().epochs().get(e);
            EpochResult b = resumed.outcome().epochs().get(e);
            assertEquals(a.trainLoss(), b.trainLoss(), 0.0, "epoch " + (e + 1) + " train loss");
            assertEquals(a.valLoss(), b.valLoss(), 0.0, "epoch " + (e + 1) + " val loss");
            assertEquals(a.valAccuracy(), b.valAccuracy(), 0.0);
            assertEquals(a.learningRate(), b.learningRate(), 0.0);
        }
        assertArrayEquals(full.outcome().valPredictions(), resumed.outcome().valPredictions());
        assertEquals(full.weights().keySet(), resumed.weights().keySet());
        full.weights().forEach((name, value) -> assertArrayEquals(value.data(), resumed.weights().get(name).data(), 0f, name));
        // running statistics moved away from their initial 0 / 1
        assertFalse(full.weights().get("conv1.bn.running_mean").data()[0] == 0f);
    }
}
