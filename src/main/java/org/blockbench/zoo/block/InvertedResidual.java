package org.blockbench.zoo.block;

import org.blockbench.gwo.GwoAnnotation;
import org.blockbench.gwo.GwoOperation;
import org.blockbench.onnx.Value;
import org.blockbench.zoo.Block;
import org.blockbench.zoo.BlockSpec;
import org.blockbench.zoo.ModelContext;
import org.blockbench.zoo.Position;
import org.blockbench.zoo.layer.Activation;
import org.blockbench.zoo.layer.ConvBn;

/**
 * MBConv (timm InvertedResidual): 1×1 expand ×4 (×6 late), depthwise 3×3, 1×1 project; ReLU
 * early, HardSwish mid/late; no SE; identity skip when shapes match.
 */
public final class InvertedResidual implements Block {

    @Override
    public String name() {
        return "InvertedResidual";
    }

    @Override
    public String description() {
        return "MBConv: 1x1 expand x4 (x6 late), dw 3x3, 1x1 project, BN; ReLU early, HardSwish mid/late; no SE";
    }

    @Override
    public GwoAnnotation gwo() {
        return GwoAnnotation.of(GwoOperation.pointwise("conv_pw"), GwoOperation.slidingConv("conv_dw"),
                GwoOperation.pointwise("conv_pwl"), GwoOperation.skip("skip"));
    }

    static int expansion(Position position) {
        return position == Position.LATE ? 6 : 4;
    }

    @Override
    public Value emit(ModelContext ctx, Value x, BlockSpec spec) {
        Activation act = spec.position() == Position.EARLY ? Activation.RELU : Activation.HARD_SWISH;
        int mid = spec.inChannels() * expansion(spec.position());
        Value y = act.apply(ctx.graph(), ConvBn.of(spec.inChannels(), mid, 1).emit(ctx, "conv_pw", x));
        y = act.apply(ctx.graph(), ConvBn.of(mid, mid, 3).stride(spec.stride()).groups(mid).emit(ctx, "conv_dw", y));
        y = ConvBn.of(mid, spec.outChannels(), 1).emit(ctx, "conv_pwl", y);
        return spec.preservesShape() ? Residual.add(ctx, y, x) : y;
    }
}
