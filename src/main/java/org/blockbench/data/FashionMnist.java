package org.blockbench.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.blockbench.BadInputException;

/**
 * Reads Fashion-MNIST (Zalando's 28×28 grey images of 10 kinds of clothing: 60,000 training
 * and 10,000 test images) from its four gzip'd IDX files ({@link IdxFiles}), as Debian's
 * {@code dataset-fashion-mnist} package installs them in {@link #DEFAULT_DIR}. The training set
 * is the 60,000 {@code train-*} images, the validation set the 10,000 {@code t10k-*} (test)
 * images.
 *
 * <p>So that the zoo's scaffold (3×32×32 input) takes the images unchanged, each is padded with
 * a 2-pixel zero border to 32×32, centred, and its grey plane repeated to the three channels of
 * CIFAR's layout ({@link ImageSet}); runs on it use {@link Normalization#FASHION_MNIST} in place
 * of the recipe's (docs/accuracy.md §Fashion-MNIST).
 */
public final class FashionMnist {

    public static final String NAME = "fashion-mnist";
    /** Where {@code apt install dataset-fashion-mnist} puts the files. */
    public static final Path DEFAULT_DIR = Path.of("/usr/share/datasets/fashion-mnist");
    /** The Debian package that installs them. */
    public static final String PACKAGE = "dataset-fashion-mnist";
    public static final int CLASSES = 10;

    static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
    static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
    static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
    static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";
    private static final List<String> FILES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

    /** Side of the stored images. */
    static final int SOURCE_SIZE = 28;
    /** Side of the scaffold's input. */
    static final int SIZE = 32;
    /** Zero border on each side: (32 - 28) / 2. */
    static final int BORDER = (SIZE - SOURCE_SIZE) / 2;
    /**
     * Decompressed pixels read from one image file at most: 64 MiB, above the training file's
     * 47,040,000 (60,000 × 784) and below what a wrong or hostile file could make the JVM hold.
     */
    static final long IMAGES_CAP = 64L << 20;
    /** Decompressed labels read from one label file at most: as many as {@link #IMAGES_CAP} allows images. */
    static final long LABELS_CAP = IMAGES_CAP / (SOURCE_SIZE * SOURCE_SIZE);

    private FashionMnist() {
    }

    /** Reads the training and test sets from {@code dir}, padded and repeated to 3×32×32. */
    public static Dataset read(Path dir) {
        if (!missing(dir).isEmpty()) {
            throw notFound(dir);
        }
        ImageSet train = readSet(dir, TRAIN_IMAGES, TRAIN_LABELS);
        ImageSet test = readSet(dir, TEST_IMAGES, TEST_LABELS);
        return new Dataset(NAME, dir.toAbsolutePath().normalize() + " (Fashion-MNIST IDX files; 28x28 grey images"
                + " zero-padded to 32x32, repeated to 3 channels)", train, test);
    }

    /** Whether {@code dir} holds the four IDX files (what {@link #read} then reads; it checks their contents). */
    public static boolean present(Path dir) {
        return missing(dir).isEmpty();
    }

    /** The error for a directory without the files: what is missing, how to install them, how to point at them. */
    public static BadInputException notFound(Path dir) {
        Path where = dir.toAbsolutePath().normalize();
        String what = Files.isDirectory(dir) ? "missing " + missing(dir) : "no such directory";
        return new BadInputException("Fashion-MNIST IDX files not found in " + where + " (" + what + "): install them with"
                + " `apt install " + PACKAGE + "` (into " + DEFAULT_DIR + ") or pass --data-dir DIR holding " + FILES
                + "; or use --dataset synthetic");
    }

    private static List<String> missing(Path dir) {
        List<String> missing = new ArrayList<>();
        for (String f : FILES) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                missing.add(f);
            }
        }
        return missing;
    }

    private static ImageSet readSet(Path dir, String imagesFile, String labelsFile) {
        IdxFiles.Images images = IdxFiles.images(dir, imagesFile, SOURCE_SIZE, SOURCE_SIZE, IMAGES_CAP);
        int[] labels = IdxFiles.labels(dir, labelsFile, CLASSES, LABELS_CAP);
        if (images.count() != labels.length) {
            throw new BadInputException(dir.resolve(imagesFile) + " holds " + images.count() + " images but "
                    + dir.resolve(labelsFile) + " " + labels.length + " labels; the two must match");
        }
        return toScaffold(images, labels);
    }

    /** Each image zero-padded to 32×32 (centred) and its grey plane repeated to 3 channels. */
    static ImageSet toScaffold(IdxFiles.Images images, int[] labels) {
        int plane = SIZE * SIZE;
        int source = SOURCE_SIZE * SOURCE_SIZE;
        byte[] src = images.pixels();
        byte[] out = new byte[images.count() * 3 * plane];
        for (int i = 0; i < images.count(); i++) {
            int base = i * 3 * plane;
            for (int y = 0; y < SOURCE_SIZE; y++) {
                System.arraycopy(src, i * source + y * SOURCE_SIZE, out, base + (y + BORDER) * SIZE + BORDER, SOURCE_SIZE);
            }
            System.arraycopy(out, base, out, base + plane, plane);
            System.arraycopy(out, base, out, base + 2 * plane, plane);
        }
        return new ImageSet(CLASSES, 3, SIZE, SIZE, out, labels);
    }
}
