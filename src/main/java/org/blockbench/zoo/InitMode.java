package org.blockbench.zoo;

import java.util.Arrays;
import java.util.List;
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
        for (InitMode m : values()) {
            if (m.id().equals(id.trim().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        List<String> valid = Arrays.stream(values()).map(InitMode::id).toList();
        throw BadInputException.unknown("init mode", id, valid);
    }
}
