package org.blockbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.blockbench.BadInputException;

/**
 * Reads training run results: every {@code run.json} under a directory (normally
 * {@code analysis/training}) in format {@code blockbench-training-run/1}; other JSON files are
 * skipped. See {@link TrainingRunJson} for the fields read. A run whose ONNX Runtime parity
 * check failed is still used, with a note.
 */
public final class TrainingReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TrainingReader() {
    }

    /** What was read, and what was passed over and why. */
    public record Reading(List<SeedResult> runs, List<String> notes) {
        public Reading {
            runs = List.copyOf(runs);
            notes = List.copyOf(notes);
        }
    }

    public static Reading readDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            return new Reading(List.of(), List.of("no training results: " + dir + " does not exist, so accuracy,"
                    + " GWO score and tier are empty"));
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.getFileName().toString().equals("run.json") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new BadInputException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        List<SeedResult> runs = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Path f : files) {
            JsonNode root;
            try {
                root = JSON.readTree(f.toFile());
            } catch (IOException e) {
                throw new BadInputException(f + ": not valid JSON (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")");
            }
            if (root != null && TrainingRunJson.isRun(root)) {
                runs.add(TrainingRunJson.parse(root, f));
                if (!TrainingRunJson.parityPassed(root)) {
                    notes.add(f + ": ONNX Runtime disagreed with the trainer on more validation images than allowed"
                            + " (parity.passed = false); its accuracy is the trainer's");
                }
            } else {
                notes.add(f + ": not a blockbench-training-run/1 record; skipped");
            }
        }
        if (runs.isEmpty()) {
            notes.add("no finished training runs under " + dir);
        }
        return new Reading(runs, notes);
    }
}
