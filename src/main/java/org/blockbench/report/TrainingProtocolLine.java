package org.blockbench.report;

import org.blockbench.model.ModelRef;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.blockbench.train.FidelityResult;
import org.blockbench.train.TrainingProtocol;

/**
 * The board's statement of how its accuracies were trained when that is not the published
 * protocol (docs/protocol.md §Quick protocol): the scaffold knobs, epochs, training images and
 * seeds of the reduced runs, that block packs and GWO networks kept their own size, and the
 * quick protocol's measured fidelity (Spearman ρ against a longer, wider protocol,
 * {@code blockbench fidelity}): the one measured beside the training runs, else the one bundled for
 * the board's dataset when every reduced run followed {@link TrainingProtocol#QUICK}, else
 * "fidelity not measured". Empty when no run on the board used
 * a reduced scaffold.
 */
final class TrainingProtocolLine {

    private TrainingProtocolLine() {
    }

    static String of(String dataset, List<LeaderboardRow> rows, FidelityResult fidelity, String fidelityFile) {
        List<SeedResult> runs = rows.stream().filter(r -> r.accuracy() != null).flatMap(r -> r.accuracy().runs().stream())
                .toList();
        List<SeedResult> reduced = runs.stream().filter(SeedResult::reducedScaffold).toList();
        if (reduced.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("quick protocol: ");
        s.append(distinct(reduced, r -> "base_channels=" + r.scaffold().baseChannels() + ", blocks/stage="
                + r.scaffold().blocksPerStage()));
        s.append(", ").append(distinct(reduced, r -> r.epochs() + (r.epochs() == 1 ? " epoch" : " epochs")));
        s.append(" of ").append(distinct(reduced, r -> r.trainImages() + " " + r.dataset() + " training images"));
        s.append(", ").append(distinct(reduced, r -> seedsOf(rows, r.model()) + " seeds")).append(" per model");
        s.append(" — not the published protocol (base_channels=64, 3 blocks/stage, 50 epochs of CIFAR-100)");
        if (runs.stream().anyMatch(r -> r.scaffold() != null && r.scaffold().note() != null && r.scaffold().baseChannels() != null)) {
            s.append("; block packs at full width (their stages cannot be rescaled)");
        }
        List<SeedResult> gwo = runs.stream().filter(r -> r.scaffold() != null && r.scaffold().baseChannels() == null).toList();
        if (!gwo.isEmpty()) {
            s.append("; GWO networks at their own size, ").append(distinct(gwo, r -> r.epochs() + " epochs"));
        }
        Optional<FidelityResult> bundled = fidelity != null || !reduced.stream().allMatch(TrainingProtocolLine::quick)
                ? Optional.empty() : FidelityResult.reference(dataset);
        if (fidelity != null) {
            s.append(fidelityText(fidelity, fidelityFile));
        } else if (bundled.isPresent()) {
            s.append(fidelityText(bundled.get(), "measured " + bundled.get().finishedAt().substring(0, 10) + " for this protocol on "
                    + dataset + ", bundled with BlockBench, docs/accuracy.md; blockbench fidelity writes " + fidelityFile
                    + " to measure it here"));
        } else {
            s.append("; fidelity not measured (blockbench fidelity writes ").append(fidelityFile).append(')');
        }
        return s.toString();
    }

    private static String fidelityText(FidelityResult fidelity, String source) {
        return String.format(Locale.ROOT, "; fidelity: Spearman ρ %.2f between the quick and a longer, wider"
                        + " protocol's ranking of %d models, seed-to-seed std %.1f vs %.1f points between models (%s)",
                fidelity.spearmanRho(), fidelity.models().size(), 100 * fidelity.quickSpread().seedStd(),
                100 * fidelity.quickSpread().betweenStd(), source);
    }

    /**
     * Whether {@code run} was trained as {@link TrainingProtocol#QUICK} trains its kind of model (a
     * GWO network at its own size, a scaffold model at QUICK's size): the protocol a bundled fidelity measured.
     */
    private static boolean quick(SeedResult run) {
        TrainingProtocol q = TrainingProtocol.QUICK;
        boolean gwoNetwork = run.scaffold().baseChannels() == null;
        TrainingProtocol.Budget budget = gwoNetwork ? q.gwoNetworks() : q.scaffold();
        boolean size = gwoNetwork || run.scaffold().baseChannels() == q.baseChannels()
                && run.scaffold().blocksPerStage() != null && run.scaffold().blocksPerStage() == q.blocksPerStage();
        return size && run.trainImages() == q.trainSize() && run.epochs() == budget.epochs() && run.recipe().equals(budget.recipe());
    }

    private static long seedsOf(List<LeaderboardRow> rows, ModelRef model) {
        return rows.stream().filter(r -> r.model().equals(model) && r.accuracy() != null)
                .mapToLong(r -> r.accuracy().runs().size()).findFirst().orElse(0);
    }

    /** The one value all runs share, or the distinct values joined with "/" (sorted). */
    private static String distinct(List<SeedResult> runs, java.util.function.Function<SeedResult, String> f) {
        return String.join("/", new TreeSet<>(runs.stream().map(f).filter(Objects::nonNull).toList()));
    }
}
