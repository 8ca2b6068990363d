package org.blockbench.report;

import org.blockbench.model.ModelRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.blockbench.report.EventRanking.Entry;
import org.blockbench.report.EventRanking.Event;

/**
 * The event rankings, in the style of the TinyML "olympics":
 * <ul>
 * <li>latency sprint: lowest ranking latency (p90 from SampleTime, else the mean) among models
 *     whose accuracy reaches the target;</li>
 * <li>memory challenge: lowest memory (parameters + buffers + peak activations) among models
 *     whose accuracy reaches the target;</li>
 * <li>accuracy contest: highest accuracy among models within the latency and memory limits;</li>
 * <li>all-around: among models with all three figures, the sum of their places in latency
 *     (ascending), memory (ascending) and accuracy (descending), lowest first, ties to the more
 *     accurate; compliant when every target is met.</li>
 * </ul>
 * Entries that miss a condition are listed after the ranked ones, unranked, with the reason.
 */
final class EventRankings {

    private EventRankings() {
    }

    static List<EventRanking> of(List<LeaderboardRow> rows, Targets t) {
        return List.of(latencySprint(rows, t), memoryChallenge(rows, t), accuracyContest(rows, t), allAround(rows));
    }

    private static EventRanking latencySprint(List<LeaderboardRow> rows, Targets t) {
        String rule = String.format(Locale.ROOT, "lowest latency (ms per call: p90 where SampleTime, else mean) with"
                + " accuracy >= %.2f%%", t.minAccuracyPercent());
        return ranked(Event.LATENCY_SPRINT, rule, rows, r -> r.latency() != null, r -> r.latency().rankingLatencyMs(), true,
                r -> accuracyCondition(r, t));
    }

    private static EventRanking memoryChallenge(List<LeaderboardRow> rows, Targets t) {
        String rule = String.format(Locale.ROOT, "lowest memory (MiB: parameters + buffers + peak activations) with"
                + " accuracy >= %.2f%%", t.minAccuracyPercent());
        return ranked(Event.MEMORY_CHALLENGE, rule, rows, r -> Axis.MEMORY.of(r) != null, Axis.MEMORY::of, true,
                r -> accuracyCondition(r, t));
    }

    private static EventRanking accuracyContest(List<LeaderboardRow> rows, Targets t) {
        String rule = String.format(Locale.ROOT, "highest accuracy (%%) with latency <= %.3f ms and memory <= %.2f MiB",
                t.maxLatencyMs(), t.maxMemoryMiB());
        return ranked(Event.ACCURACY_CONTEST, rule, rows, r -> r.accuracy() != null, LeaderboardRow::accuracyPercent, false, r -> {
            List<String> why = new ArrayList<>();
            if (r.latency() == null) {
                why.add("latency not measured");
            } else if (r.latency().rankingLatencyMs() > t.maxLatencyMs()) {
                why.add(String.format(Locale.ROOT, "latency %.3f ms > %.3f ms", r.latency().rankingLatencyMs(), t.maxLatencyMs()));
            }
            Double mib = Axis.MEMORY.of(r);
            if (mib == null) {
                why.add("memory not analysed");
            } else if (mib > t.maxMemoryMiB()) {
                why.add(String.format(Locale.ROOT, "memory %.2f MiB > %.2f MiB", mib, t.maxMemoryMiB()));
            }
            return String.join("; ", why);
        });
    }

    private static EventRanking allAround(List<LeaderboardRow> rows) {
        List<LeaderboardRow> full = rows.stream()
                .filter(r -> r.accuracy() != null && r.latency() != null && Axis.MEMORY.of(r) != null).toList();
        Map<ModelRef, Integer> places = new HashMap<>();
        addPlaces(places, full, Comparator.comparingDouble(r -> r.latency().rankingLatencyMs()));
        addPlaces(places, full, Comparator.comparingDouble(r -> Axis.MEMORY.of(r)));
        addPlaces(places, full, Comparator.comparingDouble((LeaderboardRow r) -> r.accuracyPercent()).reversed());
        String rule = "lowest sum of places in latency, memory and accuracy among models with all three (ties: higher"
                + " accuracy first); ranked when every target is met";
        return ranked(Event.ALL_AROUND, rule, full, r -> true, r -> (double) places.get(r.model()), true,
                Comparator.comparingDouble((LeaderboardRow r) -> r.accuracyPercent()).reversed(),
                r -> r.compliance() == null || r.compliance().verdict().equals("yes") ? "" : String.join("; ", r.compliance().reasons()));
    }

    private static void addPlaces(Map<ModelRef, Integer> places, List<LeaderboardRow> rows, Comparator<LeaderboardRow> order) {
        List<LeaderboardRow> sorted = new ArrayList<>(rows);
        sorted.sort(order.thenComparing(LeaderboardRow::model));
        for (int i = 0; i < sorted.size(); i++) {
            places.merge(sorted.get(i).model(), i + 1, Integer::sum);
        }
    }

    private static String accuracyCondition(LeaderboardRow r, Targets t) {
        if (r.accuracy() == null) {
            return "accuracy not measured";
        }
        return r.accuracyPercent() >= t.minAccuracyPercent() ? ""
                : String.format(Locale.ROOT, "accuracy %.2f%% < %.2f%%", r.accuracyPercent(), t.minAccuracyPercent());
    }

    /**
     * @param eligible  rows that have the ranked figure
     * @param value     the figure
     * @param ascending lower is better
     * @param failure   "" when the row meets the event's conditions, else why not
     */
    private static EventRanking ranked(Event event, String rule, List<LeaderboardRow> rows, Predicate<LeaderboardRow> eligible,
                                       Function<LeaderboardRow, Double> value, boolean ascending,
                                       Function<LeaderboardRow, String> failure) {
        return ranked(event, rule, rows, eligible, value, ascending, (a, b) -> 0, failure);
    }

    /** As above, with ties on the value broken by {@code tieBreak}, then by model. */
    private static EventRanking ranked(Event event, String rule, List<LeaderboardRow> rows, Predicate<LeaderboardRow> eligible,
                                       Function<LeaderboardRow, Double> value, boolean ascending,
                                       Comparator<LeaderboardRow> tieBreak, Function<LeaderboardRow, String> failure) {
        Comparator<LeaderboardRow> byValue = Comparator.comparingDouble(r -> value.apply(r));
        if (!ascending) {
            byValue = byValue.reversed();
        }
        List<LeaderboardRow> sorted = new ArrayList<>(rows.stream().filter(eligible).toList());
        sorted.sort(byValue.thenComparing(tieBreak).thenComparing(LeaderboardRow::model));
        List<Entry> ranked = new ArrayList<>();
        List<Entry> others = new ArrayList<>();
        for (LeaderboardRow r : sorted) {
            String why = failure.apply(r);
            if (why.isEmpty()) {
                ranked.add(new Entry(ranked.size() + 1, r.model(), value.apply(r), true, ""));
            } else {
                others.add(new Entry(null, r.model(), value.apply(r), false, why));
            }
        }
        ranked.addAll(others);
        return new EventRanking(event, rule, ranked);
    }
}
