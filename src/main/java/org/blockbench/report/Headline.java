package org.blockbench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.blockbench.zoo.Position;

/**
 * The board's answer first: per scaffold position, the most accurate block, the fastest and the
 * Pareto set of accuracy against latency. "Fastest" is every block in the position's best latency
 * tie group ({@link LatencyRanking}), so blocks the run cannot tell apart are named together; the
 * Pareto set uses the same ties ({@link Pareto}). "Most accurate" is the highest mean accuracy
 * (every block with that mean when several share it).
 *
 * @param position     early, mid or late
 * @param mostAccurate the blocks with the highest mean accuracy (empty: none trained)
 * @param accuracyPercent that accuracy, or null
 * @param fastest      the blocks in the best latency tie group at this position (empty: none measured)
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
            Double best = at.stream().map(LeaderboardRow::accuracyPercent).filter(a -> a != null).max(Double::compare).orElse(null);
            List<String> accurate = best == null ? List.of()
                    : at.stream().filter(r -> best.equals(r.accuracyPercent())).map(r -> r.model().block()).toList();
            List<LeaderboardRow> timed = at.stream().filter(r -> r.latency() != null).toList();
            LatencyRanking ties = board.latencyRanking(at.get(0).model());
            int bestRank = timed.stream().map(r -> ties.rank(r.model())).filter(k -> k != null).min(Integer::compare).orElse(0);
            List<LeaderboardRow> fastest = timed.stream().filter(r -> Integer.valueOf(bestRank).equals(ties.rank(r.model())))
                    .sorted(Comparator.comparingDouble(r -> r.latency().meanMs())).toList();
            Double fastestMs = fastest.isEmpty() ? null : fastest.get(0).latency().meanMs();
            List<String> pareto = Pareto.frontier(at, Axis.LATENCY, ties).stream().map(r -> r.model().block()).toList();
            out.add(new Headline(p.id(), accurate, best, fastest.stream().map(r -> r.model().block()).toList(), fastestMs, pareto));
        }
        return out;
    }
}
