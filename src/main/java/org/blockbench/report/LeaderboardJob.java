package org.blockbench.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.blockbench.export.ManifestEntry;
import org.blockbench.gwo.GwoComplexity;
import org.blockbench.model.ModelRef;
import org.blockbench.zoo.build.BlockRegistry;
import org.blockbench.zoo.ModelId;

/**
 * The leaderboard stage: reads every result a {@link LeaderboardRequest} names, builds the board
 * ({@link LeaderboardBuilder}), adds the time by operator type, and writes every format
 * ({@link LeaderboardWriter}).
 */
public final class LeaderboardJob {

    private LeaderboardJob() {
    }

    /** The board made and written, with the files written. */
    public record Result(Leaderboard board, List<Path> written) {

        public Result {
            written = List.copyOf(written);
        }

        /** One line per dataset's board (models, with latency, with accuracy), then the board's notes. */
        public List<String> summary() {
            List<String> lines = new ArrayList<>();
            for (DatasetBoard b : board.boards()) {
                long trained = b.rows().stream().filter(r -> r.accuracy() != null).count();
                long timed = b.rows().stream().filter(r -> r.latency() != null).count();
                long imported = b.rows().stream().filter(r -> r.imported() != null).count();
                lines.add(String.format("dataset %s: %d models, %d with latency, %d with accuracy%s", b.dataset(), b.rows().size(),
                        timed, trained, imported == 0 ? "" : ", " + imported + " with imported accuracy"));
            }
            board.notes().forEach(n -> lines.add("note: " + n));
            return lines;
        }
    }

    /** Makes and writes the board {@code request} asks for. */
    public static Result run(LeaderboardRequest request) {
        new GwoComplexity(0, 0).omega(request.settings().alpha()); // validates alpha before any work
        LeaderboardInputs inputs = LeaderboardInputs.load(request.manifest(), request.analysis(), request.jmhResults(),
                request.training()).withImportedAccuracy(request.importAccuracy());
        List<String> breakdownNotes = new ArrayList<>();
        Leaderboard board = LeaderboardBuilder.build(inputs, request.settings(), filter(request, inputs)).withTimeByOpType(
                OpTimeShares.readDirectory(request.overhead(), request.settings().latency(), breakdownNotes), breakdownNotes);
        return new Result(board, LeaderboardWriter.write(board, request.out()));
    }

    /**
     * Every model unless the selection narrows the zoo (users' files then drop out too); its
     * blocks may also name the blocks of packs exported into the manifest.
     */
    private static Predicate<ModelRef> filter(LeaderboardRequest request, LeaderboardInputs inputs) {
        if (!request.selection().narrowed()) {
            return k -> true;
        }
        List<String> packBlocks = inputs.manifest() == null ? List.of() : inputs.manifest().models().stream()
                .filter(e -> !e.position().equals(ModelId.GWO_NETWORK))
                .map(ManifestEntry::block)
                .filter(b -> !BlockRegistry.names().contains(b)).distinct().toList();
        Set<String> chosen = new HashSet<>();
        request.selection().models(packBlocks).forEach(id -> chosen.add(id.toString()));
        request.selection().packModels(packBlocks).forEach(id -> chosen.add(id.toString()));
        return k -> !k.isFile() && chosen.contains(k.label());
    }
}
