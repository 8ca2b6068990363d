package org.blockbench.train;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.util.Map;
import org.blockbench.ort.ChildJvm;
import org.blockbench.ort.HostTensor;
import org.blockbench.ort.InferenceSession;
import org.blockbench.ort.ModelOrigin;
import org.blockbench.ort.OptimizationLevel;
import org.blockbench.ort.SessionSettings;
import org.blockbench.data.Augmentation;
import org.blockbench.data.BatchAssembler;
import org.blockbench.data.ImageSet;

/**
 * Evaluates a trained ONNX file with ONNX Runtime on the validation images, normalised
 * exactly as the trainer's eval pass, and compares its predicted classes with the trainer's.
 * A graph BlockBench built is evaluated in this process: ONNX Runtime rejecting it is a defect
 * ({@link ModelOrigin#BLOCKBENCH}); session creation and each batch wait at most
 * {@link SessionSettings#DEFAULT_TIME_LIMIT}. A user's graph ({@link ModelOrigin#USER}, trained
 * from {@code train --onnx}) is evaluated in a child JVM ({@link ChildJvm}), where a native
 * crash or a refusal costs that one run, as a one-line error; {@link #precheck} runs the same
 * evaluation on the untrained graph before the first epoch, so that what ONNX Runtime refuses
 * costs no training.
 */
public final class OrtParity implements ChildJvm.Task<OrtParity.Request, int[]> {

    /** The fraction of images on which ONNX Runtime and the trainer must agree. */
    public static final double REQUIRED_AGREEMENT = 0.999;

    /** The child's work: a user's model, every image normalised, in evaluation order. */
    public record Request(byte[] model, String source, float[] pixels, int[] imageShape, int batchSize, int threads)
            implements java.io.Serializable {
    }

    /** For {@link ChildJvm}; use the static methods. */
    public OrtParity() {
    }

    @Override
    public int[] run(Request request) {
        int imageBytes = request.imageShape()[0] * request.imageShape()[1] * request.imageShape()[2];
        int n = request.pixels().length / imageBytes;
        SessionSettings settings = SessionSettings.cpu(request.threads(), OptimizationLevel.ALL);
        int[] predictions = new int[n];
        try (InferenceSession ort = InferenceSession.load(request.source(), request.model(), ModelOrigin.USER, settings)) {
            for (int from = 0; from < n; from += request.batchSize()) {
                int count = Math.min(request.batchSize(), n - from);
                float[] batch = java.util.Arrays.copyOfRange(request.pixels(), from * imageBytes, (from + count) * imageBytes);
                classify(ort, batch, count, request.imageShape(), predictions, from);
            }
        }
        return predictions;
    }

    /**
     * Runs the untrained user's graph through ONNX Runtime in a child JVM on the first batch of
     * the validation images, shaped as the parity check will feed it; whatever ONNX Runtime
     * refuses fails here, in one line, before any epoch.
     */
    public static void precheck(ModelProto model, String source, BatchAssembler images, int batchSize, int threads) {
        int n = Math.min(batchSize, images.images().size());
        inChild(model, source, images, n, batchSize, threads);
    }

    private static int[] inChild(ModelProto model, String source, BatchAssembler images, int n, int batchSize, int threads) {
        ImageSet set = images.images();
        int[] order = images.order(0, 0, false);
        float[] pixels = new float[n * set.imageBytes()];
        long[] labels = new long[n];
        images.fill(order, 0, n, Augmentation.NONE, null, pixels, labels);
        Request request = new Request(model.toByteArray(), source, pixels,
                new int[] {set.channels(), set.height(), set.width()}, batchSize, threads);
        // session creation plus every batch, each bounded in-process by the default limit too
        java.time.Duration limit = SessionSettings.DEFAULT_TIME_LIMIT.multipliedBy(2 + (n + batchSize - 1) / batchSize);
        return ChildJvm.call(OrtParity.class, request, source, limit);
    }

    /**
     * @param accuracy  ONNX Runtime's accuracy
     * @param agreement fraction of images with the same predicted class as the trainer's
     */
    public record Comparison(int samples, double accuracy, double agreement, int disagreements) {
    }

    public static Comparison compare(ModelProto trained, String source, BatchAssembler images, int[] trainerPredictions,
            int batchSize, int threads) {
        return compare(images, predict(trained, source, images, batchSize, threads), trainerPredictions);
    }

    /** As {@link #compare(ModelProto, String, BatchAssembler, int[], int, int)}, a user's graph evaluated in a child JVM. */
    public static Comparison compare(ModelProto trained, String source, ModelOrigin origin, BatchAssembler images,
            int[] trainerPredictions, int batchSize, int threads) {
        int[] predictions = origin == ModelOrigin.USER
                ? inChild(trained, source, images, images.images().size(), batchSize, threads)
                : predict(trained, source, images, batchSize, threads);
        return compare(images, predictions, trainerPredictions);
    }

    /** Accuracy of {@code predictions} on the images' labels and their agreement with {@code reference}. */
    public static Comparison compare(BatchAssembler images, int[] predictions, int[] reference) {
        int[] labels = images.images().labels();
        int n = predictions.length;
        int correct = 0;
        int same = 0;
        for (int i = 0; i < n; i++) {
            correct += predictions[i] == labels[i] ? 1 : 0;
            same += predictions[i] == reference[i] ? 1 : 0;
        }
        return new Comparison(n, (double) correct / n, (double) same / n, n - same);
    }

    /** ONNX Runtime's top-1 class of every image, in the images' order, normalised as the trainer's eval pass. */
    public static int[] predict(ModelProto trained, String source, BatchAssembler images, int batchSize, int threads) {
        ImageSet set = images.images();
        int n = set.size();
        int[] order = images.order(0, 0, false);
        float[] pixels = new float[batchSize * set.imageBytes()];
        long[] labels = new long[batchSize];
        int[] predictions = new int[n];
        SessionSettings settings = SessionSettings.cpu(threads, OptimizationLevel.ALL);
        try (InferenceSession ort = InferenceSession.load(source, trained.toByteArray(), ModelOrigin.BLOCKBENCH, settings)) {
            for (int from = 0; from < n; from += batchSize) {
                int count = Math.min(batchSize, n - from);
                images.fill(order, from, count, Augmentation.NONE, null, pixels, labels);
                classify(ort, java.util.Arrays.copyOf(pixels, count * set.imageBytes()), count,
                        new int[] {set.channels(), set.height(), set.width()}, predictions, from);
            }
        }
        return predictions;
    }

    /** ONNX Runtime's top-1 class of {@code count} images into {@code predictions[from...]}. */
    private static void classify(InferenceSession ort, float[] pixels, int count, int[] imageShape, int[] predictions,
                                 int from) {
        HostTensor input = HostTensor.floats(new long[] {count, imageShape[0], imageShape[1], imageShape[2]}, pixels);
        HostTensor logits = ort.evaluate(Map.of(ort.inputNames().get(0), input)).get(ort.outputNames().get(0));
        int classes = (int) logits.shape()[1];
        for (int i = 0; i < count; i++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (logits.data()[i * classes + c] > logits.data()[i * classes + best]) {
                    best = c;
                }
            }
            predictions[from + i] = best;
        }
    }
}
