package org.blockbench.zoo.block;

import org.blockbench.gwo.GwoAnnotation;
import org.blockbench.gwo.GwoOperation;
import org.blockbench.onnx.Value;
import org.blockbench.zoo.Block;
import org.blockbench.zoo.BlockSpec;
import org.blockbench.zoo.ModelContext;
import org.blockbench.zoo.layer.Activation;
import org.blockbench.zoo.layer.Conv2d;

/**
 * The GWO StandardConv baseline layer: a 3×3 conv with bias + ReLU (C_D 3). Padding 1 in the
 * scaffold (so shapes line up); the GWO baseline network uses padding 0.
 */
public final class StandardConv implements Block {

    private final int padding;

    /** The scaffold's variant, padding 1. */
    public StandardConv() {
        this(1);
    }

    public StandardConv(int padding) {
        this.padding = padding;
    }

    @Override
    public String name() {
        return "StandardConv";
    }

    @Override
    public String description() {
        return "GWO baseline: conv 3x3 (bias) + ReLU";
    }

    @Override
    public GwoAnnotation gwo() {
        return GwoAnnotation.of(GwoOperation.slidingConv("conv"));
    }

    @Override
    public int outputSize(int inSize, int stride) {
        return (inSize + 2 * padding - 3) / stride + 1;
    }

    @Override
    public Value emit(ModelContext ctx, Value x, BlockSpec spec) {
        Conv2d conv = new Conv2d(spec.inChannels(), spec.outChannels(), 3, spec.stride(), padding, 1, true);
        return Activation.RELU.apply(ctx.graph(), conv.emit(ctx, "conv", x));
    }
}
