package org.blockbench.train.interp;

import org.bytedeco.pytorch.global.torch.ScalarType;

/** The float type a graph computes in: float32 for training, float64 for gradient checks. */
public enum Precision {
    FLOAT32(ScalarType.Float), FLOAT64(ScalarType.Double);

    private final ScalarType scalarType;

    Precision(ScalarType scalarType) {
        this.scalarType = scalarType;
    }

    /** The LibTorch scalar type. */
    public ScalarType scalarType() {
        return scalarType;
    }
}
