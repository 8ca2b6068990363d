package org.blockbench.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.blockbench.BadInputException;
import org.blockbench.data.Augmentation;
import org.blockbench.data.BatchAssembler;
import org.blockbench.data.Dataset;
import org.blockbench.data.ImageSet;
import org.blockbench.data.Seeds;
import org.blockbench.train.interp.GraphExecutionException;
import org.blockbench.train.interp.MemoryLayout;
import org.blockbench.train.interp.ModelNotTrainableException;
import org.blockbench.train.interp.TorchGraph;
import org.blockbench.train.interp.TorchRuntime;
import org.blockbench.train.interp.TorchTensors;
import org.blockbench.train.interp.TrainingDevice;
import org.blockbench.train.recipe.PlateauScheduler;
import org.blockbench.train.recipe.Recipe;
import org.blockbench.train.recipe.Schedule;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.AdamOptions;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Optimizer;
import org.bytedeco.pytorch.SGD;
import org.bytedeco.pytorch.SGDOptions;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * Trains a compiled graph with a recipe: per epoch a seeded shuffle, augmented normalised
 * batches, cross-entropy, backward, an optimiser step, then an eval-mode pass over the
 * validation set, the scheduler step on the validation loss, and a checkpoint. Each training
 * step runs in its own {@code PointerScope}, so native memory stays flat; parameters and
 * optimiser state live outside it.
 *
 * <p>With the same seed, options and thread count, a run is deterministic, and a run resumed
 * from a checkpoint ends bit-identical to an uninterrupted one: data order, augmentation and
 * dropout are seeded per epoch, and the checkpoint holds parameters, buffers, optimiser and
 * scheduler state.
 */
public final class Trainer {

    static {
        TorchRuntime.initialize();
    }

    private final TorchGraph graph;
    private final Dataset data;
    private final TrainingOptions options;
    private final TrainingListener listener;
    /** The GPU batches go to; null on the CPU, where batches stay where they are made. */
    private org.bytedeco.pytorch.Device gpu;
    private final String modelSha256;

    public Trainer(TorchGraph graph, Dataset data, TrainingOptions options, TrainingListener listener) {
        this(graph, data, options, listener, null);
    }

    /**
     * @param modelSha256 SHA-256 of the initial graph's bytes, part of the checkpoint fingerprint so that
     *                    {@code --resume} never loads another model's weights (null: name and size only)
     */
    public Trainer(TorchGraph graph, Dataset data, TrainingOptions options, TrainingListener listener, String modelSha256) {
        this.graph = graph;
        this.data = data;
        this.options = options;
        this.listener = listener;
        this.modelSha256 = modelSha256;
    }

    /**
     * What a finished run produced.
     *
     * @param epochs          every epoch, including those done before a resume
     * @param valPredictions  the final model's eval-mode class for every validation image
     * @param resumedAtEpoch  epochs already done when this process started (0 for a fresh run)
     */
    public record Outcome(List<EpochResult> epochs, int[] valPredictions, int resumedAtEpoch) {
    }

    /**
     * Runs all epochs of the recipe, checkpointing every epoch into {@code checkpointDir}
     * (null: no checkpoints). When the directory holds a checkpoint of this run, continues
     * from it; a checkpoint of a different run is an error.
     */
    public Outcome run(java.nio.file.Path checkpointDir) {
        Checkpoints checkpoints = checkpointDir == null ? null : new Checkpoints(checkpointDir);
        Recipe recipe = options.recipe();
        TorchRuntime.setThreads(options.threads());
        if (options.device() != TrainingDevice.CPU && gpu == null) {
            gpu = options.device().torchDevice();
        }
        checkClasses();
        BatchAssembler trainBatches = new BatchAssembler(data.train(), recipe.normalization());
        BatchAssembler valBatches = new BatchAssembler(data.val(), recipe.normalization());
        try (TensorVector parameters = graph.parameters().trainableVector()) {
            Optimizer optimizer = optimizer(recipe, parameters);
            try {
                List<EpochResult> history = new ArrayList<>();
                PlateauScheduler scheduler = new PlateauScheduler(recipe.schedule(), recipe.learningRate());
                Optional<Checkpoints.State> saved = checkpoints == null ? Optional.empty() : checkpoints.read();
                if (saved.isPresent()) {
                    Checkpoints.State s = saved.get();
                    if (!s.fingerprint().equals(fingerprint())) {
                        throw new BadInputException(checkpoints.dir() + " holds a checkpoint of a different run ("
                                + s.fingerprint() + "), expected " + fingerprint() + "; delete it or choose another --out");
                    }
                    checkpoints.restore(s, graph.parameters(), optimizer);
                    history.addAll(s.history());
                    scheduler = new PlateauScheduler(recipe.schedule(), s.scheduler());
                }
                int resumedAt = history.size();
                int[] predictions = null;
                for (int epoch = history.size() + 1; epoch <= recipe.epochs(); epoch++) {
                    double lr = scheduler.state().learningRate();
                    optimizer.param_groups().get(0).options().set_lr(lr);
                    long t0 = System.nanoTime();
                    double[] train = trainEpoch(epoch, lr, trainBatches, optimizer);
                    long t1 = System.nanoTime();
                    predictions = new int[data.val().size()];
                    double[] val = evaluate(valBatches, predictions);
                    long t2 = System.nanoTime();
                    scheduler.step(val[0]);
                    double trainSeconds = (t1 - t0) / 1e9;
                    EpochResult result = new EpochResult(epoch, lr, train[0], train[1], val[0], val[1], trainSeconds,
                            (t2 - t1) / 1e9, train[2] / trainSeconds);
                    history.add(result);
                    if (checkpoints != null) {
                        checkpoints.save(fingerprint(), history, scheduler.state(), graph.parameters(), optimizer);
                    }
                    listener.epochDone(result);
                }
                if (predictions == null) {
                    predictions = new int[data.val().size()];
                    evaluate(valBatches, predictions);
                }
                return new Outcome(List.copyOf(history), predictions, resumedAt);
            } finally {
                optimizer.close();
            }
        } finally {
            if (gpu != null) {
                gpu.close();
                gpu = null;
            }
        }
    }

    /** Identifies the run for checkpoints: options, model and data. */
    String fingerprint() {
        // the device only where it is not the CPU, so that CPU checkpoints written before --device existed still resume
        return options.fingerprint() + (options.device() == TrainingDevice.CPU ? "" : "|device=" + options.device().id())
                + "|model=" + graph.name() + ":" + graph.parameters().trainableElements()
                + (modelSha256 == null ? "" : ":sha256=" + modelSha256)
                + "|data=" + data.name() + ":" + data.source() + ":" + data.train().size() + "/" + data.val().size();
    }

    /** Returns {mean loss, accuracy, images}. */
    private double[] trainEpoch(int epoch, double epochLearningRate, BatchAssembler batches, Optimizer optimizer) {
        Recipe recipe = options.recipe();
        ImageSet images = batches.images();
        int[] order = batches.order(options.seed(), epoch, true);
        SplittableRandom augmentation = BatchAssembler.augmentationRandom(options.seed(), epoch);
        torch.manual_seed(Seeds.mix(options.seed(), 1_000_000L + epoch));
        int batch = recipe.batchSize();
        // a last batch of one image cannot be batch-normalised in training mode; it is dropped
        int usable = images.size() % batch == 1 ? images.size() - 1 : images.size();
        int steps = (usable + batch - 1) / batch;
        listener.epochStarted(epoch, recipe.epochs(), steps);
        float[] pixels = new float[batch * images.imageBytes()];
        long[] labels = new long[batch];
        double lossSum = 0;
        long correct = 0;
        long seen = 0;
        for (int step = 0; step < steps; step++) {
            int from = step * batch;
            int count = Math.min(batch, usable - from);
            batches.fill(order, from, count, recipe.augmentation(), augmentation, pixels, labels);
            if (recipe.schedule().kind() == Schedule.Kind.WARMUP_COSINE) {
                optimizer.param_groups().get(0).options().set_lr(epochLearningRate
                        * recipe.schedule().stepFactor((long) (epoch - 1) * steps + step, (long) steps * recipe.epochs()));
            }
            try (PointerScope scope = new PointerScope()) {
                Tensor x = input(pixels, count, images);
                Tensor y = onDevice(TorchTensors.fromLongs(java.util.Arrays.copyOf(labels, count), count));
                optimizer.zero_grad();
                Tensor logits = graph.forward(x, true);
                Tensor loss = torch.cross_entropy_loss(logits, y);
                backward(loss);
                optimizer.step();
                lossSum += loss.item_double() * count;
                correct += logits.argmax(new LongOptional(1), false).eq(y).sum().item_long();
            }
            seen += count;
            listener.stepDone(epoch, step + 1, lossSum / seen, (double) correct / seen);
        }
        return new double[] {lossSum / seen, (double) correct / seen, seen};
    }

    /** Eval-mode pass; fills {@code predictions}; returns {mean loss, accuracy}. */
    double[] evaluate(BatchAssembler batches, int[] predictions) {
        ImageSet images = batches.images();
        int batch = options.evalBatchSize();
        int[] order = batches.order(options.seed(), 0, false);
        float[] pixels = new float[batch * images.imageBytes()];
        long[] labels = new long[batch];
        double lossSum = 0;
        long correct = 0;
        for (int from = 0; from < images.size(); from += batch) {
            int count = Math.min(batch, images.size() - from);
            batches.fill(order, from, count, Augmentation.NONE, null, pixels, labels);
            try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
                Tensor x = input(pixels, count, images);
                Tensor y = onDevice(TorchTensors.fromLongs(java.util.Arrays.copyOf(labels, count), count));
                Tensor logits = graph.forward(x, false);
                lossSum += torch.cross_entropy_loss(logits, y).item_double() * count;
                long[] predicted = TorchTensors.longs(logits.argmax(new LongOptional(1), false));
                for (int i = 0; i < count; i++) {
                    predictions[from + i] = (int) predicted[i];
                    if (predicted[i] == labels[i]) {
                        correct++;
                    }
                }
            }
        }
        return new double[] {lossSum / images.size(), (double) correct / images.size()};
    }

    /** Back-propagates; LibTorch's refusal (a node whose gradient cannot be taken) names the model. */
    private void backward(Tensor loss) {
        try {
            loss.backward();
        } catch (RuntimeException e) {
            if (!GraphExecutionException.isLibTorchError(e)) {
                throw e;
            }
            throw new GraphExecutionException(graph.name() + ": the backward pass failed: "
                    + GraphExecutionException.firstLine(e), e);
        }
    }

    private Tensor input(float[] pixels, int count, ImageSet images) {
        long[] shape = {count, images.channels(), images.height(), images.width()};
        Tensor x = onDevice(TorchTensors.fromFloats(java.util.Arrays.copyOf(pixels, count * images.imageBytes()), shape));
        if (options.layout() == MemoryLayout.CHANNELS_LAST) {
            x = x.contiguous(options.layout().format());
        }
        return x;
    }

    /** {@code t} on the training device: itself on the CPU, else its copy on the GPU (in the caller's scope). */
    private Tensor onDevice(Tensor t) {
        return gpu == null ? t : t.to(gpu, t.scalar_type());
    }

    /** A dry run before training: the graph runs on two blank images and outputs [2, classes]. */
    private void checkClasses() {
        try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
            ImageSet images = data.val();
            Tensor probe = onDevice(torch.zeros(2, images.channels(), images.height(), images.width()));
            Tensor logits;
            try {
                logits = graph.forward(probe, false);
            } catch (GraphExecutionException e) {
                throw new ModelNotTrainableException("the model cannot run on the dataset's images [2, " + images.channels()
                        + ", " + images.height() + ", " + images.width() + "]: " + e.getMessage(), e);
            }
            long[] shape = TorchTensors.shape(logits);
            if (shape.length != 2 || shape[0] != 2) {
                throw new BadInputException(graph.name() + ": output '" + graph.outputName() + "' has shape "
                        + java.util.Arrays.toString(shape) + " for a batch of 2; the trainer needs logits [batch, classes]");
            }
            if (shape[1] != data.classes()) {
                throw new BadInputException(graph.name() + " outputs " + shape[1] + " classes, dataset " + data.name()
                        + " has " + data.classes());
            }
        }
    }

    private static Optimizer optimizer(Recipe recipe, TensorVector parameters) {
        return switch (recipe.optimizer()) {
            case ADAM -> {
                AdamOptions o = new AdamOptions(recipe.learningRate());
                o.weight_decay().put(recipe.weightDecay());
                yield new Adam(parameters, o);
            }
            case SGD -> {
                SGDOptions o = new SGDOptions(recipe.learningRate());
                o.momentum().put(recipe.momentum());
                o.weight_decay().put(recipe.weightDecay());
                yield new SGD(parameters, o);
            }
        };
    }
}
