package org.blockbench.report;

import java.util.List;
import org.blockbench.stats.MeanDifference;

/**
 * The accuracy a variant loses against FP32 over a row's seeds (docs/quantization.md §Board):
 * paired by seed, since each seed's variant and FP32 are evaluated in ONNX Runtime on the same
 * validation images, so the drop is computed per seed and the t interval is over seeds
 * ({@link MeanDifference#paired}, house rule 18). Its standard error is never below the
 * validation set's binomial error ({@link #binomialBoundPoints}): two seeds whose drops happen to be
 * equal do not make it exact. On a board the seed-to-seed variance is pooled over the rows of the
 * same variant ({@link #pooled}). The interval is at the level {@link org.blockbench.stats.Holm} gives
 * it among the board's rows of the same variant (one family per variant and board, at
 * {@link Ranking#ALPHA}); a drop whose interval holds 0 is not resolved.
 *
 * @param seeds               seeds with a variant result
 * @param difference          mean(FP32 − variant) in percentage points, its standard error floored
 * @param binomialBoundPoints the binomial floor on that standard error, pp (NaN when the image counts are unknown)
 * @param level               the two-sided level the interval is at (Holm's, or {@link Ranking#ALPHA} before the family)
 * @param low                 lower end, pp; −∞ when there is no standard error (one seed)
 * @param high                upper end, pp; +∞ likewise
 */
public record AccuracyDrop(int seeds, MeanDifference difference, double binomialBoundPoints, double level, double low,
                           double high) {

    /** The drop over {@code seeds} (one variant), its interval at {@link Ranking#ALPHA} before any family adjustment. */
    static AccuracyDrop of(List<SeedResult.VariantSeed> seeds) {
        // each seed's drop is already its paired difference (FP32 − variant on the same images), taken as
        // recorded: recomputing it from the two accuracies would add rounding spread to equal drops
        double[] drops = seeds.stream().mapToDouble(SeedResult.VariantSeed::accuracyDropPoints).toArray();
        double bound = binomialBoundPoints(seeds);
        MeanDifference d = MeanDifference.paired(drops, new double[drops.length]);
        if (Double.isFinite(bound)) {
            d = d.withStandardErrorAtLeast(bound);
        }
        return new AccuracyDrop(seeds.size(), d, bound, Ranking.ALPHA, Double.NaN, Double.NaN).atLevel(Ranking.ALPHA);
    }

    /**
     * A conservative binomial standard error of the mean drop, pp. On one seed's n images the drop
     * is (b − c)/n, b and c the images only FP32 or only the variant classifies correctly; over a
     * random draw of images its variance is ((b + c)/n − drop²)/n (McNemar's). Only images whose
     * top-1 changed can be among b and c, so (b + c)/n ≤ 1 − agreement, which gives the bound
     * ((1 − agreement) − drop²)/n per seed; the mean over k seeds has √(Σ variances)/k.
     */
    static double binomialBoundPoints(List<SeedResult.VariantSeed> seeds) {
        double sum = 0;
        for (SeedResult.VariantSeed s : seeds) {
            double drop = s.accuracyDropPoints() / 100;
            double changed = 1 - s.agreementWithFp32();
            if (s.validationImages() <= 0 || !Double.isFinite(changed) || !Double.isFinite(drop)) {
                return Double.NaN;
            }
            sum += Math.max(0, changed - drop * drop) / s.validationImages();
        }
        return seeds.isEmpty() ? Double.NaN : 100 * Math.sqrt(sum) / seeds.size();
    }

    /**
     * This drop with the seed-to-seed variance of drops pooled over a board's rows of the same
     * variant ({@code variance} on {@code degreesOfFreedom}): with two seeds a row's own variance has
     * one degree of freedom, and its interval spans ±100 points; pooled over the rows, as Tukey's
     * error term pools over groups, the standard error is √(variance / seeds), still never below
     * the row's binomial floor.
     */
    AccuracyDrop pooled(double variance, double degreesOfFreedom) {
        double se = Math.sqrt(variance / seeds);
        if (Double.isFinite(binomialBoundPoints)) {
            se = Math.max(se, binomialBoundPoints);
        }
        return new AccuracyDrop(seeds, new MeanDifference(difference.estimate(), se, degreesOfFreedom), binomialBoundPoints,
                level, Double.NaN, Double.NaN).atLevel(level);
    }

    /** This drop with its interval at two-sided {@code level}. */
    AccuracyDrop atLevel(double level) {
        double[] ci = difference.interval(level);
        return new AccuracyDrop(seeds, difference, binomialBoundPoints, level, ci[0], ci[1]);
    }

    /** The drop, mean over seeds, pp. */
    public double meanPoints() {
        return difference.estimate();
    }

    /** Whether the interval excludes 0: the variant is told apart from FP32 in accuracy. */
    public boolean resolved() {
        return low > 0 || high < 0;
    }

    /** "0.39 pp [−7.55, 8.33]" or "0.39 pp [−7.55, 8.33], not resolved"; one seed: "0.39 pp (1 seed, no interval)". */
    public String describe() {
        if (!difference.defined()) {
            return String.format(java.util.Locale.ROOT, "%.2f pp (%d seed%s, no interval)", meanPoints(), seeds,
                    seeds == 1 ? "" : "s");
        }
        return String.format(java.util.Locale.ROOT, "%.2f pp [%.2f, %.2f]%s", meanPoints(), low, high,
                resolved() ? "" : ", not resolved");
    }
}
