package org.blockbench.fuzz;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two files outside every model directory that mutated models point their external data at,
 * and the evidence that something touched them during a case.
 *
 * <p>{@value #FIFO} is a FIFO. Opening a FIFO for writing blocks until some process opens it for
 * reading; a watcher thread sits in that open, so it returns only when someone opened the
 * canary: Java code, ONNX Runtime's native loader or LibTorch, in this process or a child,
 * through any path (relative {@code ..}, absolute, a symbolic link). A stat or size check does
 * not open it and is not counted. The watcher then closes (the reader sees end of file and
 * cannot hang) and waits for the next open. {@link #disarm} releases it with a read-write open,
 * which never blocks on Linux, after setting a flag so that this open is not counted.
 *
 * <p>A FIFO is not a regular file, and ONNX Runtime's checker refuses external data that is not
 * one before opening it; a loader that checks only "regular file" would then pass unnoticed.
 * So {@value #FILE} is a regular file of zeros long enough for any tensor of the seeds. Its access
 * time is set before each case to long before its modification time; on a {@code relatime} (or
 * {@code strictatime}) mount the kernel then updates it on the next read or mmap, whoever reads.
 * The campaign checks once that the mount does this ({@link #atimeWorks}).
 */
final class Canary implements AutoCloseable {

    static final String FIFO = "canary.fifo";
    static final String FILE = "canary.data";
    private static final FileTime OLD = FileTime.fromMillis(1_000);
    private static final long FILE_BYTES = 64L << 20;

    private final Path fifo;
    private final Path file;
    private final AtomicInteger opens = new AtomicInteger();
    private volatile boolean disarming;
    private Thread watcher;

    /** What the canaries saw during one case. */
    record Evidence(int fifoOpens, boolean fileRead) {

        boolean touched() {
            return fifoOpens > 0 || fileRead;
        }

        @Override
        public String toString() {
            return (fifoOpens > 0 ? FIFO + " opened " + fifoOpens + " time(s)" : "")
                    + (fifoOpens > 0 && fileRead ? ", " : "") + (fileRead ? FILE + " read" : "");
        }
    }

    private Canary(Path fifo, Path file) {
        this.fifo = fifo;
        this.file = file;
    }

    /** Creates both canaries in {@code dir}. */
    static Canary create(Path dir) {
        Path fifo = dir.resolve(FIFO);
        Path file = dir.resolve(FILE);
        try {
            Files.deleteIfExists(fifo);
            Process p = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("mkfifo " + fifo + " failed: " + new String(p.getInputStream().readAllBytes()));
            }
            try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
                f.setLength(FILE_BYTES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the canaries in " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new Canary(fifo, file);
    }

    /** Whether reading a file with an old access time updates it here (relatime or strictatime). */
    boolean atimeWorks() {
        try {
            resetAccessTime();
            try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
                f.read();
            }
            boolean works = fileRead();
            resetAccessTime();
            return works;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the canary " + file, e);
        }
    }

    /** Starts counting from zero. */
    synchronized void arm() {
        if (watcher != null) {
            throw new IllegalStateException("canary already armed");
        }
        resetAccessTime();
        opens.set(0);
        disarming = false;
        watcher = new Thread(this::watch, "fuzz-canary");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void watch() {
        while (!disarming) {
            try (FileOutputStream ignored = new FileOutputStream(fifo.toFile())) {
                if (!disarming) {
                    opens.incrementAndGet();
                }
            } catch (IOException e) {
                // the reader went away before we could open; nothing was read, keep watching
            }
        }
    }

    /** Stops the watcher; returns what touched the canaries since {@link #arm}. */
    synchronized Evidence disarm() {
        if (watcher == null) {
            return new Evidence(0, false);
        }
        disarming = true;
        while (watcher.isAlive()) {
            try (RandomAccessFile ignored = new RandomAccessFile(fifo.toFile(), "rw")) {
                watcher.join(1000);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the canary " + fifo + " to stop its watcher", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        watcher = null;
        return new Evidence(opens.get(), fileRead());
    }

    private boolean fileRead() {
        try {
            return !Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).lastAccessTime().equals(OLD);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stat the canary " + file, e);
        }
    }

    private void resetAccessTime() {
        try {
            Files.getFileAttributeView(file, BasicFileAttributeView.class).setTimes(null, OLD, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set the access time of the canary " + file, e);
        }
    }

    @Override
    public void close() {
        disarm();
        try {
            Files.deleteIfExists(fifo);
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the canaries", e);
        }
    }
}
