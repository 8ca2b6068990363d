package org.blockbench.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real commands of a POSIX shell: output and exit code, captured or in a file, a hang stopped at the
 * limit, several processes under one deadline, a missing program.
 */
class BoundedProcessTest {

    @Test
    void capturesOutputAndErrorAndTheExitCode() {
        BoundedProcess.Result r = BoundedProcess.captured("sh", "-c", "echo out; echo err >&2; exit 3").run(Duration.ofSeconds(10));
        assertEquals(BoundedProcess.Status.EXITED, r.status());
        assertEquals(3, r.exitCode());
        assertEquals("out\nerr", r.output());
        assertFalse(r.succeeded());
        assertTrue(BoundedProcess.captured("true").run(Duration.ofSeconds(10)).succeeded());
    }

    @Test
    void aHangingCommandIsStoppedAtItsLimitWithWhatItPrinted() {
        long start = System.nanoTime();
        // prints, then hangs in a child of the shell: reading the output to its end first would wait 30 s
        BoundedProcess.Result r = BoundedProcess.captured("sh", "-c", "echo started; sleep 30; echo never").run(Duration.ofSeconds(1));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(BoundedProcess.Status.TIMED_OUT, r.status());
        assertEquals(-1, r.exitCode());
        assertEquals("started", r.output());
        assertTrue(seconds >= 1 && seconds < 6, "returned after " + seconds + " s");
    }

    @Test
    void theWholeTreeOfAHangingCommandIsKilled() throws Exception {
        BoundedProcess.Result r = BoundedProcess.captured("sh", "-c", "sleep 30 & echo $!; wait").run(Duration.ofMillis(500));
        assertEquals(BoundedProcess.Status.TIMED_OUT, r.status());
        long sleeper = Long.parseLong(r.output());
        for (int i = 0; i < 50 && running(sleeper); i++) {
            Thread.sleep(100);
        }
        assertFalse(running(sleeper), "the shell's child " + sleeper + " lives on");
    }

    /** Alive and not a zombie (a container's first process may never reap the killed child). */
    private static boolean running(long pid) throws java.io.IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.exists(stat)) {
            return false;
        }
        String line;
        try {
            line = Files.readString(stat);
        } catch (java.nio.file.NoSuchFileException gone) {
            return false;
        }
        return line.charAt(line.lastIndexOf(')') + 2) != 'Z';
    }

    @Test
    void outputLargerThanAPipeDoesNotBlockTheCommand() {
        BoundedProcess.Result r = BoundedProcess.captured("sh", "-c", "head -c 300000 /dev/zero | tr '\\0' x").run(Duration.ofSeconds(10));
        assertTrue(r.succeeded(), r.status() + " " + r.exitCode());
        assertEquals(300_000, r.output().length());
    }

    @Test
    void aMissingProgramIsNotStarted() {
        BoundedProcess.Result r = BoundedProcess.captured("/nonexistent/blockbench-no-such-program").run(Duration.ofSeconds(10));
        assertEquals(BoundedProcess.Status.NOT_STARTED, r.status());
        assertTrue(r.output().contains("blockbench-no-such-program"), r.output());
        assertThrows(IllegalArgumentException.class, () -> new BoundedProcess(List.of(), new BoundedProcess.Output.Captured()));
        assertThrows(IllegalArgumentException.class, () -> BoundedProcess.captured("true").run(Duration.ZERO));
    }

    @Test
    void outputToAFileReplacesItAndLeavesNothingCaptured(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("child.log");
        Files.writeString(log, "an earlier run's log\n");
        BoundedProcess p = new BoundedProcess(List.of("sh", "-c", "echo out; echo err >&2; exit 2"),
                new BoundedProcess.Output.ToFile(log));
        BoundedProcess.Result r = p.run(Duration.ofSeconds(10));
        assertEquals(new BoundedProcess.Result(BoundedProcess.Status.EXITED, 2, ""), r);
        assertEquals("out\nerr\n", Files.readString(log));
    }

    @Test
    void processesRunTogetherUnderOneDeadline() {
        long start = System.nanoTime();
        List<BoundedProcess.Result> results = BoundedProcess.runTogether(List.of(
                BoundedProcess.captured("sh", "-c", "sleep 1; echo slow"),
                BoundedProcess.captured("sh", "-c", "echo hangs; exec sleep 30"),
                BoundedProcess.captured("/nonexistent/blockbench-no-such-program"),
                BoundedProcess.captured("sh", "-c", "echo also hangs; exec sleep 30")), Duration.ofSeconds(3));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(new BoundedProcess.Result(BoundedProcess.Status.EXITED, 0, "slow"), results.get(0));
        assertEquals(new BoundedProcess.Result(BoundedProcess.Status.TIMED_OUT, -1, "hangs"), results.get(1));
        assertEquals(BoundedProcess.Status.NOT_STARTED, results.get(2).status());
        assertEquals(new BoundedProcess.Result(BoundedProcess.Status.TIMED_OUT, -1, "also hangs"), results.get(3));
        // one deadline for all: a limit for each in turn would have waited 6 s for the two hangs
        assertTrue(seconds >= 3 && seconds < 5.5, "returned after " + seconds + " s");
    }

    /** A JVM waiting on a shell whose child sleeps; the child's pid goes to the file {@code args[0]}. */
    public static void main(String[] args) {
        new BoundedProcess(List.of("sh", "-c", "sleep 60 & echo $!; wait"), new BoundedProcess.Output.ToFile(Path.of(args[0])))
                .run(Duration.ofMinutes(1));
    }

    @Test
    void aJvmStoppedWhileItWaitsTakesTheProcessTreeAlong(@TempDir Path dir) throws Exception {
        Path pidFile = dir.resolve("sleeper.pid");
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), BoundedProcessTest.class.getName(), pidFile.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("jvm.log").toFile()).start();
        try {
            for (int i = 0; i < 300 && (!Files.exists(pidFile) || Files.readString(pidFile).isBlank()); i++) {
                Thread.sleep(50);
            }
            long sleeper = Long.parseLong(Files.readString(pidFile).strip());
            assertTrue(running(sleeper), "the sleeper " + sleeper + " never ran");
            jvm.destroy();
            assertTrue(jvm.waitFor(10, java.util.concurrent.TimeUnit.SECONDS), "the JVM did not stop on SIGTERM");
            for (int i = 0; i < 50 && running(sleeper); i++) {
                Thread.sleep(100);
            }
            assertFalse(running(sleeper), "the sleeper " + sleeper + " outlived the JVM that started it");
        } finally {
            jvm.destroyForcibly();
        }
    }
}
