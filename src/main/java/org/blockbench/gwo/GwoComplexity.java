package org.blockbench.gwo;

/**
 * The two complexity terms of a whole network (docs/protocol.md §GWO): descriptive complexity C_D (sum of the
 * declared primitive costs of every operation, over every instance of the block) and the
 * trainable parameters of the declared dynamic sub-networks, whose count in millions is the
 * parametric complexity C_P.
 *
 * @param descriptiveComplexity C_D of the network
 * @param dynamicParams         trainable parameters under the dynamic sub-network scopes (C_P × 10^6)
 */
public record GwoComplexity(int descriptiveComplexity, long dynamicParams) {

    /** The α of the GWO paper. */
    public static final double DEFAULT_ALPHA = 1.0;

    public GwoComplexity {
        if (descriptiveComplexity < 0) {
            throw new IllegalArgumentException("C_D must be >= 0, found " + descriptiveComplexity);
        }
        if (dynamicParams < 0) {
            throw new IllegalArgumentException("dynamic parameters must be >= 0, found " + dynamicParams);
        }
    }

    /** C_P: dynamic parameters in millions. */
    public double parametricComplexityMillions() {
        return dynamicParams / 1_000_000.0;
    }

    /** Ω_proxy = C_D + α·C_P. */
    public double omega(double alpha) {
        checkAlpha(alpha);
        return descriptiveComplexity + alpha * parametricComplexityMillions();
    }

    static void checkAlpha(double alpha) {
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new org.blockbench.BadInputException("alpha must be a finite number >= 0, found " + alpha);
        }
    }
}
