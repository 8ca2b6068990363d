package org.blockbench.zoo.layer;

import org.blockbench.onnx.FloatTensor;
import org.blockbench.onnx.Value;
import org.blockbench.zoo.ModelContext;
import org.blockbench.zoo.ParameterRole;

/**
 * Convolution followed by BatchNormalization, under scope {@code name} as {@code conv.*} and
 * {@code bn.*}. Train form emits both nodes; deploy form emits one conv with BN folded in.
 */
public record ConvBn(Conv2d conv) {

    /** k×k conv, "same" padding, no conv bias (BN follows), stride 1, one group. */
    public static ConvBn of(int in, int out, int kernel) {
        return new ConvBn(Conv2d.same(in, out, kernel).noBias());
    }

    public ConvBn stride(int s) {
        return new ConvBn(conv.stride(s));
    }

    public ConvBn groups(int g) {
        return new ConvBn(conv.groups(g));
    }

    /** Keeps a conv bias before the BN (the scaffold's stem has one). */
    public ConvBn withConvBias() {
        return new ConvBn(new Conv2d(conv.in(), conv.out(), conv.kernel(), conv.stride(), conv.pad(), conv.groups(), true));
    }

    public Value emit(ModelContext ctx, String name, Value x) {
        if (ctx.deploy()) {
            ConvKernel k = fused(ctx, name);
            try (var s = ctx.graph().scope(name)) {
                return k.emit(ctx, conv.stride(), conv.groups(), x);
            }
        }
        try (var s = ctx.graph().scope(name)) {
            Value y = conv.emit(ctx, "conv", x);
            try (var bn = ctx.graph().scope("bn")) {
                return BatchNorm.emit(ctx, y, conv.out());
            }
        }
    }

    /** The conv with BN folded in, from the values under scope {@code name}. */
    public ConvKernel fused(ModelContext ctx, String name) {
        try (var s = ctx.graph().scope(name)) {
            FloatTensor w;
            float[] b = null;
            try (var c = ctx.graph().scope("conv")) {
                w = ctx.value("weight", ParameterRole.WEIGHT, conv.fanIn(), conv.weightShape());
                if (conv.bias()) {
                    b = ctx.value("bias", ParameterRole.BIAS, conv.fanIn(), conv.out()).data();
                }
            }
            try (var bn = ctx.graph().scope("bn")) {
                return ConvKernel.foldBatchNorm(w, b, BatchNorm.values(ctx, conv.out()));
            }
        }
    }
}
