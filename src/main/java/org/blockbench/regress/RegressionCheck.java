package org.blockbench.regress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import org.blockbench.BadInputException;
import org.blockbench.bench.result.ScoreUnit;
import org.blockbench.stats.WeightedSamples;
import org.blockbench.text.NumberText;

/** Compares a candidate with a baseline benchmark by benchmark under a {@link VerdictPolicy}. */
public final class RegressionCheck {

    /** Report order: what needs attention first. */
    private static final Comparator<Comparison> REPORT_ORDER = Comparator
            .comparing((Comparison c) -> List.of(Verdict.SLOWER, Verdict.INCONCLUSIVE, Verdict.FASTER, Verdict.UNCHANGED)
                    .indexOf(c.verdict()))
            .thenComparing(c -> -(Double.isNaN(c.timeRatio()) ? 0 : c.timeRatio()))
            .thenComparing(Comparison::key);

    private RegressionCheck() {
    }

    /**
     * Compares every benchmark present in both sets.
     *
     * @throws BadInputException if no benchmark is in both, or one is measured in units of different kinds
     */
    public static ComparisonReport compare(String title, ResultSet base, ResultSet fresh, VerdictPolicy policy,
            Instant createdAt) {
        List<Comparison> comparisons = new ArrayList<>();
        List<BenchmarkKey> added = new ArrayList<>();
        List<BenchmarkKey> removed = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        base.notes().forEach(n -> notes.add("baseline: " + n));
        fresh.notes().forEach(n -> notes.add("candidate: " + n));
        for (var e : fresh.runs().entrySet()) {
            BenchmarkRun b = base.runs().get(e.getKey());
            if (b == null) {
                added.add(e.getKey());
            } else {
                comparisons.add(compare(e.getKey(), b, e.getValue(), policy));
            }
        }
        base.runs().keySet().stream().filter(k -> !fresh.runs().containsKey(k)).forEach(removed::add);
        noteModeChanges(added, removed, notes);
        if (comparisons.isEmpty()) {
            throw new BadInputException("no benchmark is in both " + base.source() + " and " + fresh.source()
                    + "; baseline has " + labels(base.runs().keySet()) + ", candidate has " + labels(fresh.runs().keySet()));
        }
        comparisons.sort(REPORT_ORDER);
        notes.addAll(reductionNotes(comparisons));
        return new ComparisonReport(title, base.source(), fresh.source(), policy, comparisons, added, removed, notes,
                createdAt);
    }

    /**
     * Compares two runs of one benchmark; the comparison is filed under {@code key}.
     *
     * @throws BadInputException if their units are of different kinds
     */
    public static Comparison compare(BenchmarkKey key, BenchmarkRun base, BenchmarkRun fresh, VerdictPolicy policy) {
        base.checkComparable(fresh, "compare");
        BenchmarkRun candidate = fresh.in(base.unit());
        WeightedSamples b = base.samples();
        WeightedSamples n = candidate.samples();
        String unit = base.unit().text();
        if (b.count() == 0 || n.count() == 0) {
            String reason = "no samples in " + (b.count() == 0 ? "baseline" : "candidate");
            return new Comparison(key, unit, base.sampleKind(), b.count(), n.count(), 0, 0, b.median(), n.median(),
                    Double.NaN, Double.NaN, null, Double.NaN, Verdict.INCONCLUSIVE, reason);
        }
        boolean timeUnits = base.unit().kind() == ScoreUnit.Kind.TIME_PER_OP;
        double baseMedian = b.median();
        double newMedian = n.median();
        double ratio = timeUnits ? newMedian / baseMedian : baseMedian / newMedian;
        double fastestBase = fastestForkMedian(base, timeUnits);
        double fastestNew = fastestForkMedian(candidate, timeUnits);
        double fastestRatio = timeUnits ? fastestNew / fastestBase : fastestBase / fastestNew;
        double[] testedBase = b.evenlySpaced(policy.maxTestSamples());
        double[] testedNew = n.evenlySpaced(policy.maxTestSamples());
        double p = MannWhitney.pValue(testedBase, testedNew);
        ConfidenceInterval ci = null;
        if (Double.isFinite(ratio) && ratio > 0) {
            ci = timeUnits ? interval(candidate, base, policy) : interval(base, candidate, policy);
        }
        Decision d = decide(testedBase.length, testedNew.length, ratio, fastestRatio, ci, p, policy);
        return new Comparison(key, unit, base.sampleKind(), b.count(), n.count(), testedBase.length, testedNew.length,
                baseMedian, newMedian, ratio, fastestRatio, ci, p, d.verdict(), d.reason());
    }

    /** The median of the fastest fork: smallest median time per op, or largest median throughput. */
    private static double fastestForkMedian(BenchmarkRun run, boolean timeUnits) {
        DoubleStream medians = run.forkSamples().stream().filter(f -> f.count() > 0).mapToDouble(WeightedSamples::median);
        return (timeUnits ? medians.min() : medians.max()).orElse(Double.NaN);
    }

    /** Forks resampled when both sides have two or more forks with samples, else samples. */
    private static ConfidenceInterval interval(BenchmarkRun numerator, BenchmarkRun denominator, VerdictPolicy policy) {
        if (forksWithSamples(numerator) >= 2 && forksWithSamples(denominator) >= 2) {
            return MedianRatioBootstrap.forkInterval(numerator.forkSamples(), denominator.forkSamples(),
                    policy.confidence(), policy.bootstrapResamples(), policy.seed());
        }
        return MedianRatioBootstrap.interval(numerator.samples(), denominator.samples(), policy.confidence(),
                policy.bootstrapResamples(), policy.seed());
    }

    private static long forksWithSamples(BenchmarkRun run) {
        return run.forkSamples().stream().filter(f -> f.count() > 0).count();
    }

    /** A verdict and the sentence that justifies it. */
    record Decision(Verdict verdict, String reason) {
    }

    /** The rules of {@link VerdictPolicy}, as a pure function of the computed statistics. */
    static Decision decide(int nBase, int nNew, double ratio, double fastestForkRatio, ConfidenceInterval ci, double p,
            VerdictPolicy policy) {
        double alpha = policy.alpha();
        if (MannWhitney.smallestPossiblePValue(nBase, nNew) >= alpha) {
            return new Decision(Verdict.INCONCLUSIVE, String.format(Locale.ROOT,
                    "too few samples: with %d baseline and %d candidate samples the U test cannot reach p < %s "
                            + "(smallest possible p %.3g); need at least %d per side",
                    nBase, nNew, alpha, MannWhitney.smallestPossiblePValue(nBase, nNew),
                    MannWhitney.minimumSamplesPerSide(alpha)));
        }
        if (!(Double.isFinite(ratio) && ratio > 0) || ci == null) {
            return new Decision(Verdict.INCONCLUSIVE, "median ratio is undefined (a median is zero or not finite)");
        }
        boolean significant = p < alpha;
        String effect = String.format(Locale.ROOT, "%+.1f %%", 100 * (ratio - 1));
        String interval = String.format(Locale.ROOT, "[%.3f, %.3f]", ci.low(), ci.high());
        String band = String.format(Locale.ROOT, "[%.3f, %.3f]", policy.fasterBelow(), policy.slowerAbove());
        String pText = p == 0 ? "p < 1e-300" : "p = " + NumberText.pValue(p);
        boolean beyond = ratio > policy.slowerAbove() || ratio < policy.fasterBelow();
        String fastest = String.format(Locale.ROOT, "%+.1f %%", 100 * (fastestForkRatio - 1));
        if (significant && ratio > policy.slowerAbove() && ci.low() > 1) {
            String evidence = String.format(Locale.ROOT, "%s < %s, median time %s beyond +%s", pText, alpha, effect,
                    NumberText.percent(policy.threshold()));
            return fastestForkRatio > policy.slowerAbove()
                    ? new Decision(Verdict.SLOWER, evidence + ", interval " + interval + " above 1, fastest fork " + fastest)
                    : new Decision(Verdict.INCONCLUSIVE, evidence + " and interval " + interval + " above 1, but the "
                            + "fastest fork only " + fastest + ": not every fork is slower (forks in a slow machine state?)");
        }
        if (significant && ratio < policy.fasterBelow() && ci.high() < 1) {
            String evidence = String.format(Locale.ROOT, "%s < %s, median time %s beyond -%s", pText, alpha, effect,
                    NumberText.percent(policy.threshold() / (1 + policy.threshold())));
            return fastestForkRatio < policy.fasterBelow()
                    ? new Decision(Verdict.FASTER, evidence + ", interval " + interval + " below 1, fastest fork " + fastest)
                    : new Decision(Verdict.INCONCLUSIVE, evidence + " and interval " + interval + " below 1, but the "
                            + "fastest fork only " + fastest + ": not every fork is faster (baseline forks in a slow "
                            + "machine state?)");
        }
        if (significant && beyond) {
            return new Decision(Verdict.INCONCLUSIVE, String.format(Locale.ROOT, "%s < %s and median time %s beyond the "
                    + "threshold, but the %s interval %s includes no change: the %s disagree", pText, alpha, effect,
                    ci.resampled().equals(ConfidenceInterval.FORKS) ? "fork-level" : "sample-level", interval,
                    ci.resampled()));
        }
        if (ci.within(policy.fasterBelow(), policy.slowerAbove())) {
            return new Decision(Verdict.UNCHANGED, "interval " + interval + " inside " + band
                    + (significant ? " (" + pText + ": a real but smaller-than-threshold shift)" : ""));
        }
        if (!significant && beyond) {
            return new Decision(Verdict.INCONCLUSIVE, "effect " + effect + " beyond the threshold but not significant ("
                    + pText + " >= " + alpha + ")");
        }
        if (significant) {
            return new Decision(Verdict.INCONCLUSIVE, "significant (" + pText + ") but effect " + effect
                    + " within the threshold while the interval " + interval + " reaches beyond " + band);
        }
        return new Decision(Verdict.INCONCLUSIVE, "not significant (" + pText + ") and the interval " + interval
                + " reaches beyond " + band + ": too noisy to rule out a change of the threshold size");
    }

    private static void noteModeChanges(List<BenchmarkKey> added, List<BenchmarkKey> removed, List<String> notes) {
        Map<String, BenchmarkKey> removedByName = new TreeMap<>();
        removed.forEach(k -> removedByName.put(k.withoutMode(), k));
        for (BenchmarkKey a : added) {
            BenchmarkKey r = removedByName.get(a.withoutMode());
            if (r != null) {
                notes.add(a.shortName() + a.paramsText() + ": mode changed from " + r.mode() + " to " + a.mode()
                        + "; the two modes measure different quantities and are not compared");
            }
        }
    }

    private static List<String> reductionNotes(List<Comparison> comparisons) {
        List<String> notes = new ArrayList<>();
        for (Comparison c : comparisons) {
            if (c.testedBase() < c.baseCount() || c.testedNew() < c.newCount()) {
                notes.add(String.format(Locale.ROOT, "%s: U test on %,d of %,d baseline and %,d of %,d candidate samples "
                        + "(evenly spaced order statistics, deterministic); medians and interval use all samples",
                        c.key().label(), c.testedBase(), c.baseCount(), c.testedNew(), c.newCount()));
            }
        }
        return notes;
    }

    private static String labels(Set<BenchmarkKey> keys) {
        return keys.stream().map(BenchmarkKey::label).collect(Collectors.joining(", ", "[", "]"));
    }
}
