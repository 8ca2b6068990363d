package org.blockbench.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.blockbench.BadInputException;
import org.blockbench.onnx.OnnxModelFile;
import org.blockbench.data.Dataset;
import org.blockbench.data.SyntheticDataset;
import org.blockbench.train.interp.MemoryLayout;
import org.blockbench.train.recipe.Recipes;
import org.blockbench.train.recipe.Schedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole run of an ONNX file: run.json, trained weights written back (ORT reproduces the
 * trainer's predictions), the refusal to silently restart an interrupted run, and a resumed
 * run that records the same epochs and weights as an uninterrupted one.
 */
class TrainingRunTest {

    @TempDir
    Path tmp;

    private static final Dataset DATA = SyntheticDataset.generate(10, 384, 300, 3);
    /** The quick protocol's per-step schedule, so that a resumed run must continue its cosine where it stopped. */
    private static final TrainingOptions OPTIONS = new TrainingOptions(
            Recipes.BLOCKZOO.withEpochs(2).withBatchSize(32).withSchedule(Schedule.warmupCosine()), 11, 1,
            MemoryLayout.CHANNELS_LAST, 64);

    private ModelSource.OnnxFile tinyFile() {
        Path file = tmp.resolve("tiny.onnx");
        OnnxModelFile.write(file, TinyNet.build(10, 5));
        return ModelSource.OnnxFile.read(file);
    }

    @Test
    void writesRecordAndTrainedWeightsThatOnnxRuntimeReproduces() {
        ModelSource.OnnxFile source = tinyFile();
        TrainingRun.Result result = TrainingRun.execute(new TrainingRun.Request(source, DATA, OPTIONS, tmp.resolve("out"),
                false, false), TrainingListener.NONE);
        assertEquals(TrainingRun.Status.TRAINED, result.status());
        // a file's runs live under onnx/<ModelRef key>: its stem plus a hash of its path, so two tiny.onnx never meet
        String key = source.ref().key();
        assertTrue(key.matches("tiny-[0-9a-f]{8}"), key);
        assertEquals(tmp.resolve("out/onnx/" + key + "/blockzoo-synthetic/seed-11"), result.directory());
        RunRecord r = TrainJson.read(result.directory().resolve(RunRecord.FILE_NAME), RunRecord.class);
        assertEquals("onnx/" + key, r.model().id());
        assertEquals(source.ref(), org.blockbench.model.ModelRef.parse(r.model().source()), "run.json names the file ModelRef reads back");
        assertEquals(RunRecord.FORMAT, r.format());
        assertEquals(2, r.epochs().size());
        assertEquals(384, r.dataset().trainSize());
        assertEquals(java.util.List.of("epochs", "batch_size", "schedule"), r.recipe().overrides());
        assertEquals("channels_last", r.memoryFormat());
        assertEquals(r.epochs().get(1).valAccuracy(), r.finalValAccuracy());
        assertTrue(r.parity().passed(), "parity: " + r.parity());
        assertTrue(r.parity().agreement() >= 0.999);
        assertEquals(r.finalValAccuracy(), r.parity().trainerValAccuracy());
        assertEquals(r.parity().trainerValAccuracy(), r.parity().ortValAccuracy(), 1.0 / 300 + 1e-12);
        assertFalse(Files.exists(result.directory().resolve(TrainingRun.CHECKPOINT_DIR)), "checkpoint left behind");

        // the written file holds trained, not initial, weights; the graph is otherwise the same
        ModelProto initial = source.model();
        ModelProto trained = OnnxModelFile.read(result.directory().resolve(TrainingRun.TRAIN_FILE));
        assertEquals(initial.getGraph().getNodeList(), trained.getGraph().getNodeList());
        Map<String, TensorProto> before = new HashMap<>();
        initial.getGraph().getInitializerList().forEach(t -> before.put(t.getName(), t));
        for (TensorProto t : trained.getGraph().getInitializerList()) {
            assertEquals(before.get(t.getName()).getDimsList(), t.getDimsList(), t.getName());
            assertFalse(before.get(t.getName()).getRawData().equals(t.getRawData()), t.getName() + " unchanged by training");
        }
        assertEquals(r.artefacts().get("train_onnx").sha256(),
                OnnxModelFile.sha256(result.directory().resolve(TrainingRun.TRAIN_FILE)));
        assertTrue(trained.getMetadataPropsList().stream().anyMatch(p -> p.getKey().equals("blockbench.trained.seed")
                && p.getValue().equals("11")));

        // asking again does nothing
        TrainingRun.Result again = TrainingRun.execute(new TrainingRun.Request(source, DATA, OPTIONS, tmp.resolve("out"),
                false, false), TrainingListener.NONE);
        assertEquals(TrainingRun.Status.ALREADY_DONE, again.status());
        // the same directory asked for with other settings is not silently taken as done
        TrainingOptions longer = new TrainingOptions(OPTIONS.recipe().withEpochs(3), 11, 1, MemoryLayout.CHANNELS_LAST, 64);
        BadInputException e = assertThrows(BadInputException.class, () -> TrainingRun.execute(
                new TrainingRun.Request(source, DATA, longer, tmp.resolve("out"), false, false), TrainingListener.NONE));
        assertTrue(e.getMessage().contains("epochs 2 there, 3 asked") && e.getMessage().contains("--force"), e.getMessage());
        TrainingOptions plateau = new TrainingOptions(OPTIONS.recipe().withSchedule(Recipes.BLOCKZOO.schedule()), 11, 1,
                MemoryLayout.CHANNELS_LAST, 64);
        BadInputException schedule = assertThrows(BadInputException.class, () -> TrainingRun.execute(
                new TrainingRun.Request(source, DATA, plateau, tmp.resolve("out"), false, false), TrainingListener.NONE));
        assertTrue(schedule.getMessage().contains("schedule warmup_cosine("), schedule.getMessage());
    }

    @Test
    void interruptedRunNeedsResumeAndThenMatchesAnUninterruptedOne() {
        ModelSource.OnnxFile source = tinyFile();
        RunRecord uninterrupted = TrainingRun.execute(new TrainingRun.Request(source, DATA, OPTIONS, tmp.resolve("a"),
                false, false), TrainingListener.NONE).record();

        TrainingListener kill = new TrainingListener() {
            @Override
            public void stepDone(int epoch, int step, double meanLoss, double meanAccuracy) {
                if (epoch == 2 && step == 3) {
                    throw new IllegalStateException("simulated kill");
                }
            }
        };
        TrainingRun.Request request = new TrainingRun.Request(source, DATA, OPTIONS, tmp.resolve("b"), false, false);
        assertThrows(IllegalStateException.class, () -> TrainingRun.execute(request, kill));
        BadInputException refused = assertThrows(BadInputException.class, () -> TrainingRun.execute(request, TrainingListener.NONE));
        assertTrue(refused.getMessage().contains("--resume"), refused.getMessage());
        assertTrue(refused.getMessage().contains("1 of 2 epochs"), refused.getMessage());

        RunRecord resumed = TrainingRun.execute(new TrainingRun.Request(source, DATA, OPTIONS, tmp.resolve("b"), true, false),
                TrainingListener.NONE).record();
        assertEquals(1, resumed.provenance().resumedAtEpoch());
        for (int e = 0; e < 2; e++) {
            EpochResult a = uninterrupted.epochs().get(e);
            EpochResult b = resumed.epochs().get(e);
            assertEquals(a.trainLoss(), b.trainLoss(), 0.0);
            assertEquals(a.trainAccuracy(), b.trainAccuracy(), 0.0);
            assertEquals(a.valLoss(), b.valLoss(), 0.0);
            assertEquals(a.valAccuracy(), b.valAccuracy(), 0.0);
        }
        assertEquals(uninterrupted.artefacts().get("train_onnx").sha256(), resumed.artefacts().get("train_onnx").sha256(),
                "trained weights differ");
        assertArrayEquals(new double[] {uninterrupted.parity().ortValAccuracy()}, new double[] {resumed.parity().ortValAccuracy()});
    }
}
