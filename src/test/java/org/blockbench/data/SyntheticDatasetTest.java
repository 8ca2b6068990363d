package org.blockbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The texture × layout task (docs/protocol.md §Datasets): deterministic, prefix-stable, and its
 * classes need both texture and layout — one class pair differs only in layout, another only in
 * texture, each measured on the rendered pixels.
 */
class SyntheticDatasetTest {

    private static final int N = 400;
    private static final ImageSet SET = SyntheticDataset.generate(10, N, 10, 5).train();

    @Test
    void sameSeedSameBytesAndSubsetsArePrefixes() {
        Dataset a = SyntheticDataset.generate(10, 60, 20, 5);
        Dataset b = SyntheticDataset.generate(10, 60, 20, 5);
        assertArrayEquals(a.train().pixels(), b.train().pixels());
        assertArrayEquals(a.val().pixels(), b.val().pixels());
        assertArrayEquals(Arrays.copyOf(SET.pixels(), 60 * SET.imageBytes()), a.train().pixels());
        assertFalse(Arrays.equals(a.train().pixels(), SyntheticDataset.generate(10, 60, 20, 6).train().pixels()));
        assertFalse(Arrays.equals(a.train().pixels(), Arrays.copyOf(a.val().pixels(), a.train().pixels().length)));
        assertArrayEquals(new int[] {6, 6, 6, 6, 6, 6, 6, 6, 6, 6}, a.train().classCounts());
    }

    @Test
    void tenClassesAreFiveTexturesTimesTwoLayouts() {
        assertEquals(5, SyntheticDataset.textures(10));
        assertEquals(2, SyntheticDataset.layouts(10));
        assertEquals(new SyntheticDataset.Composition(0, 0), SyntheticDataset.composition(0, 10));
        assertEquals(new SyntheticDataset.Composition(1, 0), SyntheticDataset.composition(1, 10));
        assertEquals(new SyntheticDataset.Composition(0, 1), SyntheticDataset.composition(5, 10));
        assertEquals(new SyntheticDataset.Composition(4, 1), SyntheticDataset.composition(9, 10));
        // every class is a distinct pair
        assertEquals(10, java.util.stream.IntStream.range(0, 10).mapToObj(k -> SyntheticDataset.composition(k, 10))
                .distinct().count());
        assertEquals(1, SyntheticDataset.layouts(3));
        assertEquals(3, SyntheticDataset.textures(3));
    }

    @Test
    void classesZeroAndFiveDifferOnlyInLayout() {
        // texture 0 (stripes across x): horizontal gradients dominate in both classes
        assertTrue(meanGradientBalance(0) > 0.2, "class 0 gx²-gy² balance " + meanGradientBalance(0));
        assertTrue(meanGradientBalance(5) > 0.2, "class 5 gx²-gy² balance " + meanGradientBalance(5));
        // layout: side by side (class 0) spreads the pattern along x, stacked (class 5) along y
        assertTrue(meanSpreadBalance(0) > 0.15, "class 0 x-y spread balance " + meanSpreadBalance(0));
        assertTrue(meanSpreadBalance(5) < -0.15, "class 5 x-y spread balance " + meanSpreadBalance(5));
    }

    @Test
    void classesZeroAndOneDifferOnlyInTexture() {
        // texture 1 is oriented at 90° (stripes across y): vertical gradients dominate; same layout as class 0
        assertTrue(meanGradientBalance(1) < -0.2, "class 1 gx²-gy² balance " + meanGradientBalance(1));
        assertTrue(meanSpreadBalance(1) > 0.15, "class 1 x-y spread balance " + meanSpreadBalance(1));
        assertNotEquals(SyntheticDataset.composition(0, 10).texture(), SyntheticDataset.composition(1, 10).texture());
        assertEquals(SyntheticDataset.composition(0, 10).layout(), SyntheticDataset.composition(1, 10).layout());
    }

    @Test
    void everyTextureIsItsOwnMirrorImage() {
        // plaid (texture 2): neither gradient direction dominates
        assertEquals(0, meanGradientBalance(2), 0.1);
    }

    /** Mean over the class's images of (Σgx² − Σgy²) / (Σgx² + Σgy²), on the channel sum. */
    private static double meanGradientBalance(int label) {
        double sum = 0;
        int n = 0;
        for (int i = label; i < N; i += 10) {
            double[] g = grey(i);
            double gx = 0;
            double gy = 0;
            for (int y = 0; y < 31; y++) {
                for (int x = 0; x < 31; x++) {
                    double dx = g[y * 32 + x + 1] - g[y * 32 + x];
                    double dy = g[(y + 1) * 32 + x] - g[y * 32 + x];
                    gx += dx * dx;
                    gy += dy * dy;
                }
            }
            sum += (gx - gy) / (gx + gy);
            n++;
        }
        return sum / n;
    }

    /** Mean over the class's images of (var_x − var_y) / (var_x + var_y) of where the pattern's energy lies. */
    private static double meanSpreadBalance(int label) {
        double sum = 0;
        int n = 0;
        for (int i = label; i < N; i += 10) {
            double[] g = grey(i);
            double mean = Arrays.stream(g).average().orElseThrow();
            double[] e = new double[g.length];
            double total = 0;
            double mx = 0;
            double my = 0;
            for (int p = 0; p < g.length; p++) {
                // the patches' energy stands out of the noise's (noise variance subtracted, clipped at 0)
                e[p] = Math.max(0, (g[p] - mean) * (g[p] - mean) - 3 * 20 * 20 * 3);
                total += e[p];
                mx += e[p] * (p % 32);
                my += e[p] * (p / 32);
            }
            mx /= total;
            my /= total;
            double vx = 0;
            double vy = 0;
            for (int p = 0; p < g.length; p++) {
                vx += e[p] * (p % 32 - mx) * (p % 32 - mx);
                vy += e[p] * (p / 32 - my) * (p / 32 - my);
            }
            sum += (vx - vy) / (vx + vy);
            n++;
        }
        return sum / n;
    }

    /** Image {@code i}'s three channels summed, per pixel. */
    private static double[] grey(int i) {
        assertEquals(i % 10, SET.labels()[i]);
        double[] g = new double[1024];
        int base = i * SET.imageBytes();
        for (int c = 0; c < 3; c++) {
            for (int p = 0; p < 1024; p++) {
                g[p] += SET.pixels()[base + c * 1024 + p] & 0xff;
            }
        }
        return g;
    }
}
