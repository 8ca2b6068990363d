package org.blockbench.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary directory that is deleted, with everything in it, on {@link #close()}: the
 * scratch space of a child JVM or a JMH fork, which is also given to that JVM as its
 * {@code java.io.tmpdir}, so that nothing a killed JVM leaves behind outlives the call.
 */
public final class ScratchDirectory implements AutoCloseable {

    private final Path path;
    private boolean closed;

    private ScratchDirectory(Path path) {
        this.path = path;
    }

    /** Creates {@code <java.io.tmpdir>/<prefix>…}; a failure is an {@link OutputWriteException}. */
    public static ScratchDirectory create(String prefix) {
        try {
            return new ScratchDirectory(Files.createTempDirectory(prefix));
        } catch (IOException e) {
            throw new OutputWriteException("cannot create a temporary directory (" + prefix + ")", e);
        }
    }

    /** The directory. */
    public Path path() {
        if (closed) {
            throw new IllegalStateException("ScratchDirectory is closed: " + path);
        }
        return path;
    }

    /** Deletes the directory and its contents; a second call does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("blockbench: cannot delete the temporary directory " + path + ": " + e.getMessage());
        }
    }
}
