package org.blockbench.train;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.blockbench.BadInputException;
import org.blockbench.host.GitCheckout;
import org.blockbench.onnx.FloatTensor;
import org.blockbench.onnx.OnnxModelFile;
import org.blockbench.ort.ModelOrigin;
import org.blockbench.data.BatchAssembler;
import org.blockbench.data.Dataset;
import org.blockbench.train.interp.Precision;
import org.blockbench.train.interp.SharedTensors;
import org.blockbench.train.interp.TorchGraph;
import org.blockbench.train.interp.TorchRuntime;
import org.blockbench.train.recipe.Recipe;
import org.blockbench.train.recipe.Recipes;

/**
 * One (model, recipe, dataset, seed) run, end to end: compile the train graph, train with
 * per-epoch checkpoints (or resume them), write the trained weights back into a copy of the
 * train graph (and, for zoo models, the rebuilt deploy graph), check ONNX Runtime against the
 * trainer on the validation set, and write {@code run.json}.
 *
 * <p>Layout under the output directory: {@code <ModelRef.directory()>/<recipe>-<dataset>/seed-<seed>/}
 * holding {@code run.json}, {@code trained.train.onnx}, {@code trained.deploy.onnx} (zoo) and,
 * while the run is unfinished, {@code checkpoint/}.
 */
public final class TrainingRun {

    public static final String TRAIN_FILE = "trained.train.onnx";
    public static final String DEPLOY_FILE = "trained.deploy.onnx";
    public static final String CHECKPOINT_DIR = "checkpoint";

    /** What happened to a requested run. */
    public enum Status {
        /** Trained now (fresh or resumed). */
        TRAINED,
        /** A finished run.json was already there; nothing was done. */
        ALREADY_DONE
    }

    /** A run's outcome: its record and where it lives. */
    public record Result(Status status, Path directory, RunRecord record) {
    }

    /**
     * @param resume continue an interrupted run from its checkpoint
     * @param force  discard an existing result or checkpoint and start over
     */
    public record Request(ModelSource model, Dataset data, TrainingOptions options, Path outDir, boolean resume,
                          boolean force, org.blockbench.quant.VariantOptions variants) {

        /** A request without variants. */
        public Request(ModelSource model, Dataset data, TrainingOptions options, Path outDir, boolean resume,
                       boolean force) {
            this(model, data, options, outDir, resume, force, org.blockbench.quant.VariantOptions.none());
        }
    }

    private TrainingRun() {
    }

    /** The run directory of (model, recipe, dataset, seed) under {@code outDir}. */
    public static Path directory(Path outDir, ModelSource model, Recipe recipe, Dataset data, long seed) {
        return outDir.resolve(model.ref().directory()).resolve(recipe.name() + "-" + data.name()).resolve("seed-" + seed);
    }

    public static Result execute(Request request, TrainingListener listener) {
        TrainingOptions options = request.options();
        Dataset data = request.data();
        ModelSource source = request.model();
        Path dir = directory(request.outDir(), source, options.recipe(), data, options.seed());
        Path recordFile = dir.resolve(RunRecord.FILE_NAME);
        Path checkpointDir = dir.resolve(CHECKPOINT_DIR);
        Checkpoints checkpoints = new Checkpoints(checkpointDir);
        // the model's content identifies the run: two files with one stem, or a re-exported model, are not the same run
        ModelProto exported = source.initialModel(options.seed(), data.classes());
        String initialSha = OnnxModelFile.sha256(exported.toByteArray());
        if (request.force()) {
            checkpoints.delete();
            deleteIfExists(recordFile);
        } else if (Files.isRegularFile(recordFile)) {
            RunRecord done = TrainJson.read(recordFile, RunRecord.class);
            String difference = difference(done, request, initialSha);
            if (!difference.isEmpty()) {
                throw new BadInputException(recordFile + " records a finished run with other settings (" + difference
                        + "); pass --force to replace it or choose another --out");
            }
            RunRecord withVariants = VariantEvaluation.addMissing(dir, done, request);
            if (withVariants != done) {
                TrainJson.write(recordFile, withVariants);
            }
            return new Result(Status.ALREADY_DONE, dir, withVariants);
        } else if (checkpoints.exists() && !request.resume()) {
            int done = checkpoints.read().map(Checkpoints.State::epochsCompleted).orElse(0);
            throw new BadInputException(dir + " holds an interrupted run (" + done + " of " + options.recipe().epochs()
                    + " epochs checkpointed); pass --resume to continue it or --force to start over");
        }
        String startedAt = Instant.now().toString();
        // trained and written back with one initializer per tensor (PyTorch's exports merge equal values)
        ModelProto initial = SharedTensors.separate(exported);
        String label = source.id();
        ModelOrigin origin = source.ref().isFile() ? ModelOrigin.USER : ModelOrigin.BLOCKBENCH;
        BatchAssembler val = new BatchAssembler(data.val(), options.recipe().normalization());
        if (origin == ModelOrigin.USER) {
            // what ONNX Runtime refuses in the parity check is found now, before any epoch
            OrtParity.precheck(initial, source.path(), val, options.evalBatchSize(), options.threads());
        }
        try (TorchGraph graph = TorchGraph.compile(initial, label, Precision.FLOAT32, options.layout(), options.device())) {
            long trainable = graph.parameters().trainableElements();
            long buffers = graph.parameters().bufferElements();
            Trainer.Outcome outcome = new Trainer(graph, data, options, listener, initialSha).run(checkpointDir);
            Map<String, FloatTensor> trained = graph.parameters().snapshot();

            Map<String, String> metadata = metadata(request, outcome);
            ModelProto trainedTrain = WeightWriteBack.withWeights(initial, trained, metadata);
            Map<String, RunRecord.Artefact> artefacts = new LinkedHashMap<>();
            artefacts.put("train_onnx", write(dir, TRAIN_FILE, trainedTrain));
            OrtParity.Comparison trainParity;
            try {
                trainParity = OrtParity.compare(trainedTrain, dir.resolve(TRAIN_FILE).toString(), origin, val,
                        outcome.valPredictions(), options.evalBatchSize(), options.threads());
            } catch (RuntimeException e) {
                // a parity that could not run leaves no checkpoint behind: the next call starts over,
                // instead of finding "an interrupted run" that cannot be finished either
                checkpoints.delete();
                throw e;
            }
            OrtParity.Comparison deployParity = null;
            Optional<ModelProto> deploy = source.deployModel(trained, options.seed(), data.classes());
            if (deploy.isPresent()) {
                ModelProto trainedDeploy = WeightWriteBack.withWeights(deploy.get(), Map.of(), metadata);
                artefacts.put("deploy_onnx", write(dir, DEPLOY_FILE, trainedDeploy));
                deployParity = OrtParity.compare(trainedDeploy, dir.resolve(DEPLOY_FILE).toString(), val,
                        outcome.valPredictions(), options.evalBatchSize(), options.threads());
            }
            RunRecord record = record(request, outcome, trainable, buffers, initialSha, trainParity, deployParity, artefacts,
                    startedAt);
            record = VariantEvaluation.addMissing(dir, record, request);
            TrainJson.write(recordFile, record);
            checkpoints.delete();
            return new Result(Status.TRAINED, dir, record);
        }
    }

    private static RunRecord record(Request request, Trainer.Outcome outcome, long trainable, long buffers,
            String initialSha, OrtParity.Comparison train, OrtParity.Comparison deploy,
            Map<String, RunRecord.Artefact> artefacts, String startedAt) {
        TrainingOptions o = request.options();
        Dataset data = request.data();
        ModelSource source = request.model();
        List<EpochResult> epochs = outcome.epochs();
        EpochResult last = epochs.get(epochs.size() - 1);
        double trainSeconds = epochs.stream().mapToDouble(EpochResult::trainSeconds).sum();
        double evalSeconds = epochs.stream().mapToDouble(EpochResult::evalSeconds).sum();
        double images = epochs.stream().mapToDouble(e -> e.trainImagesPerSecond() * e.trainSeconds()).sum();
        double best = epochs.stream().mapToDouble(EpochResult::valAccuracy).max().orElse(Double.NaN);
        boolean passed = train.agreement() >= OrtParity.REQUIRED_AGREEMENT
                && (deploy == null || deploy.agreement() >= OrtParity.REQUIRED_AGREEMENT);
        RunRecord.Parity parity = new RunRecord.Parity(train.samples(), last.valAccuracy(), train.accuracy(),
                train.agreement(), OrtParity.REQUIRED_AGREEMENT, passed, deploy == null ? null : deploy.accuracy(),
                deploy == null ? null : deploy.agreement(), source.deployNote());
        RunRecord.ModelInfo model = new RunRecord.ModelInfo(source.id(), source.block(), source.position(), source.path(),
                source.initDescription(o.seed()), initialSha, trainable, buffers, data.classes());
        RunRecord.DatasetInfo dataset = new RunRecord.DatasetInfo(data.name(), data.source(), data.train().size(),
                data.val().size(), data.classes(), !data.name().equals(org.blockbench.data.SyntheticDataset.NAME));
        RunRecord.Provenance provenance = new RunRecord.Provenance(Provenance.blockbenchVersion(), GitCheckout.currentRevision(),
                System.getProperty("java.vendor") + " " + System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), Provenance.pytorchVersion(), Provenance.onnxRuntimeVersion(),
                startedAt, Instant.now().toString(), outcome.resumedAtEpoch(), o.device().id(), org.blockbench.host.CpuFeatures.detect(),
                TorchRuntime.kernels());
        return new RunRecord(RunRecord.FORMAT, model, source.scaffold(), recipeInfo(o.recipe()), dataset, o.seed(), o.threads(),
                o.layout().id(), epochs, last.valAccuracy(), last.valLoss(), best, trainSeconds, evalSeconds,
                images / trainSeconds, parity, artefacts, provenance);
    }

    /** What differs between a finished run's record and a request for the same directory ("" if nothing). */
    static String difference(RunRecord done, Request request, String initialSha) {
        RunRecord.RecipeInfo want = recipeInfo(request.options().recipe());
        RunRecord.RecipeInfo have = done.recipe();
        Dataset data = request.data();
        List<String> diffs = new ArrayList<>();
        if (!initialSha.equals(done.model().initialSha256())) {
            diffs.add("model: " + done.model().source() + " with SHA-256 " + abbreviate(done.model().initialSha256())
                    + " there, " + request.model().path() + " with SHA-256 " + abbreviate(initialSha) + " asked");
        }
        compare(diffs, "epochs", have.epochs(), want.epochs());
        compare(diffs, "batch_size", have.batchSize(), want.batchSize());
        compare(diffs, "learning_rate", have.learningRate(), want.learningRate());
        compare(diffs, "schedule", have.schedule(), want.schedule());
        compare(diffs, "train_size", done.dataset().trainSize(), data.train().size());
        compare(diffs, "val_size", done.dataset().valSize(), data.val().size());
        compare(diffs, "dataset source", done.dataset().source(), data.source());
        compare(diffs, "memory_format", done.memoryFormat(), request.options().layout().id());
        RunRecord.ScaffoldInfo size = request.model().scaffold();
        if (size != null) {
            // a record without the field predates the knobs: it was built at the full size
            RunRecord.ScaffoldInfo had = done.scaffold() != null ? done.scaffold()
                    : size.fullSize() ? size : new RunRecord.ScaffoldInfo(64, 3, true, null);
            compare(diffs, "base_channels", had.baseChannels(), size.baseChannels());
            compare(diffs, "blocks_per_stage", had.blocksPerStage(), size.blocksPerStage());
        }
        return String.join(", ", diffs);
    }

    private static String abbreviate(String sha) {
        return sha == null ? "none" : sha.substring(0, Math.min(12, sha.length())) + "…";
    }

    private static void compare(List<String> diffs, String field, Object have, Object want) {
        if (!java.util.Objects.equals(have, want)) {
            diffs.add(field + " " + have + " there, " + want + " asked");
        }
    }

    static RunRecord.RecipeInfo recipeInfo(Recipe r) {
        Recipe published = Recipes.byName(r.name());
        List<String> overrides = new ArrayList<>();
        if (r.epochs() != published.epochs()) {
            overrides.add("epochs");
        }
        if (r.batchSize() != published.batchSize()) {
            overrides.add("batch_size");
        }
        if (r.learningRate() != published.learningRate()) {
            overrides.add("learning_rate");
        }
        if (!r.schedule().equals(published.schedule())) {
            overrides.add("schedule");
        }
        if (!r.normalization().equals(published.normalization())) {
            overrides.add("normalization");
        }
        return new RunRecord.RecipeInfo(r.name(), r.optimizer().id(), r.learningRate(), r.momentum(), r.weightDecay(),
                r.schedule().describe(), r.batchSize(), r.epochs(), r.augmentation().id(), r.normalization().mean(),
                r.normalization().std(), "cross_entropy", overrides);
    }

    private static Map<String, String> metadata(Request request, Trainer.Outcome outcome) {
        TrainingOptions o = request.options();
        EpochResult last = outcome.epochs().get(outcome.epochs().size() - 1);
        Map<String, String> m = new LinkedHashMap<>();
        m.put("blockbench.trained.recipe", o.recipe().name());
        m.put("blockbench.trained.dataset", request.data().name());
        m.put("blockbench.trained.seed", Long.toString(o.seed()));
        m.put("blockbench.trained.epochs", Integer.toString(outcome.epochs().size()));
        m.put("blockbench.trained.val_accuracy", Double.toString(last.valAccuracy()));
        m.put("blockbench.trained.from", request.model().id());
        return m;
    }

    static RunRecord.Artefact write(Path dir, String name, ModelProto model) {
        Path file = dir.resolve(name);
        byte[] bytes = model.toByteArray();
        OnnxModelFile.write(file, model);
        return new RunRecord.Artefact(name, OnnxModelFile.sha256(bytes), bytes.length);
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new org.blockbench.io.OutputWriteException("cannot delete " + file + ": "
                    + org.blockbench.io.OutputWriteException.describe(e), e);
        }
    }
}
