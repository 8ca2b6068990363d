package org.blockbench.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.blockbench.BadInputException;
import org.blockbench.io.InputFiles;

/**
 * Reads gzip-compressed IDX files, the MNIST family's format: a big-endian 32-bit magic
 * number {@code 0x0000TTDD} (TT the element type, 0x08 = unsigned byte; DD the number of
 * dimensions), then each dimension's size as a big-endian 32-bit integer, then the elements,
 * row-major. Images are {@code 0x00000803} (count, rows, columns), labels {@code 0x00000801}
 * (count).
 *
 * <p>The files are untrusted: each is read only inside its directory (symbolic links resolved),
 * as a regular file; the magic, the dimension count and the sizes are checked before anything
 * is allocated; no more than the declared elements are ever decompressed, and never more than
 * the caller's cap; a file that ends early or holds bytes after its elements is refused, and so
 * is a gzip stream whose checksum fails. Every failure is a one-line {@link BadInputException}
 * naming the file.
 */
final class IdxFiles {

    /** Unsigned-byte images: count, rows, columns. */
    static final int IMAGES_MAGIC = 0x00000803;
    /** Unsigned-byte labels: count. */
    static final int LABELS_MAGIC = 0x00000801;
    private static final int UNSIGNED_BYTE = 0x08;

    /** {@code count} images of {@code rows × cols} unsigned bytes, image after image, row-major. */
    record Images(int count, int rows, int cols, byte[] pixels) {
    }

    private IdxFiles() {
    }

    /**
     * The images of {@code dir/name}: {@code rows × cols} each, at most {@code capBytes} bytes of
     * pixels in all.
     */
    static Images images(Path dir, String name, int rows, int cols, long capBytes) {
        Path file = dir.resolve(name);
        try (DataInputStream in = open(dir, file, "an IDX image file")) {
            int count = header(in, file, IMAGES_MAGIC, 3, "images");
            int r = in.readInt();
            int c = in.readInt();
            if (r != rows || c != cols) {
                throw bad(file, "images of " + Integer.toUnsignedString(r) + "x" + Integer.toUnsignedString(c)
                        + " pixels, expected " + rows + "x" + cols);
            }
            long bytes = (long) count * rows * cols;
            byte[] pixels = body(in, file, count, "images", bytes, capBytes);
            return new Images(count, rows, cols, pixels);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /** The labels of {@code dir/name}, each checked to lie in {@code [0, classes)}. */
    static int[] labels(Path dir, String name, int classes, long capBytes) {
        Path file = dir.resolve(name);
        try (DataInputStream in = open(dir, file, "an IDX label file")) {
            int count = header(in, file, LABELS_MAGIC, 1, "labels");
            byte[] bytes = body(in, file, count, "labels", count, capBytes);
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = bytes[i] & 0xff;
                if (labels[i] >= classes) {
                    throw bad(file, "label " + labels[i] + " of item " + i + " is outside 0.." + (classes - 1));
                }
            }
            return labels;
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static DataInputStream open(Path dir, Path file, String what) throws IOException {
        InputFiles.requireRegular(file, what);
        InputFiles.requireInside(dir, file, what);
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            return new DataInputStream(new GZIPInputStream(raw, 1 << 16));
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** Checks the magic and dimension count; returns the first dimension, the item count (at least 1). */
    private static int header(DataInputStream in, Path file, int magic, int dims, String items) throws IOException {
        int found = in.readInt();
        if (found >>> 8 != UNSIGNED_BYTE) {
            throw bad(file, String.format(Locale.ROOT, "magic number 0x%08x is not an IDX file of unsigned bytes,"
                    + " expected 0x%08x (%s)", found, magic, items));
        }
        if ((found & 0xff) != dims) {
            throw bad(file, String.format(Locale.ROOT, "magic number 0x%08x declares %d dimensions, expected %d (%s,"
                    + " magic 0x%08x)", found, found & 0xff, dims, items, magic));
        }
        int count = in.readInt();
        if (count <= 0) {
            throw bad(file, "declares " + Integer.toUnsignedString(count) + " " + items + ", expected at least 1"
                    + (count < 0 ? " and fewer than 2^31" : ""));
        }
        return count;
    }

    /** The {@code bytes} element bytes after the header, all of them, and nothing after them. */
    private static byte[] body(DataInputStream in, Path file, int count, String items, long bytes, long capBytes)
            throws IOException {
        if (bytes > capBytes) {
            throw bad(file, "declares " + count + " " + items + " (" + bytes + " bytes), more than the cap of " + capBytes
                    + " bytes");
        }
        byte[] data = in.readNBytes((int) bytes);
        if (data.length < bytes) {
            throw bad(file, "truncated: declares " + count + " " + items + " (" + bytes + " bytes), holds " + data.length);
        }
        if (in.read() != -1) {
            throw bad(file, "holds more bytes than its " + count + " declared " + items);
        }
        return data;
    }

    private static BadInputException bad(Path file, String problem) {
        return new BadInputException(file + ": " + problem);
    }

    private static BadInputException unreadable(Path file, IOException e) {
        if (e instanceof EOFException) {
            return new BadInputException(file + ": truncated (ends inside its header or gzip stream)", e);
        }
        if (e instanceof ZipException) {
            return new BadInputException(file + ": not a valid gzip stream (" + e.getMessage() + ")", e);
        }
        return new BadInputException(file + ": cannot read (" + e.getMessage() + ")", e);
    }
}
