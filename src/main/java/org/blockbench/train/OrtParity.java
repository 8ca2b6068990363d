package org.blockbench.train;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.util.Map;
import org.blockbench.ort.HostTensor;
import org.blockbench.ort.InferenceSession;
import org.blockbench.ort.ModelOrigin;
import org.blockbench.ort.OptimizationLevel;
import org.blockbench.ort.SessionSettings;
import org.blockbench.train.data.Augmentation;
import org.blockbench.train.data.BatchAssembler;
import org.blockbench.train.data.ImageSet;

/**
 * Evaluates a trained ONNX file with ONNX Runtime on the validation images, normalised
 * exactly as the trainer's eval pass, and compares its predicted classes with the trainer's.
 * The graph is BlockBench's own export, so ONNX Runtime rejecting it is a defect
 * ({@link ModelOrigin#BLOCKBENCH}); session creation and each batch wait at most
 * {@link SessionSettings#DEFAULT_TIME_LIMIT}.
 */
public final class OrtParity {

    /** The fraction of images on which ONNX Runtime and the trainer must agree. */
    public static final double REQUIRED_AGREEMENT = 0.999;

    private OrtParity() {
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
            String inputName = ort.inputNames().get(0);
            String outputName = ort.outputNames().get(0);
            for (int from = 0; from < n; from += batchSize) {
                int count = Math.min(batchSize, n - from);
                images.fill(order, from, count, Augmentation.NONE, null, pixels, labels);
                HostTensor input = HostTensor.floats(new long[] {count, set.channels(), set.height(), set.width()},
                        java.util.Arrays.copyOf(pixels, count * set.imageBytes()));
                HostTensor logits = ort.evaluate(Map.of(inputName, input)).get(outputName);
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
        return predictions;
    }
}
