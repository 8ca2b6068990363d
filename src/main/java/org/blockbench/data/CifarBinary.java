package org.blockbench.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.blockbench.BadInputException;

/**
 * Reads CIFAR-10 and CIFAR-100 in their official binary formats. CIFAR-10: records of one
 * label byte and 3072 pixel bytes in {@code data_batch_1.bin … data_batch_5.bin} (50,000
 * training images) and {@code test_batch.bin} (10,000). CIFAR-100: a coarse and a fine label
 * byte, then 3072 pixel bytes, in {@code train.bin} and {@code test.bin}; the fine label (100
 * classes) is used. Every file must hold whole records; the run record states how many
 * images were read. The files may sit in the given directory or in the archive's own
 * subdirectory ({@code cifar-10-batches-bin/}, {@code cifar-100-binary/}).
 */
public enum CifarBinary {
    CIFAR10("cifar10", "CIFAR-10", 10, 1, "cifar-10-batches-bin",
            List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"),
            List.of("test_batch.bin")),
    CIFAR100("cifar100", "CIFAR-100", 100, 2, "cifar-100-binary",
            List.of("train.bin"), List.of("test.bin"));

    /** Bytes of one image: 3 × 32 × 32. */
    public static final int IMAGE_BYTES = 3 * 32 * 32;
    /** Where the data and its checksums are published. */
    public static final String HOME_PAGE = "https://www.cs.toronto.edu/~kriz/cifar.html";

    private final String id;
    private final String title;
    private final int classes;
    private final int labelBytes;
    private final String archiveDir;
    private final List<String> trainFiles;
    private final List<String> testFiles;

    CifarBinary(String id, String title, int classes, int labelBytes, String archiveDir, List<String> trainFiles,
            List<String> testFiles) {
        this.id = id;
        this.title = title;
        this.classes = classes;
        this.labelBytes = labelBytes;
        this.archiveDir = archiveDir;
        this.trainFiles = trainFiles;
        this.testFiles = testFiles;
    }

    /** "cifar10" / "cifar100". */
    public String id() {
        return id;
    }

    public int classes() {
        return classes;
    }

    /** The subdirectory the official archive extracts to. */
    public String archiveDir() {
        return archiveDir;
    }

    /** Bytes of one record: label byte(s) and pixels. */
    public int recordBytes() {
        return labelBytes + IMAGE_BYTES;
    }

    /** The directory holding the files: {@code dir} itself or its archive subdirectory, if complete. */
    public java.util.Optional<Path> locate(Path dir) {
        for (Path candidate : List.of(dir, dir.resolve(archiveDir))) {
            if (missing(candidate).isEmpty()) {
                return java.util.Optional.of(candidate);
            }
        }
        return java.util.Optional.empty();
    }

    /** Reads the training and test sets from {@code dir} (or its archive subdirectory). */
    public Dataset read(Path dir) {
        Path found = locate(dir).orElseThrow(() -> notFound(dir));
        ImageSet train = readSet(found, trainFiles);
        ImageSet test = readSet(found, testFiles);
        return new Dataset(id, found.toAbsolutePath().normalize().toString(), train, test);
    }

    /** The error for a directory without the files: what is missing, where to get it, how to point at it. */
    public BadInputException notFound(Path dir) {
        return new BadInputException(title + " binary files not found in " + dir.toAbsolutePath().normalize()
                + " (nor in its " + archiveDir + "/ subdirectory): missing " + missing(dir)
                + ". Get the \"" + title + " binary version\" from " + HOME_PAGE + ", extract it and pass"
                + " --data-dir DIR (the directory holding " + archiveDir + "/), or add --download to fetch and"
                + " verify it into --data-dir; or use --dataset synthetic");
    }

    private List<String> missing(Path dir) {
        List<String> missing = new ArrayList<>();
        for (String f : concat(trainFiles, testFiles)) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                missing.add(f);
            }
        }
        return missing;
    }

    private ImageSet readSet(Path dir, List<String> files) {
        int record = recordBytes();
        List<byte[]> contents = new ArrayList<>();
        int total = 0;
        for (String f : files) {
            Path file = dir.resolve(f);
            // a CIFAR batch file is 30.7 MB; 256 MiB caps a wrong or endless file
            byte[] bytes = org.blockbench.io.InputFiles.read(file, 256L << 20, "a CIFAR binary batch");
            if (bytes.length == 0 || bytes.length % record != 0) {
                throw new BadInputException(file + ": " + bytes.length + " bytes is not a whole number of "
                        + record + "-byte " + title + " records (truncated, or not the binary version?)");
            }
            contents.add(bytes);
            total += bytes.length / record;
        }
        byte[] pixels = new byte[total * IMAGE_BYTES];
        int[] labels = new int[total];
        int n = 0;
        for (int k = 0; k < contents.size(); k++) {
            byte[] bytes = contents.get(k);
            for (int off = 0; off < bytes.length; off += record) {
                int label = bytes[off + labelBytes - 1] & 0xff;
                if (label >= classes) {
                    throw new BadInputException(dir.resolve(files.get(k)) + ": record " + off / record + " has label "
                            + label + ", " + title + " labels are 0.." + (classes - 1) + " (wrong dataset for this directory?)");
                }
                labels[n] = label;
                System.arraycopy(bytes, off + labelBytes, pixels, n * IMAGE_BYTES, IMAGE_BYTES);
                n++;
            }
        }
        return new ImageSet(classes, 3, 32, 32, pixels, labels);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Parses "cifar10" / "cifar100". */
    public static CifarBinary parse(String id) {
        return BadInputException.byName("CIFAR variant", id, values(), c -> c.id);
    }
}
