package org.blockbench.train.data;

/**
 * Per-channel normalisation of pixels scaled to [0, 1]: {@code (p/255 - mean[c]) / std[c]},
 * as torchvision's {@code ToTensor} followed by {@code Normalize(mean, std)}.
 */
public record Normalization(float[] mean, float[] std) {

    /** CIFAR-100 statistics (the blockzoo recipe's, docs/protocol.md §Training). */
    public static final Normalization CIFAR100 = new Normalization(new float[] {0.5071f, 0.4867f, 0.4408f},
            new float[] {0.2675f, 0.2565f, 0.2761f});
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
