package org.blockbench.zoo;

/** What a parameter is, which decides its initial value (see {@link ParameterSource}). */
public enum ParameterRole {
    /** Conv or linear weight: uniform ±1/sqrt(fan_in), PyTorch's default. */
    WEIGHT,
    /** Conv or linear bias: uniform ±1/sqrt(fan_in). */
    BIAS,
    /** BatchNormalization / LayerNorm scale γ. */
    NORM_SCALE,
    /** BatchNormalization / LayerNorm shift β. */
    NORM_SHIFT,
    /** BN running mean (a buffer). */
    RUNNING_MEAN,
    /** BN running variance (a buffer). */
    RUNNING_VAR,
    /** Layer-scale γ, 1e-5 at init. */
    LAYER_SCALE
}
