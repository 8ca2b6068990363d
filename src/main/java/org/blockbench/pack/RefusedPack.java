package org.blockbench.pack;

import java.nio.file.Path;
import org.blockbench.BadInputException;
import org.blockbench.ort.ModelOrigin;
import org.blockbench.ort.OrtCallException;
import org.blockbench.text.OneLine;

/**
 * A block pack left out of a command that goes on without it (docs/own-block.md §Refused packs):
 * the pack's own failure, in one line naming its directory and, where one is to blame, the stage file.
 *
 * @param directory the pack's directory as given
 * @param reason    what is wrong, starting with the file at fault (the exception's one-line message)
 */
public record RefusedPack(Path directory, String reason) {

    /** The refusal of the pack in {@code directory} for {@code e}, which must be {@linkplain #ownedByPack owned by it}. */
    public static RefusedPack of(Path directory, RuntimeException e) {
        if (!ownedByPack(e)) {
            throw new IllegalArgumentException("not a pack's own failure: " + e, e);
        }
        return new RefusedPack(directory, OneLine.of(String.valueOf(e.getMessage())));
    }

    /**
     * True when {@code e} is the pack's own failure: bad input (its files), or ONNX Runtime refusing,
     * crashing or timing out on its stage in the probe's child JVM. False for a defect or an
     * output that could not be written, which end the command.
     */
    public static boolean ownedByPack(RuntimeException e) {
        if (e instanceof OrtCallException ort) {
            return ort.origin() == ModelOrigin.USER;
        }
        return e instanceof BadInputException;
    }

    /** The one line: {@code block pack DIR refused: FILE: problem}. */
    public String line() {
        return OneLine.of("block pack " + directory + " refused: " + reason);
    }
}
