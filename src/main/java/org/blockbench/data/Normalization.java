package org.blockbench.data;

/**
 * Per-channel normalisation of pixels scaled to [0, 1]: {@code (p/255 - mean[c]) / std[c]},
 * as torchvision's {@code ToTensor} followed by {@code Normalize(mean, std)}.
 */
public record Normalization(float[] mean, float[] std) {

    /** CIFAR-100 statistics (the blockzoo recipe's, docs/protocol.md §Training). */
    public static final Normalization CIFAR100 = new Normalization(new float[] {0.5071f, 0.4867f, 0.4408f},
            new float[] {0.2675f, 0.2565f, 0.2761f});
    /**
     * Fashion-MNIST's statistics, the same on its three (repeated) channels: mean 0.2860, std 0.3530
     * of the 60,000 training images' 28×28 pixels on [0, 1] (computed over all 47,040,000 pixels:
     * 0.286041 and population std 0.353024; the t10k images give 0.286849 and 0.352444). They are
     * the figures of the original 28×28 images, as commonly used; the 2-pixel zero border of
     * {@link FashionMnist}'s 32×32 images lowers the padded images' own mean to 0.2190 and std to
     * 0.3318 (computed likewise), and the border normalises to (0 − 0.2860) / 0.3530 = −0.810.
     */
    public static final Normalization FASHION_MNIST = new Normalization(new float[] {0.2860f, 0.2860f, 0.2860f},
            new float[] {0.3530f, 0.3530f, 0.3530f});
    /** Mean 0.5, std 0.5 on every channel (the gwo recipe's). */
    public static final Normalization HALF = new Normalization(new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.5f, 0.5f, 0.5f});

    public Normalization {
        if (mean.length != std.length) {
            throw new IllegalArgumentException(mean.length + " means but " + std.length + " stds");
        }
        mean = mean.clone();
        std = std.clone();
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    /** The normalised value of byte {@code pixel} (0..255) in channel {@code c}. */
    public float apply(int pixel, int c) {
        return (pixel / 255f - mean[c]) / std[c];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normalization n && java.util.Arrays.equals(mean, n.mean) && java.util.Arrays.equals(std, n.std);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(mean) + java.util.Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "Normalization[mean=" + java.util.Arrays.toString(mean) + ", std=" + java.util.Arrays.toString(std) + "]";
    }
}
