package org.blockbench.data;

import java.util.Arrays;

/**
 * Labelled 8-bit images in CIFAR's layout: image {@code i} occupies bytes
 * {@code [i*C*H*W, (i+1)*C*H*W)} of {@link #pixels()}, channel-major (all red, then green,
 * then blue), rows top to bottom.
 *
 * @param classes number of classes; labels are in {@code [0, classes)}
 */
public record ImageSet(int classes, int channels, int height, int width, byte[] pixels, int[] labels) {

    public ImageSet {
        long expected = (long) labels.length * channels * height * width;
        if (pixels.length != expected) {
            throw new IllegalArgumentException(labels.length + " images of " + channels + "x" + height + "x" + width
                    + " need " + expected + " bytes, found " + pixels.length);
        }
        for (int label : labels) {
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("label " + label + " outside [0, " + classes + ")");
            }
        }
    }

    /** Number of images. */
    public int size() {
        return labels.length;
    }

    /** Bytes per image, {@code C*H*W}. */
    public int imageBytes() {
        return channels * height * width;
    }

    /** The first {@code n} images (all when {@code n >= size()}). */
    public ImageSet first(int n) {
        if (n >= size()) {
            return this;
        }
        if (n < 1) {
            throw new IllegalArgumentException("a subset needs at least one image, asked for " + n);
        }
        return new ImageSet(classes, channels, height, width, Arrays.copyOf(pixels, n * imageBytes()),
                Arrays.copyOf(labels, n));
    }

    /** Images per class. */
    public int[] classCounts() {
        int[] counts = new int[classes];
        for (int l : labels) {
            counts[l]++;
        }
        return counts;
    }
}
