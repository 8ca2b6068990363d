package org.blockbench.zoo;

import java.util.Locale;
import org.blockbench.BadInputException;

/**
 * How parameters without given values are initialised. {@code PYTORCH} is what a fresh
 * PyTorch module holds (fan-in uniform weights, BN identity statistics, layer scale 1e-5);
 * {@code RANDOMIZED} also draws BN statistics, affine terms and layer scales, so that
 * deploy-form fusion is checked against non-trivial values.
 */
public enum InitMode {
    PYTORCH, RANDOMIZED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static InitMode parse(String id) {
        return BadInputException.byName("init mode", id, values(), InitMode::id);
    }
}
