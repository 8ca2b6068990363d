package org.blockbench.zoo.layer;

/** The four tensors of an inference-mode BatchNormalization over C channels. */
public record BatchNormValues(float[] gamma, float[] beta, float[] runningMean, float[] runningVar) {

    /** PyTorch's and ONNX's default epsilon; the train graph writes it explicitly. */
    public static final float EPSILON = 1e-5f;
}
