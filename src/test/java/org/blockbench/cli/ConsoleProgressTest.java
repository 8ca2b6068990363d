package org.blockbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.blockbench.text.Progress;
import org.junit.jupiter.api.Test;

/** The console's form of progress: nothing when quiet, plain lines when stderr is not a terminal (as under the tests). */
class ConsoleProgressTest {

    @Test
    void quietShowsNothing() {
        assertSame(Progress.Factory.NONE, ConsoleProgress.of(true));
        assertFalse(ConsoleProgress.of(true).shows());
    }

    @Test
    void standardErrorThatIsNotATerminalGetsPlainLinesWithoutCarriageReturns() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try (Progress p = ConsoleProgress.of(false).start("bench", 3, Progress.Unit.ITEMS)) {
            for (int i = 0; i < 3; i++) {
                p.message("config " + i);
                if (i == 1) {
                    p.println("FAILED config 1: out of memory");
                }
                p.step();
            }
        } finally {
            System.setErr(saved);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(text.contains("\r"), text);
        assertEquals("FAILED config 1: out of memory", text.lines().findFirst().orElseThrow());
        assertEquals(2, text.lines().count(), text);
        assertTrue(text.lines().toList().get(1).matches("bench: done, 3/3 in \\d+\\.\\d s"), text);
    }
}
