package org.blockbench.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The plain form that files, CI logs and pipes get: whole lines, a bounded number of them, a final "done". */
class ProgressTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private List<String> lines() {
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(text.contains("\r"), "a carriage return in " + text);
        return text.lines().toList();
    }

    @Test
    void theLinesFormWritesPlainLinesOnly() {
        try (Progress p = Progress.lines(stream).start("export", 10_000, Progress.Unit.ITEMS)) {
            for (int i = 0; i < 10_000; i++) {
                p.message("Block/mid " + i);
                p.step();
            }
        }
        List<String> lines = lines();
        assertTrue(lines.size() <= 11, lines.size() + " lines");
        assertTrue(lines.get(lines.size() - 1).matches("export: done, 10000/10000 in \\d+\\.\\d s"), lines.get(lines.size() - 1));
    }

    @Test
    void aSlowTaskWritesALineAtEachTenthAndNoneCloserThanTheInterval() {
        AtomicLong now = new AtomicLong();
        ProgressLines p = new ProgressLines("bench", 10_000, Progress.Unit.ITEMS, stream, now::get, 10_000_000_000L);
        for (int i = 0; i < 10_000; i++) {
            now.addAndGet(100_000_000L); // 0.1 s a step: 1000 s in all, a tenth every 100 s
            p.message("config " + i);
            p.step();
        }
        p.close();
        p.close();
        List<String> lines = lines();
        assertEquals(11, lines.size(), String.join("\n", lines));
        assertEquals("bench: 10 % (1000/10000) config 999", lines.get(0));
        assertEquals("bench: 100 % (10000/10000) config 9999", lines.get(9));
        assertEquals("bench: done, 10000/10000 in 1000.0 s", lines.get(10));
    }

    @Test
    void fastStepsWithinTheIntervalWriteOnlyTheFinalLine() {
        AtomicLong now = new AtomicLong();
        ProgressLines p = new ProgressLines("train", 200, Progress.Unit.STEPS, stream, now::get, 10_000_000_000L);
        for (int i = 1; i <= 200; i++) {
            now.addAndGet(1_000_000L);
            p.stepTo(i);
        }
        p.close();
        assertEquals(List.of("train: done, 200/200 steps in 0.2 s"), lines());
    }

    @Test
    void bytesAreShownInMegabytesAndAnUnfinishedTaskSaysWhereItStopped() {
        AtomicLong now = new AtomicLong();
        ProgressLines p = new ProgressLines("download x.tar.gz", 100L << 20, Progress.Unit.BYTES, stream, now::get, 10_000_000_000L);
        now.set(20_000_000_000L);
        p.stepTo(30L << 20);
        p.println("FAILED connection reset");
        now.set(25_000_000_000L);
        p.close();
        assertEquals(List.of("download x.tar.gz: 30 % (30/100 MB)", "FAILED connection reset",
                "download x.tar.gz: stopped at 30/100 MB after 25.0 s"), lines());
    }

    @Test
    void anUnknownTotalWritesOneLinePerInterval() {
        AtomicLong now = new AtomicLong();
        ProgressLines p = new ProgressLines("download", 0, Progress.Unit.BYTES, stream, now::get, 10_000_000_000L);
        for (int s = 1; s <= 30; s++) {
            now.set(s * 1_000_000_000L);
            p.stepTo(s * (1L << 20));
        }
        p.close();
        assertEquals(List.of("download: (10 MB)", "download: (20 MB)", "download: (30 MB)", "download: done, 30 MB in 30.0 s"),
                lines());
    }
}
