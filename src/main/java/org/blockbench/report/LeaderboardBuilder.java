package org.blockbench.report;

import org.blockbench.model.ModelRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.blockbench.export.ManifestEntry;
import org.blockbench.gwo.GwoComplexity;
import org.blockbench.gwo.GwoScore;
import org.blockbench.stats.Stats;

/**
 * Merges the inputs into one leaderboard per dataset. Rules, each stated where it is applied:
 * latency is the JMH result of the selected config (SampleTime preferred over AverageTime and
 * SingleShotTime); accuracy is the mean ± std over the seeds of one (recipe, epochs) group,
 * the group with the most runs; the GWO score uses the mean accuracy.
 */
public final class LeaderboardBuilder {

    /** Name of the one board built when no training results exist. */
    public static final String NO_DATASET = "none";

    private static final List<String> MODE_PREFERENCE = List.of("sample", "avgt", "ss");

    private LeaderboardBuilder() {
    }

    public static Leaderboard build(LeaderboardInputs in, LeaderboardSettings settings, Predicate<ModelRef> include) {
        List<String> notes = new ArrayList<>(in.notes());
        Map<ModelRef, Long> params = new HashMap<>();
        Map<ModelRef, Integer> classes = new HashMap<>();
        Map<ModelRef, ManifestEntry> entries = new HashMap<>();
        Set<ModelRef> keys = new TreeSet<>();
        if (in.manifest() != null) {
            for (ManifestEntry e : in.manifest().models()) {
                ModelRef k = ModelRef.of(e.block(), e.position());
                params.put(k, e.trainableParams());
                classes.put(k, e.classes());
                entries.put(k, e);
                keys.add(k);
            }
        }
        keys.addAll(in.costs().keySet());
        in.latencies().forEach(l -> keys.add(l.model()));
        in.runs().forEach(r -> keys.add(r.model()));
        in.imported().forEach(r -> keys.add(r.model()));
        keys.removeIf(include.negate());

        Map<ModelRef, LatencyResult> latency = selectLatency(in.latencies(), settings.latency());
        long unmatched = keys.stream().filter(k -> !latency.containsKey(k)
                && in.latencies().stream().anyMatch(l -> l.model().equals(k))).count();
        if (unmatched > 0) {
            notes.add(unmatched + " model(s) have JMH results, but none with " + settings.latency().describe()
                    + "; their latency cells are empty");
        }
        Map<String, Map<ModelRef, List<SeedResult>>> runsByDataset = new TreeMap<>();
        for (SeedResult r : in.runs()) {
            if (keys.contains(r.model())) {
                runsByDataset.computeIfAbsent(r.dataset(), d -> new HashMap<>()).computeIfAbsent(r.model(), m -> new ArrayList<>()).add(r);
            }
        }
        // imported accuracy: per dataset and model, apart from the measured runs (never in one mean with them)
        Map<String, Map<ModelRef, List<ImportedRun>>> importedByDataset = new TreeMap<>();
        for (ImportedRun r : in.imported()) {
            if (keys.contains(r.model())) {
                importedByDataset.computeIfAbsent(r.dataset(), d -> new HashMap<>())
                        .computeIfAbsent(r.model(), m -> new ArrayList<>()).add(r);
                runsByDataset.computeIfAbsent(r.dataset(), d -> new HashMap<>());
            }
        }
        if (runsByDataset.isEmpty()) {
            runsByDataset.put(NO_DATASET, Map.of());
        }
        List<DatasetBoard> boards = new ArrayList<>();
        for (Map.Entry<String, Map<ModelRef, List<SeedResult>>> d : runsByDataset.entrySet()) {
            List<LeaderboardRow> rows = new ArrayList<>();
            for (ModelRef k : keys) {
                CostFigures cost = in.costs().get(k);
                Long p = params.containsKey(k) ? params.get(k) : cost == null ? null : Long.valueOf(cost.paramElements());
                AccuracySummary acc = accuracy(d.getValue().getOrDefault(k, List.of()), notes, k, d.getKey());
                GwoComplexity gwo = in.gwo().get(k);
                GwoScore score = null;
                Double scoreStd = null;
                if (gwo != null && acc != null) {
                    score = GwoScore.of(gwo, acc.meanPercent(), settings.alpha());
                    scoreStd = acc.valAccuracyPercent().hasSpread()
                            ? GwoScore.scoreOf(acc.valAccuracyPercent().sampleStandardDeviation(), score.omega()) : Double.NaN;
                }
                List<ImportedRun> imported = importedByDataset.getOrDefault(d.getKey(), Map.of()).getOrDefault(k, List.of());
                rows.add(new LeaderboardRow(k, d.getKey(), classes.get(k), p, cost, latency.get(k), acc, gwo,
                        gwo == null ? null : gwo.omega(settings.alpha()), score, scoreStd, Map.of(), null,
                        imported.isEmpty() ? null : ImportedAccuracy.of(imported),
                        VariantFigures.of(latency.get(k), in.latencies(), entries.get(k), acc, in.variantEvidence())));
            }
            rows = VariantFigures.withDropFamilies(rows);
            boards.add(board(d.getKey(), rows, settings, TrainingProtocolLine.of(d.getKey(), rows, in.fidelity(), in.fidelityFile())));
        }
        return new Leaderboard(boards, settings, in.paths(), notes);
    }

    private static DatasetBoard board(String dataset, List<LeaderboardRow> rows, LeaderboardSettings settings,
                                      String protocol) {
        List<Frontier> frontiers = new ArrayList<>();
        Map<ModelRef, Map<Axis, Boolean>> flags = new HashMap<>();
        Map<ComparisonGroup, Ranking> ranks = new EnumMap<>(ComparisonGroup.class);
        Map<ComparisonGroup, Ranking> accuracyRanks = new EnumMap<>(ComparisonGroup.class);
        for (ComparisonGroup group : ComparisonGroup.values()) {
            List<LeaderboardRow> members = rows.stream().filter(r -> ComparisonGroup.of(r.model()) == group).toList();
            Ranking latency = Ranking.latency(members);
            Ranking accuracy = Ranking.accuracy(members);
            if (!latency.ranks().isEmpty()) {
                ranks.put(group, latency);
            }
            if (!accuracy.ranks().isEmpty()) {
                accuracyRanks.put(group, accuracy);
            }
            for (Axis axis : Axis.values()) {
                List<ModelRef> front = Pareto.frontier(members, axis, latency, accuracy).stream().map(LeaderboardRow::model).toList();
                frontiers.add(new Frontier(group, axis, front));
                for (LeaderboardRow r : members) {
                    if (r.accuracyPercent() != null && axis.of(r) != null) {
                        flags.computeIfAbsent(r.model(), m -> new EnumMap<>(Axis.class)).put(axis, front.contains(r.model()));
                    }
                }
            }
        }
        List<LeaderboardRow> done = new ArrayList<>();
        for (LeaderboardRow r : rows) {
            LeaderboardRow withPareto = r.withPareto(flags.getOrDefault(r.model(), Map.of()));
            done.add(withPareto.withCompliance(Compliance.of(withPareto, settings.targets())));
        }
        return new DatasetBoard(dataset, done, BlockSummaries.of(done), frontiers, EventRankings.of(done, settings.targets()), ranks, accuracyRanks,
                protocol);
    }

    /** Per model, the result of the selected config in the preferred mode (the newest on a tie). */
    static Map<ModelRef, LatencyResult> selectLatency(List<LatencyResult> all, LatencySelection selection) {
        Map<ModelRef, LatencyResult> chosen = new LinkedHashMap<>();
        for (LatencyResult r : all) {
            if (!selection.matches(r) || !MODE_PREFERENCE.contains(r.mode())) {
                continue;
            }
            LatencyResult prior = chosen.get(r.model());
            if (prior == null || MODE_PREFERENCE.indexOf(r.mode()) <= MODE_PREFERENCE.indexOf(prior.mode())) {
                chosen.put(r.model(), r);
            }
        }
        return chosen;
    }

    /** Mean ± std over the seeds of the (recipe, epochs) group with the most runs; null without runs. */
    static AccuracySummary accuracy(List<SeedResult> runs, List<String> notes, ModelRef k, String dataset) {
        if (runs.isEmpty()) {
            return null;
        }
        Map<String, List<SeedResult>> groups = new TreeMap<>();
        for (SeedResult r : runs) {
            groups.computeIfAbsent(r.protocolKey(), g -> new ArrayList<>()).add(r);
        }
        List<SeedResult> group = groups.values().stream()
                .max(Comparator.comparingInt((List<SeedResult> g) -> g.size()).thenComparingInt(g -> g.get(0).epochs()))
                .orElseThrow();
        if (groups.size() > 1) {
            notes.add(k.label() + " on " + dataset + ": runs with " + groups.size() + " different (recipe, epochs, scaffold size); using the "
                    + group.size() + " run(s) of recipe " + group.get(0).recipe() + ", " + group.get(0).epochs() + " epochs");
        }
        Map<Long, SeedResult> bySeed = new TreeMap<>();
        for (SeedResult r : group) {
            bySeed.put(r.seed(), r);
        }
        if (bySeed.size() < group.size()) {
            notes.add(k.label() + " on " + dataset + ": several runs with the same seed; the last one read is used");
        }
        List<SeedResult> chosen = List.copyOf(bySeed.values());
        return new AccuracySummary(group.get(0).recipe(), group.get(0).epochs(),
                Stats.of(chosen.stream().map(SeedResult::valAccuracyPercent).filter(v -> !Double.isNaN(v)).toList()),
                stat(chosen, SeedResult::trainAccuracyPercent), stat(chosen, SeedResult::valLoss),
                stat(chosen, SeedResult::wallSeconds), chosen);
    }

    private static Stats stat(List<SeedResult> runs, java.util.function.ToDoubleFunction<SeedResult> f) {
        List<Double> v = runs.stream().map(r -> f.applyAsDouble(r)).filter(x -> !Double.isNaN(x)).toList();
        return v.size() == runs.size() ? Stats.of(v) : null;
    }
}
