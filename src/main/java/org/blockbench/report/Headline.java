package org.blockbench.report;

import org.blockbench.model.ModelRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.blockbench.zoo.Position;

/**
 * The board's answer first: per scaffold position, the most accurate blocks, the fastest and the
 * Pareto set of accuracy against latency. "Fastest" is the block with the lowest latency and every
 * block at the position not significantly slower than it ({@link Ranking#best}), "most accurate"
 * likewise by accuracy, so blocks the run cannot tell apart are named together; the Pareto set
 * uses the same tests ({@link Pareto}).
 *
 * @param position     early, mid or late
 * @param mostAccurate the most accurate block and every block not significantly less accurate (empty: none trained)
 * @param accuracyPercent the highest mean accuracy among them, or null
 * @param fastest      the fastest block and every block not significantly slower (empty: none measured)
 * @param fastestMs    the lowest mean latency among them, or null
 * @param pareto       the accuracy-vs-latency Pareto set at this position, by latency
 */
public record Headline(String position, List<String> mostAccurate, Double accuracyPercent, List<String> fastest, Double fastestMs,
                       List<String> pareto) {

    public Headline {
        mostAccurate = List.copyOf(mostAccurate);
        fastest = List.copyOf(fastest);
        pareto = List.copyOf(pareto);
    }

    /** One line per position that has scaffold models on the board, early → late. */
    public static List<Headline> of(DatasetBoard board) {
        List<Headline> out = new ArrayList<>();
        for (Position p : Position.values()) {
            List<LeaderboardRow> at = board.rows().stream()
                    .filter(r -> r.model().isScaffold() && r.model().position().equals(p.id())).toList();
            if (at.isEmpty()) {
                continue;
            }
            List<ModelRef> here = at.stream().map(LeaderboardRow::model).toList();
            Ranking accuracy = board.accuracyRanking(at.get(0).model());
            Ranking latency = board.latencyRanking(at.get(0).model());
            List<LeaderboardRow> accurate = accuracy.best(here).stream().map(board::row).toList();
            Double best = accurate.isEmpty() ? null : accurate.get(0).accuracyPercent();
            List<LeaderboardRow> fastest = latency.best(here).stream().map(board::row)
                    .sorted(Comparator.comparingDouble(r -> r.latency().meanMs())).toList();
            Double fastestMs = fastest.isEmpty() ? null : fastest.get(0).latency().meanMs();
            List<String> pareto = Pareto.frontier(at, Axis.LATENCY, latency, accuracy).stream().map(r -> r.model().block()).toList();
            out.add(new Headline(p.id(), accurate.stream().map(r -> r.model().block()).toList(), best,
                    fastest.stream().map(r -> r.model().block()).toList(), fastestMs, pareto));
        }
        return out;
    }
}
