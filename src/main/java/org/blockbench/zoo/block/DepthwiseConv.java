package org.blockbench.zoo.block;

import org.blockbench.gwo.GwoAnnotation;
import org.blockbench.gwo.GwoOperation;
import org.blockbench.onnx.Value;
import org.blockbench.zoo.Block;
import org.blockbench.zoo.BlockSpec;
import org.blockbench.zoo.ModelContext;
import org.blockbench.zoo.layer.Activation;
import org.blockbench.zoo.layer.Conv2d;

/** The GWO DepthwiseConv baseline layer: depthwise 3×3 (pad 1, bias) + pointwise 1×1 (bias) + ReLU (C_D 4). */
public final class DepthwiseConv implements Block {

    @Override
    public String name() {
        return "DepthwiseConv";
    }

    @Override
    public String description() {
        return "GWO baseline: depthwise 3x3 pad 1 + pointwise 1x1 + ReLU";
    }

    @Override
    public GwoAnnotation gwo() {
        return GwoAnnotation.of(GwoOperation.slidingConv("depthwise"), GwoOperation.pointwise("pointwise"));
    }

    @Override
    public Value emit(ModelContext ctx, Value x, BlockSpec spec) {
        int in = spec.inChannels();
        Value y = Conv2d.same(in, in, 3).stride(spec.stride()).groups(in).emit(ctx, "depthwise", x);
        y = Conv2d.same(in, spec.outChannels(), 1).emit(ctx, "pointwise", y);
        return Activation.RELU.apply(ctx.graph(), y);
    }
}
