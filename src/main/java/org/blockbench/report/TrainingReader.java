package org.blockbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.blockbench.BadInputException;

/**
 * Reads training run results: every {@code *.json} file under a directory whose top level is
 * an object with a {@code recipe} and a {@code seed} (other JSON files, such as checkpoints'
 * metadata, are skipped). See {@link TrainingRunJson} for the fields read.
 */
public final class TrainingReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TrainingReader() {
    }

    /** What was read, and what was passed over and why. */
    public record Reading(List<TrainingRun> runs, List<String> notes) {
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
            files = s.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        List<TrainingRun> runs = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Path f : files) {
            JsonNode root;
            try {
                root = JSON.readTree(f.toFile());
            } catch (IOException e) {
                throw new BadInputException(f + ": not valid JSON (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")");
            }
            if (root != null && TrainingRunJson.isRun(root)) {
                TrainingRun run = TrainingRunJson.parse(root, f);
                if (run == null) {
                    notes.add(f + ": training run has no final validation accuracy (unfinished?) and was skipped");
                } else {
                    runs.add(run);
                }
            }
        }
        if (runs.isEmpty()) {
            notes.add("no finished training runs under " + dir);
        }
        return new Reading(runs, notes);
    }
}
