package org.blockbench.regress;

/** The decision for one benchmark; see {@link VerdictPolicy} for the exact rules. */
public enum Verdict {
    /**
     * Significant (p < alpha), the time ratio above 1 + threshold, its interval above 1, and the
     * fastest forks' ratio above 1 + threshold too.
     */
    SLOWER,
    /**
     * Significant (p < alpha), the time ratio below 1 / (1 + threshold), its interval below 1, and
     * the fastest forks' ratio below 1 / (1 + threshold) too.
     */
    FASTER,
    /** The confidence interval of the ratio lies inside [1/(1+threshold), 1+threshold]. */
    UNCHANGED,
    /** Anything else: too few samples, or the data neither show nor rule out a change of threshold size. */
    INCONCLUSIVE;

    /** Lower-case name used in reports. */
    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
