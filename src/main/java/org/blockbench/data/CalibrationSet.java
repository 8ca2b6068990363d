package org.blockbench.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.blockbench.BadInputException;
import org.blockbench.ort.HostTensor;

/**
 * The images activation ranges are calibrated on: {@code images} images of the run's dataset
 * (training split), drawn by a seeded shuffle, normalised as the trainer's evaluation pass and
 * cut into batches of {@code batchSize}. A set smaller than one batch is refused: a calibration
 * of fewer images than one inference batch is not one anybody should deploy.
 *
 * @param dataset   the dataset's name ({@code synthetic}, {@code cifar10}, ...)
 * @param seed      the seed of the draw
 * @param images    images in all batches together
 * @param batchSize images per calibration inference
 * @param batches   the float32 batches [n, C, H, W], the last possibly smaller
 */
public record CalibrationSet(String dataset, long seed, int images, int batchSize, List<HostTensor> batches) {

    /** Images calibrated on unless said otherwise. */
    public static final int DEFAULT_IMAGES = 64;
    /** Images per calibration inference unless said otherwise. */
    public static final int DEFAULT_BATCH = 8;

    public CalibrationSet {
        requireAtLeastOneBatch(images, batchSize);
        batches = List.copyOf(batches);
    }

    /** Refuses, as bad input, a calibration set smaller than one batch. */
    public static void requireAtLeastOneBatch(int images, int batchSize) {
        if (batchSize < 1) {
            throw new BadInputException("calibration batch size must be >= 1, found " + batchSize);
        }
        if (images < batchSize) {
            throw new BadInputException("calibration set of " + images + " images is smaller than one batch of "
                    + batchSize + "; give at least " + batchSize + " calibration images or a smaller batch");
        }
    }

    /** Draws {@code images} images of {@code set} with {@code seed} and normalises them. */
    public static CalibrationSet draw(String dataset, ImageSet set, Normalization normalization, int images,
                                      int batchSize, long seed) {
        requireAtLeastOneBatch(images, batchSize);
        if (images > set.size()) {
            throw new BadInputException("calibration asks for " + images + " images, the " + dataset
                    + " training split has " + set.size());
        }
        BatchAssembler assembler = new BatchAssembler(set, normalization);
        int[] order = assembler.order(seed, 0, true);
        int per = set.imageBytes();
        List<HostTensor> batches = new ArrayList<>();
        float[] pixels = new float[batchSize * per];
        long[] labels = new long[batchSize];
        for (int from = 0; from < images; from += batchSize) {
            int count = Math.min(batchSize, images - from);
            assembler.fill(order, from, count, Augmentation.NONE, null, pixels, labels);
            batches.add(HostTensor.floats(new long[] {count, set.channels(), set.height(), set.width()},
                    Arrays.copyOf(pixels, count * per)));
        }
        return new CalibrationSet(dataset, seed, images, batchSize, batches);
    }

    /** Every image of the set as one batch (AUTO's whole-model check). */
    public HostTensor all() {
        if (batches.size() == 1) {
            return batches.get(0);
        }
        long[] shape = batches.get(0).shape().clone();
        int total = batches.stream().mapToInt(b -> b.data().length).sum();
        float[] data = new float[total];
        int at = 0;
        long images = 0;
        for (HostTensor b : batches) {
            System.arraycopy(b.data(), 0, data, at, b.data().length);
            at += b.data().length;
            images += b.shape()[0];
        }
        shape[0] = images;
        return HostTensor.floats(shape, data);
    }

    /** The set's description for metadata and results ({@code blockbench.quant.calibration.*}). */
    public Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("dataset", dataset);
        m.put("images", Integer.toString(images));
        m.put("batch", Integer.toString(batchSize));
        m.put("seed", Long.toString(seed));
        return m;
    }
}
