package org.blockbench.zoo.layer;

import org.blockbench.onnx.FloatTensor;
import org.blockbench.onnx.Value;
import org.blockbench.zoo.ModelContext;

/**
 * A convolution as numbers: weight [out, in/groups, k, k] and bias [out]. Re-parameterisation
 * is arithmetic on these: fold a BN into a conv, pad a 1×1 kernel to k×k, add branches.
 */
public record ConvKernel(FloatTensor weight, float[] bias) {

    public int outChannels() {
        return (int) weight.dim(0);
    }

    public int inPerGroup() {
        return (int) weight.dim(1);
    }

    public int kernelSize() {
        return (int) weight.dim(2);
    }

    /** Folds BN into a conv: w·γ/σ per output channel, bias (b−μ)·γ/σ + β. */
    public static ConvKernel foldBatchNorm(FloatTensor weight, float[] convBias, BatchNormValues bn) {
        return foldBatchNorm(weight, convBias, bn, BatchNormValues.EPSILON);
    }

    /** As {@link #foldBatchNorm(FloatTensor, float[], BatchNormValues)} for a BN with its own epsilon (a user's graph). */
    public static ConvKernel foldBatchNorm(FloatTensor weight, float[] convBias, BatchNormValues bn, float epsilon) {
        int out = (int) weight.dim(0);
        int per = weight.size() / out;
        float[] w = weight.data().clone();
        float[] b = new float[out];
        for (int o = 0; o < out; o++) {
            double t = bn.gamma()[o] / Math.sqrt(bn.runningVar()[o] + epsilon);
            for (int i = 0; i < per; i++) {
                w[o * per + i] = (float) (w[o * per + i] * t);
            }
            double cb = convBias == null ? 0 : convBias[o];
            b[o] = (float) ((cb - bn.runningMean()[o]) * t + bn.beta()[o]);
        }
        return new ConvKernel(new FloatTensor(weight.shape(), w), b);
    }

    /** The conv that copies its input: [channels, channels/groups, k, k] with a centred 1. */
    public static ConvKernel identity(int channels, int groups, int k) {
        int per = channels / groups;
        float[] w = new float[channels * per * k * k];
        for (int c = 0; c < channels; c++) {
            int inGroup = c % per;
            w[((c * per + inGroup) * k + k / 2) * k + k / 2] = 1f;
        }
        return new ConvKernel(new FloatTensor(new long[] {channels, per, k, k}, w), new float[channels]);
    }

    /** Centres this kernel inside a larger k×k kernel (zero elsewhere). */
    public ConvKernel padTo(int k) {
        int from = kernelSize();
        if (from == k) {
            return this;
        }
        if (from > k || (k - from) % 2 != 0) {
            throw new IllegalArgumentException("cannot centre a " + from + "x" + from + " kernel in " + k + "x" + k);
        }
        int planes = outChannels() * inPerGroup();
        int off = (k - from) / 2;
        float[] src = weight.data();
        float[] w = new float[planes * k * k];
        for (int p = 0; p < planes; p++) {
            for (int y = 0; y < from; y++) {
                for (int x = 0; x < from; x++) {
                    w[(p * k + y + off) * k + x + off] = src[(p * from + y) * from + x];
                }
            }
        }
        return new ConvKernel(new FloatTensor(new long[] {outChannels(), inPerGroup(), k, k}, w), bias);
    }

    /** The branch sum: kernels and biases added (after centring to the larger size). */
    public ConvKernel plus(ConvKernel other) {
        return combine(other, 1f);
    }

    public ConvKernel minus(ConvKernel other) {
        return combine(other, -1f);
    }

    /** Multiplies output channel o (weights and bias) by {@code scale[o]}: folds a layer scale. */
    public ConvKernel scaleOutputs(float[] scale) {
        int out = outChannels();
        int per = weight.size() / out;
        float[] w = weight.data().clone();
        float[] b = bias.clone();
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < per; i++) {
                w[o * per + i] *= scale[o];
            }
            b[o] *= scale[o];
        }
        return new ConvKernel(new FloatTensor(weight.shape(), w), b);
    }

    private ConvKernel combine(ConvKernel other, float sign) {
        int k = Math.max(kernelSize(), other.kernelSize());
        ConvKernel a = padTo(k);
        ConvKernel b = other.padTo(k);
        if (a.outChannels() != b.outChannels() || a.inPerGroup() != b.inPerGroup()) {
            throw new IllegalArgumentException("branch shapes differ: " + a.weight + " vs " + b.weight);
        }
        float[] w = a.weight.data().clone();
        float[] bw = b.weight.data();
        for (int i = 0; i < w.length; i++) {
            w[i] += sign * bw[i];
        }
        float[] bias = a.bias.clone();
        for (int i = 0; i < bias.length; i++) {
            bias[i] += sign * b.bias[i];
        }
        return new ConvKernel(new FloatTensor(a.weight.shape(), w), bias);
    }

    /**
     * Emits this kernel as one conv (padding k/2) whose parameters are stored as
     * {@code conv.weight} and {@code conv.bias} under the current scope.
     */
    public Value emit(ModelContext ctx, int stride, int groups, Value x) {
        try (var c = ctx.graph().scope("conv")) {
            int in = inPerGroup() * groups;
            Conv2d geometry = new Conv2d(in, outChannels(), kernelSize(), stride, kernelSize() / 2, groups, true);
            Value w = ctx.store("weight", weight);
            Value b = ctx.store("bias", new FloatTensor(new long[] {bias.length}, bias));
            return geometry.apply(ctx.graph(), x, w, b);
        }
    }
}
