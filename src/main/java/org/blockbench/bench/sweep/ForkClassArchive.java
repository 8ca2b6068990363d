package org.blockbench.bench.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * An AppCDS archive of the classes a JMH fork loads (JMH, ONNX Runtime's Java API, BlockBench),
 * as the JDK documents for faster start-up: the first fork of a build writes it when it exits
 * ({@code -XX:ArchiveClassesAtExit}), and every later fork maps it ({@code -XX:SharedArchiveFile})
 * instead of loading and verifying those classes again. A fork starts about 0.5 s of CPU
 * sooner (measured, 1.6 s against 1.1 s for one JMH JVM), which a sweep of 90 forks spends
 * inside measurement iterations instead. Class data only: the timed code, JIT and native
 * inference, are the same.
 *
 * <p>The archive lives in {@code target/jmh-fork-classes/} under a name keyed by the class
 * path (each entry's size and modification time) and the JVM's version, so a rebuilt jar or
 * another JDK never maps a stale archive (the JVM would also refuse it and go on without). It is
 * written under a temporary name and renamed into place whole, so a fork that is killed while
 * writing it, or a second sweep at the same time, never leaves a half-written archive to map.
 */
final class ForkClassArchive {

    private final Path archive;
    private Path pending;

    ForkClassArchive(Path archive) {
        this.archive = archive;
    }

    /**
     * The archive of this build and JVM; empty unless BlockBench runs from jar files (as
     * {@code java -jar target/blockbench.jar} does; not a test class path with directories).
     */
    static Optional<ForkClassArchive> ofThisBuild() {
        String classPath = System.getProperty("java.class.path", "");
        // the JVM archives only a class path of jar files (a directory such as target/classes fails the fork's exit)
        if (classPath.isEmpty() || !java.util.Arrays.stream(classPath.split(java.io.File.pathSeparator))
                .allMatch(e -> e.endsWith(".jar") && Files.isRegularFile(Path.of(e)))) {
            return Optional.empty();
        }
        return org.blockbench.io.BuildOutputs.classesDirectory().map(dir -> {
            String key = key(classPath, System.getProperty("java.vm.version", ""));
            return new ForkClassArchive(dir.resolve("jmh-fork-classes").resolve("fork-" + key + ".jsa"));
        });
    }

    /** The fork's JVM arguments: map the archive where it exists, else write it on exit under a temporary name. */
    List<String> jvmArgs() {
        if (Files.isRegularFile(archive)) {
            return List.of("-XX:SharedArchiveFile=" + archive);
        }
        try {
            Files.createDirectories(archive.getParent());
            pending = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".tmp");
        } catch (IOException e) {
            return List.of(); // a read-only build tree: forks start without an archive
        }
        return List.of("-XX:ArchiveClassesAtExit=" + pending);
    }

    /** After the fork: a complete archive it wrote takes its place; anything else is removed. */
    void forkEnded(boolean completed) {
        if (pending == null) {
            return;
        }
        try {
            if (completed && Files.isRegularFile(pending) && Files.size(pending) > 0 && !Files.exists(archive)) {
                Files.move(pending, archive, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.deleteIfExists(pending);
        } catch (IOException e) {
            // another sweep renamed its archive first, or the tree is read-only: the next fork writes or maps one
        } finally {
            pending = null;
        }
    }

    static String key(String classPath, String vmVersion) {
        StringBuilder s = new StringBuilder(vmVersion);
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            s.append('\n').append(p.toAbsolutePath());
            try {
                s.append(' ').append(Files.size(p)).append(' ').append(Files.getLastModifiedTime(p).toMillis());
            } catch (IOException | UncheckedIOException e) {
                s.append(" absent");
            }
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
