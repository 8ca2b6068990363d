package org.blockbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Normalisation, crop/flip augmentation and seeded ordering, against hand-computed values. */
class BatchAssemblerTest {

    /** One 3×32×32 image whose red pixel (y, x) is y*32 + x mod 256, green 100, blue 200. */
    private static ImageSet ramp() {
        byte[] p = new byte[3072];
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                p[y * 32 + x] = (byte) (y * 32 + x);
                p[1024 + y * 32 + x] = 100;
                p[2048 + y * 32 + x] = (byte) 200;
            }
        }
        return new ImageSet(10, 3, 32, 32, p, new int[] {4});
    }

    @Test
    void normalisesLikeToTensorThenNormalize() {
        float[] out = new float[3072];
        long[] labels = new long[1];
        new BatchAssembler(ramp(), Normalization.CIFAR100).fill(new int[] {0}, 0, 1, Augmentation.NONE, null, out, labels);
        assertEquals(4, labels[0]);
        assertEquals((37 / 255f - 0.5071f) / 0.2675f, out[37], 1e-6f);
        assertEquals((100 / 255f - 0.4867f) / 0.2565f, out[1024 + 5], 1e-6f);
        assertEquals((200 / 255f - 0.4408f) / 0.2761f, out[2048 + 1023], 1e-6f);
        new BatchAssembler(ramp(), Normalization.HALF).fill(new int[] {0}, 0, 1, Augmentation.NONE, null, out, labels);
        assertEquals((200 / 255f - 0.5f) / 0.5f, out[2048], 1e-6f);
    }

    @Test
    void cropAndFlipMatchTheDefinition() {
        ImageSet image = ramp();
        BatchAssembler a = new BatchAssembler(image, Normalization.HALF);
        float zero = Normalization.HALF.apply(0, 0);
        boolean sawFlip = false;
        boolean sawShift = false;
        for (long seed = 0; seed < 40; seed++) {
            // replay the generator to know the draw: dy, dx in [-4, 4], then flip
            SplittableRandom replay = new SplittableRandom(seed);
            int dy = replay.nextInt(9) - 4;
            int dx = replay.nextInt(9) - 4;
            boolean flip = replay.nextBoolean();
            float[] out = new float[3072];
            a.fill(new int[] {0}, 0, 1, Augmentation.CROP_FLIP, new SplittableRandom(seed), out, new long[1]);
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    // torchvision: pad 4 with zeros, crop at (dy+4, dx+4), then mirror
                    int sx = (flip ? 31 - x : x) + dx;
                    int sy = y + dy;
                    float expected = sy < 0 || sy > 31 || sx < 0 || sx > 31 ? zero
                            : Normalization.HALF.apply(image.pixels()[sy * 32 + sx] & 0xff, 0);
                    assertEquals(expected, out[y * 32 + x], 0f, "seed " + seed + " (" + y + "," + x + ")");
                }
            }
            sawFlip |= flip;
            sawShift |= dx != 0 || dy != 0;
        }
        assertTrue(sawFlip && sawShift);
    }

    @Test
    void orderIsASeededPermutation() {
        ImageSet set = SyntheticDataset.generate(10, 100, 10, 0).train();
        BatchAssembler a = new BatchAssembler(set, Normalization.HALF);
        int[] e1 = a.order(5, 1, true);
        assertArrayEquals(e1, a.order(5, 1, true));
        assertFalse(Arrays.equals(e1, a.order(5, 2, true)), "epochs share an order");
        assertFalse(Arrays.equals(e1, a.order(6, 1, true)), "seeds share an order");
        int[] sorted = e1.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < 100; i++) {
            assertEquals(i, sorted[i]);
        }
        int[] identity = a.order(5, 1, false);
        for (int i = 0; i < 100; i++) {
            assertEquals(i, identity[i]);
        }
    }

    @Test
    void syntheticDataIsDeterministicBalancedAndPrefixStable() {
        Dataset small = SyntheticDataset.generate(10, 50, 20, 9);
        Dataset large = SyntheticDataset.generate(10, 80, 30, 9);
        assertArrayEquals(small.train().pixels(), Arrays.copyOf(large.train().pixels(), 50 * 3072));
        assertArrayEquals(small.val().pixels(), Arrays.copyOf(large.val().pixels(), 20 * 3072));
        assertArrayEquals(new int[] {5, 5, 5, 5, 5, 5, 5, 5, 5, 5}, small.train().classCounts());
        assertNotEquals(Arrays.hashCode(small.train().pixels()),
                Arrays.hashCode(SyntheticDataset.generate(10, 50, 20, 10).train().pixels()), "data seed ignored");
        assertFalse(Arrays.equals(Arrays.copyOf(small.train().pixels(), 3072), Arrays.copyOf(small.val().pixels(), 3072)),
                "train and val share images");
    }
}
