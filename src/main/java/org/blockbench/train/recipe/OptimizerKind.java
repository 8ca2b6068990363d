package org.blockbench.train.recipe;

import java.util.Locale;

/** The optimisers the recipes use, LibTorch's implementations. */
public enum OptimizerKind {
    /** torch::optim::Adam, betas (0.9, 0.999), eps 1e-8. */
    ADAM,
    /** torch::optim::SGD with momentum (no dampening, not Nesterov). */
    SGD;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
