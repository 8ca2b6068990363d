package org.blockbench.bench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forks' class archive: a real JVM writes it on exit under a temporary name, it is renamed into
 * place only when the fork completed, the next JVM maps it, and its name changes with the class
 * path's files.
 */
class ForkClassArchiveTest {

    @TempDir
    Path dir;

    @Test
    void writtenByTheFirstForkMappedByTheNextAndNeverLeftHalfWritten() throws Exception {
        Path archive = dir.resolve("classes").resolve("fork.jsa");
        ForkClassArchive a = new ForkClassArchive(archive);
        List<String> first = a.jvmArgs();
        assertEquals(1, first.size());
        assertTrue(first.get(0).startsWith("-XX:ArchiveClassesAtExit="), first.get(0));
        assertEquals(0, java(first), "a JVM that writes the archive on exit");
        a.forkEnded(true);
        assertTrue(Files.size(archive) > 0, "renamed into place");
        assertEquals(List.of(archive.getFileName().toString()), names(archive.getParent()), "no temporary file left");

        List<String> next = a.jvmArgs();
        assertEquals(List.of("-XX:SharedArchiveFile=" + archive), next);
        assertEquals(0, java(List.of(next.get(0), "-Xshare:on")), "-Xshare:on fails the JVM unless it maps the archive");

        // a fork that did not complete leaves nothing behind
        Path other = dir.resolve("other").resolve("fork.jsa");
        ForkClassArchive b = new ForkClassArchive(other);
        assertEquals(0, java(b.jvmArgs()));
        b.forkEnded(false);
        assertFalse(Files.exists(other));
        assertEquals(List.of(), names(other.getParent()));
    }

    @Test
    void theKeyFollowsTheClassPathFilesAndTheJvm() throws Exception {
        Path jar = Files.writeString(dir.resolve("a.jar"), "x");
        String cp = jar + File.pathSeparator + dir.resolve("absent.jar");
        String k = ForkClassArchive.key(cp, "17.0.15");
        assertEquals(k, ForkClassArchive.key(cp, "17.0.15"));
        assertNotEquals(k, ForkClassArchive.key(cp, "21.0.1"));
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 1000));
        assertNotEquals(k, ForkClassArchive.key(cp, "17.0.15"), "a rebuilt jar gets a new archive");
    }

    /** Runs a small JVM (one that loads some classes) with {@code args}; its exit code. */
    private static int java(List<String> args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(args);
        // the JVM archives jar files only: JMH's own jars from the test class path
        String jars = java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> e.contains("jmh-core") || e.contains("jopt-simple")).collect(java.util.stream.Collectors.joining(File.pathSeparator));
        cmd.addAll(List.of("-cp", jars, "org.openjdk.jmh.Main", "-h"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the JVM ended");
        return p.exitValue();
    }

    private static List<String> names(Path d) throws Exception {
        try (var s = Files.list(d)) {
            return s.map(x -> x.getFileName().toString()).sorted().toList();
        }
    }
}
