package org.blockbench.gwo;

import java.util.Locale;
import org.blockbench.BadInputException;

/**
 * A GWO score (docs/protocol.md §GWO): Score = 100 × test accuracy in percent / (1 + Ω_proxy), with
 * Ω_proxy = C_D + α·C_P. Latency plays no part in it.
 *
 * @param complexity      C_D and the dynamic parameter count
 * @param alpha           the weight of C_P in Ω
 * @param omega           Ω_proxy
 * @param accuracyPercent test accuracy, 0–100
 * @param score           the score
 * @param tier            the score's tier
 */
public record GwoScore(GwoComplexity complexity, double alpha, double omega, double accuracyPercent, double score,
                       GwoTier tier) {

    /** Scores {@code accuracyPercent} (0–100) for a network of {@code complexity}. */
    public static GwoScore of(GwoComplexity complexity, double accuracyPercent, double alpha) {
        if (!(accuracyPercent >= 0 && accuracyPercent <= 100)) {
            throw new BadInputException(String.format(Locale.ROOT,
                    "accuracy must be a percentage in [0, 100], found %s", accuracyPercent));
        }
        double omega = complexity.omega(alpha);
        double score = scoreOf(accuracyPercent, omega);
        return new GwoScore(complexity, alpha, omega, accuracyPercent, score, GwoTier.of(score));
    }

    /** 100 × accuracy% / (1 + Ω). */
    public static double scoreOf(double accuracyPercent, double omega) {
        return 100.0 * accuracyPercent / (1.0 + omega);
    }
}
