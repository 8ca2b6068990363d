package org.blockbench.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.blockbench.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train-bench's report: written and read back as one record, snake_case keys, another format refused. */
class TrainBenchReportTest {

    @Test
    void readsBackWhatItWrote(@TempDir Path dir) throws Exception {
        TrainingBenchmark.Measurement m = new TrainingBenchmark.Measurement("channels_last", 32, 2, 1, new double[] {0.5, 0.25},
                85.3, 0.375, new long[] {1000, 1010}, 10.0);
        Path file = dir.resolve("r.json");
        TrainBenchReport.of("ResNetBasicBlock/mid", List.of(m)).write(file);
        String text = Files.readString(file);
        assertTrue(text.contains("\"memory_format\" : \"channels_last\"") && text.contains("\"measured_at\""), text);
        TrainBenchReport read = TrainBenchReport.read(file);
        assertEquals(TrainBenchReport.FORMAT, read.format());
        assertEquals("ResNetBasicBlock/mid", read.model());
        assertEquals(TrainBenchReport.STEP, read.step());
        TrainingBenchmark.Measurement back = read.results().get(0);
        assertEquals(85.3, back.imagesPerSecond(), 0);
        assertArrayEquals(new double[] {0.5, 0.25}, back.stepSeconds(), 0);
        assertArrayEquals(new long[] {1000, 1010}, back.rssKibAfterStep());

        Files.writeString(file, "{\"format\": \"blockbench-train-bench/0\"}");
        BadInputException e = assertThrows(BadInputException.class, () -> TrainBenchReport.read(file));
        assertEquals(file + ": format 'blockbench-train-bench/0', expected 'blockbench-train-bench/1' (written by"
                + " `blockbench train-bench` of this version; run it again)", e.getMessage());
    }
}
