package org.blockbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.blockbench.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fashion-MNIST reading on hand-made gzip'd IDX files: pixels after the 2-pixel zero border, the
 * repetition to three channels and the normalisation; each malformed file refused in one line
 * naming it; and the package's own files where they are installed.
 */
class FashionMnistDataTest {

    @TempDir
    Path dir;

    /** Pixel (y, x) of image i: (i*31 + y*28 + x) mod 256, every byte value from 0 to 255 in the first image's rows. */
    private static int pixel(int i, int y, int x) {
        return (i * 31 + y * 28 + x) % 256;
    }

    /** An IDX image file's bytes: magic, (count, rows, cols), then {@code count} images of {@link #pixel}. */
    private static byte[] images(int magic, int count, int rows, int cols, int stored) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        out.writeInt(magic);
        out.writeInt(count);
        out.writeInt(rows);
        out.writeInt(cols);
        for (int i = 0; i < stored; i++) {
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < cols; x++) {
                    out.writeByte(pixel(i, y, x));
                }
            }
        }
        return b.toByteArray();
    }

    private static byte[] images(int count) throws IOException {
        return images(IdxFiles.IMAGES_MAGIC, count, 28, 28, count);
    }

    private static byte[] labels(int... labels) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        out.writeInt(IdxFiles.LABELS_MAGIC);
        out.writeInt(labels.length);
        for (int l : labels) {
            out.writeByte(l);
        }
        return b.toByteArray();
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(b)) {
            z.write(raw);
        }
        return b.toByteArray();
    }

    private void write(String name, byte[] raw) throws IOException {
        Files.write(dir.resolve(name), gzip(raw));
    }

    /** Three training images labelled 9, 0, 3 and two test images labelled 2, 7. */
    private void writeValid() throws IOException {
        write(FashionMnist.TRAIN_IMAGES, images(3));
        write(FashionMnist.TRAIN_LABELS, labels(9, 0, 3));
        write(FashionMnist.TEST_IMAGES, images(2));
        write(FashionMnist.TEST_LABELS, labels(2, 7));
    }

    private BadInputException refused() {
        BadInputException e = assertThrows(BadInputException.class, () -> FashionMnist.read(dir));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e;
    }

    @Test
    void padsEachImageToThirtyTwoAndRepeatsItToThreeChannels() throws IOException {
        writeValid();
        Dataset d = FashionMnist.read(dir);
        assertEquals(FashionMnist.NAME, d.name());
        assertEquals(10, d.classes());
        assertArrayEquals(new int[] {9, 0, 3}, d.train().labels());
        assertArrayEquals(new int[] {2, 7}, d.val().labels());
        ImageSet train = d.train();
        assertEquals(3, train.channels());
        assertEquals(32, train.height());
        assertEquals(32, train.width());
        byte[] p = train.pixels();
        for (int i = 0; i < 3; i++) {
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < 32; y++) {
                    for (int x = 0; x < 32; x++) {
                        boolean inside = y >= 2 && y < 30 && x >= 2 && x < 30;
                        int expected = inside ? pixel(i, y - 2, x - 2) : 0;
                        assertEquals(expected, p[i * 3072 + c * 1024 + y * 32 + x] & 0xff, "image " + i + " c" + c
                                + " (" + y + ", " + x + ")");
                    }
                }
            }
        }
        // the second test image's corner pixels
        assertEquals(pixel(1, 0, 0), d.val().pixels()[3072 + 2 * 32 + 2] & 0xff);
        assertEquals(pixel(1, 27, 27), d.val().pixels()[3072 + 2048 + 29 * 32 + 29] & 0xff);
    }

    @Test
    void normalisesWithFashionMnistsOwnStatistics() throws IOException {
        writeValid();
        ImageSet train = FashionMnist.read(dir).train();
        float[] out = new float[3 * 3072];
        long[] labels = new long[3];
        new BatchAssembler(train, Normalization.FASHION_MNIST).fill(new int[] {0, 1, 2}, 0, 3, Augmentation.NONE, null, out,
                labels);
        assertArrayEquals(new long[] {9, 0, 3}, labels);
        float border = (0 - 0.2860f) / 0.3530f;
        assertEquals(-0.810198f, border, 1e-6f);
        for (int c = 0; c < 3; c++) {
            assertEquals(border, out[c * 1024], 0f);
            assertEquals(border, out[c * 1024 + 31 * 32 + 31], 0f);
            // image 0, stored pixel (0, 0) = 0 and (9, 3) = 255: on every channel alike
            assertEquals(border, out[c * 1024 + 2 * 32 + 2], 0f);
            assertEquals((1f - 0.2860f) / 0.3530f, out[c * 1024 + 11 * 32 + 5], 1e-6f);
            assertEquals(2.022663f, out[c * 1024 + 11 * 32 + 5], 1e-5f);
            // image 2, stored pixel (4, 7) = 62 + 112 + 7 = 181
            assertEquals((181 / 255f - 0.2860f) / 0.3530f, out[2 * 3072 + c * 1024 + 6 * 32 + 9], 1e-6f);
        }
        assertEquals(255, pixel(0, 9, 3));
        assertEquals(181, pixel(2, 4, 7));
    }

    @Test
    void subsetsTakeTheFirstImages() throws IOException {
        writeValid();
        Dataset d = DatasetName.FASHION_MNIST.load(dir, 0, 2, null, 0);
        assertArrayEquals(new int[] {9, 0}, d.train().labels());
        assertEquals(2, d.val().size());
        assertEquals(pixel(1, 5, 6), d.train().pixels()[3072 + 7 * 32 + 8] & 0xff);
    }

    @Test
    void wrongMagicIsRefusedNamingTheFile() throws IOException {
        writeValid();
        write(FashionMnist.TRAIN_IMAGES, images(0x12345678, 3, 28, 28, 3));
        BadInputException e = refused();
        assertEquals(dir.resolve(FashionMnist.TRAIN_IMAGES) + ": magic number 0x12345678 is not an IDX file of unsigned"
                + " bytes, expected 0x00000803 (images)", e.getMessage());
    }

    @Test
    void labelFileInPlaceOfImagesIsRefusedByItsDimensionCount() throws IOException {
        writeValid();
        write(FashionMnist.TEST_IMAGES, labels(1, 2));
        BadInputException e = refused();
        assertEquals(dir.resolve(FashionMnist.TEST_IMAGES) + ": magic number 0x00000801 declares 1 dimensions, expected 3"
                + " (images, magic 0x00000803)", e.getMessage());
    }

    @Test
    void imagesOfAnotherSizeAreRefused() throws IOException {
        writeValid();
        write(FashionMnist.TRAIN_IMAGES, images(IdxFiles.IMAGES_MAGIC, 3, 32, 32, 3));
        assertEquals(dir.resolve(FashionMnist.TRAIN_IMAGES) + ": images of 32x32 pixels, expected 28x28", refused().getMessage());
    }

    @Test
    void truncatedFilesAreRefusedNamingThem() throws IOException {
        writeValid();
        // a whole gzip stream whose IDX data stops one image short
        write(FashionMnist.TRAIN_IMAGES, images(IdxFiles.IMAGES_MAGIC, 3, 28, 28, 2));
        assertEquals(dir.resolve(FashionMnist.TRAIN_IMAGES) + ": truncated: declares 3 images (2352 bytes), holds 1568",
                refused().getMessage());
        // a gzip stream cut short
        byte[] whole = gzip(images(3));
        Files.write(dir.resolve(FashionMnist.TRAIN_IMAGES), Arrays.copyOf(whole, whole.length / 2));
        BadInputException e = refused();
        assertTrue(e.getMessage().startsWith(dir.resolve(FashionMnist.TRAIN_IMAGES) + ": truncated"), e.getMessage());
        // a header cut short
        writeValid();
        write(FashionMnist.TEST_LABELS, Arrays.copyOf(labels(2, 7), 6));
        assertEquals(dir.resolve(FashionMnist.TEST_LABELS) + ": truncated (ends inside its header or gzip stream)",
                refused().getMessage());
    }

    @Test
    void bytesAfterTheDeclaredItemsAreRefused() throws IOException {
        writeValid();
        byte[] raw = labels(9, 0, 3);
        write(FashionMnist.TRAIN_LABELS, Arrays.copyOf(raw, raw.length + 1));
        assertEquals(dir.resolve(FashionMnist.TRAIN_LABELS) + ": holds more bytes than its 3 declared labels",
                refused().getMessage());
    }

    @Test
    void aFileThatIsNotGzipIsRefused() throws IOException {
        writeValid();
        Files.write(dir.resolve(FashionMnist.TRAIN_LABELS), labels(9, 0, 3));
        BadInputException e = refused();
        assertTrue(e.getMessage().startsWith(dir.resolve(FashionMnist.TRAIN_LABELS) + ": not a valid gzip stream ("),
                e.getMessage());
    }

    @Test
    void labelOutOfRangeIsRefused() throws IOException {
        writeValid();
        write(FashionMnist.TEST_LABELS, labels(2, 10));
        assertEquals(dir.resolve(FashionMnist.TEST_LABELS) + ": label 10 of item 1 is outside 0..9", refused().getMessage());
    }

    @Test
    void imageAndLabelCountsMustMatch() throws IOException {
        writeValid();
        write(FashionMnist.TRAIN_LABELS, labels(9, 0));
        assertEquals(dir.resolve(FashionMnist.TRAIN_IMAGES) + " holds 3 images but " + dir.resolve(FashionMnist.TRAIN_LABELS)
                + " 2 labels; the two must match", refused().getMessage());
    }

    @Test
    void aCountBeyondTheCapIsRefusedBeforeAnythingIsAllocated() throws IOException {
        writeValid();
        // 2^31 - 1 images declared, none stored: refused on the header alone
        write(FashionMnist.TRAIN_IMAGES, images(IdxFiles.IMAGES_MAGIC, Integer.MAX_VALUE, 28, 28, 0));
        assertEquals(dir.resolve(FashionMnist.TRAIN_IMAGES) + ": declares 2147483647 images (1683627179248 bytes), more than"
                + " the cap of " + FashionMnist.IMAGES_CAP + " bytes", refused().getMessage());
        write(FashionMnist.TRAIN_IMAGES, images(IdxFiles.IMAGES_MAGIC, -1, 28, 28, 0));
        assertEquals(dir.resolve(FashionMnist.TRAIN_IMAGES) + ": declares 4294967295 images, expected at least 1 and fewer"
                + " than 2^31", refused().getMessage());
    }

    @Test
    void aLinkLeadingOutOfTheDirectoryIsRefused() throws IOException {
        writeValid();
        Path outside = Files.createDirectories(dir.resolve("elsewhere")).resolve("labels.gz");
        Files.write(outside, gzip(labels(9, 0, 3)));
        Path data = Files.createDirectories(dir.resolve("data"));
        for (String f : new String[] {FashionMnist.TRAIN_IMAGES, FashionMnist.TEST_IMAGES, FashionMnist.TEST_LABELS}) {
            Files.copy(dir.resolve(f), data.resolve(f));
        }
        Files.createSymbolicLink(data.resolve(FashionMnist.TRAIN_LABELS), outside);
        BadInputException e = assertThrows(BadInputException.class, () -> FashionMnist.read(data));
        assertTrue(e.getMessage().startsWith(data.resolve(FashionMnist.TRAIN_LABELS) + ": an IDX label file leads out of "
                + data), e.getMessage());
    }

    @Test
    void missingDirectorySaysHowToInstallTheFiles() {
        BadInputException e = assertThrows(BadInputException.class, () -> FashionMnist.read(dir.resolve("none")));
        String m = e.getMessage();
        assertTrue(m.startsWith("Fashion-MNIST IDX files not found in " + dir.resolve("none") + " (no such directory)"), m);
        assertTrue(m.contains("`apt install dataset-fashion-mnist`") && m.contains("--data-dir"), m);
        assertFalse(m.contains("\n"), m);
    }

    @Test
    void missingFilesAreNamed() throws IOException {
        writeValid();
        Files.delete(dir.resolve(FashionMnist.TEST_LABELS));
        String m = refused().getMessage();
        assertTrue(m.contains("(missing [t10k-labels-idx1-ubyte.gz])") && m.contains("apt install dataset-fashion-mnist"), m);
    }

    @Test
    void unknownDatasetNameListsTheValidOnes() {
        BadInputException e = assertThrows(BadInputException.class, () -> DatasetName.parse("mnist"));
        assertEquals("unknown dataset 'mnist', expected one of [synthetic, cifar10, cifar100, fashion-mnist]", e.getMessage());
        assertEquals(DatasetName.FASHION_MNIST, DatasetName.parse(" Fashion-MNIST "));
    }

    /**
     * The files of Debian's dataset-fashion-mnist, where it is installed; where
     * BLOCKBENCH_REQUIRE_FASHION_MNIST is set (.ci/run sets it after installing the package) its
     * absence fails the test.
     */
    @Test
    void readsThePackagedFiles() {
        if (System.getenv("BLOCKBENCH_REQUIRE_FASHION_MNIST") != null) {
            assertTrue(Files.isDirectory(FashionMnist.DEFAULT_DIR), FashionMnist.DEFAULT_DIR + " absent, and"
                    + " BLOCKBENCH_REQUIRE_FASHION_MNIST is set");
        }
        assumeTrue(Files.isDirectory(FashionMnist.DEFAULT_DIR), FashionMnist.DEFAULT_DIR + " absent (apt install "
                + FashionMnist.PACKAGE + ")");
        Dataset d = FashionMnist.read(FashionMnist.DEFAULT_DIR);
        assertEquals(60_000, d.train().size());
        assertEquals(10_000, d.val().size());
        assertEquals(10, d.classes());
        // the first training image is an ankle boot (class 9), as is the first test image
        assertEquals(9, d.train().labels()[0]);
        assertEquals(9, d.val().labels()[0]);
        int[] perClass = new int[10];
        Arrays.fill(perClass, 6_000);
        assertArrayEquals(perClass, d.train().classCounts());
        Arrays.fill(perClass, 1_000);
        assertArrayEquals(perClass, d.val().classCounts());
    }
}
