package org.blockbench.data;

import java.util.SplittableRandom;

/**
 * Turns images of an {@link ImageSet} into float batches ({@code N×C×H×W}, normalised and, for
 * training, augmented) and labels. All randomness comes from generators seeded by
 * (run seed, epoch), so an epoch's batches are the same in every run with that seed, and a
 * resumed run sees exactly the batches an uninterrupted one would.
 */
public final class BatchAssembler {

    /** Padding of the random crop, in pixels. */
    static final int CROP_PADDING = 4;

    private final ImageSet images;
    private final Normalization normalization;

    public BatchAssembler(ImageSet images, Normalization normalization) {
        if (normalization.mean().length != images.channels()) {
            throw new IllegalArgumentException("normalisation has " + normalization.mean().length + " channels, images "
                    + images.channels());
        }
        this.images = images;
        this.normalization = normalization;
    }

    public ImageSet images() {
        return images;
    }

    /** The visiting order of epoch {@code epoch}: a seeded shuffle, or 0..n-1 in order. */
    public int[] order(long seed, int epoch, boolean shuffle) {
        int n = images.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (shuffle) {
            SplittableRandom r = new SplittableRandom(Seeds.mix(seed, 2L * epoch));
            for (int i = n - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        return order;
    }

    /** The augmentation generator of epoch {@code epoch}, to be drawn from batch after batch. */
    public static SplittableRandom augmentationRandom(long seed, int epoch) {
        return new SplittableRandom(Seeds.mix(seed, 2L * epoch + 1));
    }

    /**
     * Writes images {@code order[from .. from+count)} into {@code pixels} (at least
     * {@code count*C*H*W} floats) and their labels into {@code labels}.
     */
    public void fill(int[] order, int from, int count, Augmentation augmentation, SplittableRandom random,
            float[] pixels, long[] labels) {
        int c = images.channels();
        int h = images.height();
        int w = images.width();
        int plane = h * w;
        int imageBytes = images.imageBytes();
        byte[] src = images.pixels();
        for (int b = 0; b < count; b++) {
            int index = order[from + b];
            labels[b] = images.labels()[index];
            int base = index * imageBytes;
            int out = b * imageBytes;
            int dy = 0;
            int dx = 0;
            boolean flip = false;
            if (augmentation == Augmentation.CROP_FLIP) {
                dy = random.nextInt(2 * CROP_PADDING + 1) - CROP_PADDING;
                dx = random.nextInt(2 * CROP_PADDING + 1) - CROP_PADDING;
                flip = random.nextBoolean();
            }
            for (int ch = 0; ch < c; ch++) {
                float zero = normalization.apply(0, ch);
                for (int y = 0; y < h; y++) {
                    int sy = y + dy;
                    for (int x = 0; x < w; x++) {
                        int sx = (flip ? w - 1 - x : x) + dx;
                        float v = sy < 0 || sy >= h || sx < 0 || sx >= w ? zero
                                : normalization.apply(src[base + ch * plane + sy * w + sx] & 0xff, ch);
                        pixels[out + ch * plane + y * w + x] = v;
                    }
                }
            }
        }
    }
}
