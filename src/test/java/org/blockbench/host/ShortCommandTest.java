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

/** Real commands of a POSIX shell: output and exit code, a hang stopped at the limit, a missing program. */
class ShortCommandTest {

    @Test
    void capturesOutputAndErrorAndTheExitCode() {
        ShortCommand.Result r = ShortCommand.of(Duration.ofSeconds(10), "sh", "-c", "echo out; echo err >&2; exit 3").run();
        assertEquals(ShortCommand.Status.EXITED, r.status());
        assertEquals(3, r.exitCode());
        assertEquals("out\nerr", r.output());
        assertFalse(r.succeeded());
        assertTrue(ShortCommand.of(Duration.ofSeconds(10), "true").run().succeeded());
    }

    @Test
    void aHangingCommandIsStoppedAtItsLimitWithWhatItPrinted() {
        long start = System.nanoTime();
        // prints, then hangs in a child of the shell: reading the output to its end first would wait 30 s
        ShortCommand.Result r = ShortCommand.of(Duration.ofSeconds(1), "sh", "-c", "echo started; sleep 30; echo never").run();
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(ShortCommand.Status.TIMED_OUT, r.status());
        assertEquals(-1, r.exitCode());
        assertEquals("started", r.output());
        assertTrue(seconds >= 1 && seconds < 6, "returned after " + seconds + " s");
    }

    @Test
    void theWholeTreeOfAHangingCommandIsKilled() throws Exception {
        ShortCommand.Result r = ShortCommand.of(Duration.ofMillis(500), "sh", "-c", "sleep 30 & echo $!; wait").run();
        assertEquals(ShortCommand.Status.TIMED_OUT, r.status());
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
        ShortCommand.Result r = ShortCommand.of(Duration.ofSeconds(10), "sh", "-c", "head -c 300000 /dev/zero | tr '\\0' x").run();
        assertTrue(r.succeeded(), r.status() + " " + r.exitCode());
        assertEquals(300_000, r.output().length());
    }

    @Test
    void aMissingProgramIsNotStarted() {
        ShortCommand.Result r = ShortCommand.of(Duration.ofSeconds(10), "/nonexistent/blockbench-no-such-program").run();
        assertEquals(ShortCommand.Status.NOT_STARTED, r.status());
        assertTrue(r.output().contains("blockbench-no-such-program"), r.output());
        assertThrows(IllegalArgumentException.class, () -> new ShortCommand(List.of(), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> ShortCommand.of(Duration.ZERO, "true"));
    }
}
