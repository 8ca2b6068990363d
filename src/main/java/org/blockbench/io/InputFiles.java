package org.blockbench.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.blockbench.BadInputException;

/**
 * Reading an input file BlockBench did not write: only a regular file (a FIFO would block the
 * read for ever, a device such as {@code /dev/zero} never ends), read with a cap, so that no
 * input can hang a command or exhaust its memory. Each format has its documented cap:
 * {@link #MODEL_CAP} for ONNX models, {@link #DESCRIPTOR_CAP} for small JSON descriptors
 * (a block pack's {@code block.json}, a GWO sidecar), {@link #RESULTS_CAP} for JMH JSON and CSV.
 * Every failure is a one-line {@link BadInputException} naming the file.
 */
public final class InputFiles {

    /** An ONNX model: 2 GiB - 1, the largest protobuf message. */
    public static final long MODEL_CAP = Integer.MAX_VALUE - 8;
    /** A JSON descriptor (block.json, a GWO sidecar): 1 MiB. */
    public static final long DESCRIPTOR_CAP = 1L << 20;
    /** A JMH JSON result or a CSV table: 512 MiB. */
    public static final long RESULTS_CAP = 512L << 20;

    private InputFiles() {
    }

    /** The bytes of {@code file}, a regular file of at most {@code cap} bytes; {@code what} names it in errors. */
    public static byte[] read(Path file, long cap, String what) {
        requireRegular(file, what);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(cap + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > cap) {
                throw new BadInputException(file + ": " + what + " larger than the " + describe(cap) + " cap");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** Refuses a path that is missing or not a regular file (after symbolic links), before anything opens it. */
    public static void requireRegular(Path file, String what) {
        if (!Files.exists(file)) {
            throw new BadInputException(file + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": " + what + " is not a regular file (a directory, FIFO or device)");
        }
    }

    /**
     * Refuses {@code file} unless it lies inside {@code dir} once symbolic links are resolved:
     * the files of a pack (a directory a user hands over whole) may not reach elsewhere.
     */
    public static void requireInside(Path dir, Path file, String what) {
        try {
            Path real = file.toRealPath();
            Path base = dir.toRealPath();
            if (!real.startsWith(base)) {
                throw new BadInputException(file + ": " + what + " leads out of " + dir + " (to " + real + ")");
            }
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot resolve (" + e.getMessage() + ")", e);
        }
    }

    private static String describe(long cap) {
        return cap >= (1L << 30) ? (cap + 1) / (1L << 30) + " GiB" : cap / (1L << 20) + " MiB";
    }
}
