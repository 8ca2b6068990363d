package org.blockbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.blockbench.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run.json read through train.RunRecord: nulls as NaN, malformed records as bad input. */
class TrainingReaderTest {

    @TempDir
    Path dir;

    private Path runJson(String body) throws Exception {
        Path f = dir.resolve("m/blockzoo-synthetic/seed-0/run.json");
        Files.createDirectories(f.getParent());
        return Files.writeString(f, body);
    }

    private static String record(String finalValLoss, String seed) {
        return """
                {"format": "blockbench-training-run/1",
                 "model": {"id": "B/early", "block": "B", "position": "early"},
                 "recipe": {"name": "blockzoo", "learning_rate": 0.1, "batch_size": 64},
                 "dataset": {"name": "synthetic"}, "seed": %s,
                 "epochs": [{"epoch": 1, "train_accuracy": 0.5, "val_accuracy": 0.4}],
                 "final_val_accuracy": 0.4, "final_val_loss": %s, "train_seconds": 3, "eval_seconds": 1,
                 "provenance": {"finished_at": "2026-11-29T00:00:00Z"}}""".formatted(seed, finalValLoss);
    }

    @Test
    void aNullNumberReadsAsNaNAndTheRestAsWritten() throws Exception {
        runJson(record("null", "7"));
        TrainingReader.Reading r = TrainingReader.readDirectory(dir);
        assertEquals(1, r.runs().size(), r.notes().toString());
        SeedResult s = r.runs().get(0);
        assertTrue(Double.isNaN(s.valLoss()));
        assertEquals(40.0, s.valAccuracyPercent(), 1e-12);
        assertEquals(50.0, s.trainAccuracyPercent(), 1e-12);
        assertEquals(7, s.seed());
        assertEquals(4.0, s.wallSeconds(), 0);
        assertEquals("synthetic", s.dataset());
    }

    @Test
    void aRecordThatDoesNotFitTheTypeIsBadInputNamingTheFile() throws Exception {
        Path f = runJson(record("0.5", "\"not a seed\""));
        BadInputException e = assertThrows(BadInputException.class, () -> TrainingReader.readDirectory(dir));
        assertTrue(e.getMessage().startsWith(f + ": not a blockbench-training-run/1 record"), e.getMessage());
    }

    @Test
    void otherJsonIsSkippedWithANoteAndAFileInPlaceOfTheDirectoryIsBadInput() throws Exception {
        runJson("[1, 2]");
        TrainingReader.Reading r = TrainingReader.readDirectory(dir);
        assertTrue(r.runs().isEmpty());
        assertTrue(r.notes().get(0).endsWith("not a blockbench-training-run/1 record; skipped"), r.notes().toString());
        Path file = Files.writeString(dir.resolve("plain"), "x");
        assertThrows(BadInputException.class, () -> TrainingReader.readDirectory(file));
        assertThrows(BadInputException.class, () -> AnalysisReader.read(dir));
    }
}
