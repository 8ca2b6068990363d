package org.blockbench.data;

import java.util.SplittableRandom;

/**
 * A deterministic, learnable stand-in for CIFAR (3×32×32 bytes, CIFAR's layout), for machines
 * without the data, built so that both local texture and global layout decide the class
 * (docs/protocol.md §Datasets). A class is a pair (texture, layout):
 * <ul>
 * <li><b>texture</b>, one of T: a grating of orientation kind {@code t mod 3} (0°, 90°, or a
 * plaid of both diagonals) and period 4 + 1.5·⌊t/3⌋ pixels, jittered per image (orientation σ
 * 6°, period σ 8 %) — local, a 3×3 to 7×7 filter reads it. Every texture is its own mirror
 * image, so the blockzoo recipe's horizontal flips keep the label;</li>
 * <li><b>layout</b>, one of L: how two patches of that texture are arranged — side by side
 * (layout 0) or one above the other (layout 1), 11–16 px apart at a random place — global: only
 * features that see both patches, or where they are, tell it, and global average pooling
 * alone forgets where.</li>
 * </ul>
 * Class k has texture {@code k mod T} and layout {@code k / T}, with L = 2 and T = ⌈classes/2⌉
 * from 4 classes on (10 classes: 5 textures × 2 layouts), L = 1 below. Colour carries no class
 * information: each image has a random tint, brightness and contrast, each patch its own phase
 * and size (Gaussian window σ 3.5–5 px), over Gaussian pixel noise (σ 20 of 255) and a weak
 * full-image grating of random orientation. A model that reads texture alone is capped at 1/L
 * of the classes it gets right (50 % for 10 classes), one that reads layout alone at 1/T.
 *
 * <p>Image {@code i} of a split depends only on (data seed, split, i): subsets are prefixes of
 * the full set, and any size can be generated without the rest. Labels cycle through the
 * classes ({@code i mod classes}), so every prefix is balanced.
 */
public final class SyntheticDataset {

    /** Training images when no subset is asked for (CIFAR's count). */
    public static final int DEFAULT_TRAIN = 50_000;
    /** Validation images when no subset is asked for (CIFAR's test count). */
    public static final int DEFAULT_VAL = 10_000;
    public static final String NAME = "synthetic";

    static final int SIZE = 32;
    private static final int PIXELS = SIZE * SIZE;
    /** Standard deviation of the per-pixel Gaussian noise, in 0..255 units. */
    private static final double NOISE = 20;

    /** A class's composition: which texture, which layout. */
    record Composition(int texture, int layout) {
    }

    private SyntheticDataset() {
    }

    /** The dataset: {@code trainSize} training and {@code valSize} validation images. */
    public static Dataset generate(int classes, int trainSize, int valSize, long dataSeed) {
        if (classes < 2) {
            throw new IllegalArgumentException("classes must be at least 2, found " + classes);
        }
        ImageSet train = split(classes, trainSize, Seeds.mix(dataSeed, 1));
        ImageSet val = split(classes, valSize, Seeds.mix(dataSeed, 2));
        return new Dataset(NAME, "synthetic texture x layout, " + classes + " classes (" + textures(classes)
                + " textures x " + layouts(classes) + " layouts), data seed " + dataSeed, train, val);
    }

    static int layouts(int classes) {
        return classes >= 4 ? 2 : 1;
    }

    static int textures(int classes) {
        return (classes + layouts(classes) - 1) / layouts(classes);
    }

    /** Class {@code k}'s texture and layout. */
    static Composition composition(int k, int classes) {
        int t = textures(classes);
        return new Composition(k % t, k / t);
    }

    private static ImageSet split(int classes, int n, long splitSeed) {
        if (n < 1) {
            throw new IllegalArgumentException("a split needs at least one image, asked for " + n);
        }
        byte[] pixels = new byte[n * 3 * PIXELS];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % classes;
            render(composition(labels[i], classes), new SplittableRandom(Seeds.mix(splitSeed, i)), pixels, i * 3 * PIXELS);
        }
        return new ImageSet(classes, 3, SIZE, SIZE, pixels, labels);
    }

    private static void render(Composition c, SplittableRandom rng, byte[] out, int offset) {
        // texture t: orientation kind t mod 3 (0°, 90°, a plaid of ±45°), period 4 px + 1.5 px per round of three
        int kind = c.texture() % 3;
        double angle = (kind == 1 ? Math.PI / 2 : kind == 2 ? Math.PI / 4 : 0) + Math.toRadians(6) * rng.nextGaussian();
        double period = (4 + 1.5 * (c.texture() / 3)) * (1 + 0.08 * rng.nextGaussian());
        double frequency = 2 * Math.PI / period;
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        boolean plaid = kind == 2;
        // two patches, side by side (layout 0) or stacked (layout 1), the pair at a random place
        double gap = rng.nextDouble(11, 16);
        double along = rng.nextDouble(6 + gap / 2, SIZE - 6 - gap / 2);
        double across = rng.nextDouble(7, SIZE - 7);
        double[][] centres = new double[2][];
        for (int p = 0; p < 2; p++) {
            double a = along + (p == 0 ? -gap / 2 : gap / 2);
            double b = across + rng.nextGaussian();
            centres[p] = c.layout() == 0 ? new double[] {a, b} : new double[] {b, a};
        }
        double[] sigma = {rng.nextDouble(3.5, 5), rng.nextDouble(3.5, 5)};
        double[] phase = {rng.nextDouble(2 * Math.PI), rng.nextDouble(2 * Math.PI)};
        double[] tint = new double[3];
        for (int ch = 0; ch < 3; ch++) {
            tint[ch] = rng.nextDouble(0.4, 1.0);
        }
        double contrast = 80 + rng.nextDouble(40);
        double brightness = rng.nextDouble(-25, 25);
        double distractorAngle = rng.nextDouble(Math.PI);
        double distractorFreq = 2 * Math.PI / (3 + rng.nextDouble(9));
        double distractorPhase = rng.nextDouble(2 * Math.PI);
        double distractorAmp = rng.nextDouble(10);
        double dc = Math.cos(distractorAngle);
        double ds = Math.sin(distractorAngle);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double signal = 0;
                for (int p = 0; p < 2; p++) {
                    double dx = x - centres[p][0];
                    double dy = y - centres[p][1];
                    double window = Math.exp(-(dx * dx + dy * dy) / (2 * sigma[p] * sigma[p]));
                    double wave = Math.sin(frequency * (x * cos + y * sin) + phase[p]);
                    if (plaid) {
                        // the second diagonal, at right angles: a plaid is its own mirror image
                        wave = 0.5 * (wave + Math.sin(frequency * (y * cos - x * sin) + phase[1 - p]));
                    }
                    signal += window * wave;
                }
                double distractor = distractorAmp * Math.sin(distractorFreq * (x * dc + y * ds) + distractorPhase);
                for (int ch = 0; ch < 3; ch++) {
                    double v = 128 + brightness + contrast * tint[ch] * signal + distractor + NOISE * rng.nextGaussian();
                    out[offset + ch * PIXELS + y * SIZE + x] = (byte) Math.max(0, Math.min(255, Math.round(v)));
                }
            }
        }
    }
}
