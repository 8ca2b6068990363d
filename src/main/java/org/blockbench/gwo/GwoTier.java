package org.blockbench.gwo;

/**
 * The GWO score tiers (docs/protocol.md §GWO): S ≥ 1800; A 1250–1800; B 900–1250; C 500–900; D &lt; 500.
 * A lower bound belongs to its tier (a score of exactly 1250 is A).
 */
public enum GwoTier {
    S(1800), A(1250), B(900), C(500), D(Double.NEGATIVE_INFINITY);

    private final double lowerBound;

    GwoTier(double lowerBound) {
        this.lowerBound = lowerBound;
    }

    /** The smallest score of this tier (inclusive); D has none. */
    public double lowerBound() {
        return lowerBound;
    }

    /** The tier of a score; a NaN score has no tier. */
    public static GwoTier of(double score) {
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("a NaN score has no GWO tier");
        }
        for (GwoTier t : values()) {
            if (score >= t.lowerBound) {
                return t;
            }
        }
        return D;
    }
}
