package org.blockbench.report;

import org.blockbench.model.ModelRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.blockbench.BadInputException;
import org.blockbench.train.EpochResult;
import org.blockbench.train.RunRecord;

/**
 * Reads training run results: every {@value RunRecord#FILE_NAME} under a directory (normally
 * {@code analysis/training}) in format {@value RunRecord#FORMAT}; other JSON files are
 * skipped with a note. The schema is {@link RunRecord}, the type {@code blockbench train}
 * writes; this reader only checks what the leaderboard needs and keeps it as a
 * {@link SeedResult}: the model ({@code model.block}/{@code model.position}, or an .onnx
 * {@code model.source}), dataset and recipe names, seed, epoch count, batch size, learning
 * rate, final validation accuracy and loss, the last epoch's training accuracy, train + eval
 * seconds and {@code provenance.finished_at}. A run whose ONNX Runtime parity check failed is
 * still used, with a note.
 */
public final class TrainingReader {

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
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new BadInputException(dir + ": expected the directory of training results, found a file");
        }
        if (!Files.isDirectory(dir)) {
            return new Reading(List.of(), List.of("no training results: " + dir + " does not exist, so accuracy,"
                    + " GWO score and tier are empty"));
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.getFileName().toString().equals(RunRecord.FILE_NAME) && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new BadInputException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        List<SeedResult> runs = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Path f : files) {
            Optional<RunRecord> record = RunRecord.read(f);
            if (record.isEmpty()) {
                notes.add(f + ": not a " + RunRecord.FORMAT + " record; skipped");
                continue;
            }
            RunRecord r = record.get();
            runs.add(seedResult(r, f));
            if (r.parity() != null && !r.parity().passed()) {
                notes.add(f + ": ONNX Runtime disagreed with the trainer on more validation images than allowed"
                        + " (parity.passed = false); its accuracy is the trainer's");
            }
        }
        if (runs.isEmpty()) {
            notes.add("no finished training runs under " + dir);
        }
        return new Reading(runs, notes);
    }

    static SeedResult seedResult(RunRecord r, Path file) {
        RunRecord.ModelInfo model = required(r.model(), "model", file);
        ModelRef key;
        if (model.block() != null && model.position() != null) {
            key = ModelRef.of(model.block(), model.position());
        } else {
            // a user's file: run.json's model.source is the path ModelRef.parse reads back
            try {
                key = ModelRef.parse(required(model.source(), "model.source", file));
            } catch (BadInputException e) {
                throw new BadInputException(file + ": training run names neither model.block/model.position nor an .onnx"
                        + " model.source (" + e.getMessage() + ")", e);
            }
        }
        List<EpochResult> epochs = required(r.epochs(), "epochs", file);
        if (epochs.isEmpty()) {
            throw new BadInputException(file + ": 'epochs' must be the non-empty per-epoch array");
        }
        String dataset = required(required(r.dataset(), "dataset", file).name(), "dataset.name", file);
        RunRecord.RecipeInfo recipe = required(r.recipe(), "recipe", file);
        double valAccuracy = fraction(r.finalValAccuracy(), "final_val_accuracy", file);
        if (Double.isNaN(valAccuracy)) {
            throw new BadInputException(file + ": training run lacks 'final_val_accuracy' (format " + RunRecord.FORMAT + ")");
        }
        String finishedAt = r.provenance() == null || r.provenance().finishedAt() == null ? "" : r.provenance().finishedAt();
        return new SeedResult(key, dataset, required(recipe.name(), "recipe.name", file), r.seed(), epochs.size(),
                recipe.batchSize(), recipe.learningRate(), valAccuracy,
                fraction(epochs.get(epochs.size() - 1).trainAccuracy(), "epochs[-1].train_accuracy", file),
                r.finalValLoss(), r.trainSeconds() + r.evalSeconds(), finishedAt, file.toString(), r.scaffold(),
                r.dataset().trainSize(),
                r.variants().stream().map(v -> new SeedResult.VariantSeed(v.variant(), 100 * v.ortValAccuracy(),
                        v.accuracyDropPoints(), v.agreementWithFp32(), v.samples())).toList());
    }

    private static <T> T required(T value, String field, Path file) {
        if (value == null) {
            throw new BadInputException(file + ": training run lacks '" + field + "' (format " + RunRecord.FORMAT + ")");
        }
        return value;
    }

    /** A fraction 0–1 as percent; NaN stays NaN; out of range fails. */
    private static double fraction(double v, String field, Path file) {
        if (Double.isNaN(v)) {
            return v;
        }
        if (!(v >= 0 && v <= 1)) {
            throw new BadInputException(file + ": " + field + " " + v + " is not a fraction in [0, 1]");
        }
        return 100 * v;
    }
}
