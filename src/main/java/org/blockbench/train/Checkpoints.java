package org.blockbench.train;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import org.blockbench.BadInputException;
import org.blockbench.io.OutputWriteException;
import org.blockbench.onnx.OnnxModelFile;
import org.blockbench.train.interp.ParameterStore;
import org.blockbench.train.recipe.PlateauScheduler;
import org.bytedeco.pytorch.InputArchive;
import org.bytedeco.pytorch.Optimizer;
import org.bytedeco.pytorch.OutputArchive;

/**
 * A run's checkpoint directory, rewritten after every epoch: {@code epoch-NNN.pt} (a LibTorch
 * archive of the parameters, buffers and optimiser state) and {@code checkpoint.json} (epochs
 * done, per-epoch history, scheduler state, the archive's name and SHA-256). The archive is
 * renamed into place before the JSON that names it, and older archives are deleted after, so
 * a kill at any point leaves a consistent checkpoint (the previous or the new one).
 */
final class Checkpoints {

    static final String STATE_FILE = "checkpoint.json";
    static final String FORMAT = "blockbench-checkpoint/1";

    /** What checkpoint.json holds. */
    record State(String format, String fingerprint, int epochsCompleted, List<EpochResult> history,
                 PlateauScheduler.State scheduler, String weightsFile, String weightsSha256) {
    }

    private final Path dir;

    Checkpoints(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    boolean exists() {
        return Files.isRegularFile(dir.resolve(STATE_FILE));
    }

    Optional<State> read() {
        if (!exists()) {
            return Optional.empty();
        }
        State s = TrainJson.read(dir.resolve(STATE_FILE), State.class);
        if (!FORMAT.equals(s.format())) {
            throw new BadInputException(dir.resolve(STATE_FILE) + ": checkpoint format '" + s.format() + "', expected '"
                    + FORMAT + "'");
        }
        return Optional.of(s);
    }

    void save(String fingerprint, List<EpochResult> history, PlateauScheduler.State scheduler, ParameterStore parameters,
            Optimizer optimizer) {
        int epoch = history.size();
        String name = String.format("epoch-%03d.pt", epoch);
        Path target = dir.resolve(name);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + name, ".tmp");
            try (OutputArchive archive = new OutputArchive(); OutputArchive optimizerArchive = new OutputArchive()) {
                parameters.save(archive);
                optimizer.save(optimizerArchive);
                archive.write("optimizer", optimizerArchive);
                archive.save_to(tmp.toString());
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            TrainJson.write(dir.resolve(STATE_FILE), new State(FORMAT, fingerprint, epoch, List.copyOf(history), scheduler,
                    name, OnnxModelFile.sha256(target)));
            try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "epoch-*.pt")) {
                for (Path p : old) {
                    if (!p.getFileName().toString().equals(name)) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new OutputWriteException("cannot write checkpoint " + target + ": " + OutputWriteException.describe(e), e);
        }
    }

    /** Loads the archive of {@code state} into the live parameters and the optimiser. */
    void restore(State state, ParameterStore parameters, Optimizer optimizer) {
        Path file = dir.resolve(state.weightsFile());
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": the checkpoint's weights are missing; delete " + dir + " to start over");
        }
        String sha = OnnxModelFile.sha256(file);
        if (!sha.equals(state.weightsSha256())) {
            throw new BadInputException(file + ": SHA-256 " + sha + " differs from the checkpoint's " + state.weightsSha256()
                    + " (corrupted); delete " + dir + " to start over");
        }
        try (InputArchive archive = new InputArchive(); InputArchive optimizerArchive = new InputArchive()) {
            archive.load_from(file.toString());
            parameters.restore(archive);
            archive.read("optimizer", optimizerArchive);
            optimizer.load(optimizerArchive);
        }
    }

    /** Removes the directory (after a run completed and its record is written). */
    void delete() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path p : files) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new OutputWriteException("cannot delete checkpoint " + dir + ": " + OutputWriteException.describe(e), e);
        }
    }
}
