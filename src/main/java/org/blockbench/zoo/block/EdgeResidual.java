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
import org.blockbench.zoo.layer.SqueezeExcite;

/**
 * FusedMBConv (timm EdgeResidual): 3×3 expand conv ×4 (×6 late), 1×1 project, ReLU; SE 0.25
 * (of the input width, sigmoid gate) at late only; identity skip when shapes match.
 */
public final class EdgeResidual implements Block {

    @Override
    public String name() {
        return "EdgeResidual";
    }

    @Override
    public String description() {
        return "FusedMBConv: 3x3 expand conv x4 (x6 late), 1x1 project, BN, ReLU; SE 0.25 at late only";
    }

    @Override
    public GwoAnnotation gwo() {
        return GwoAnnotation.of(GwoOperation.slidingConv("conv_exp"), GwoOperation.pointwise("conv_pwl"),
                GwoOperation.skip("skip"));
    }

    @Override
    public Value emit(ModelContext ctx, Value x, BlockSpec spec) {
        int mid = spec.inChannels() * InvertedResidual.expansion(spec.position());
        Value y = ConvBn.of(spec.inChannels(), mid, 3).stride(spec.stride()).emit(ctx, "conv_exp", x);
        y = Activation.RELU.apply(ctx.graph(), y);
        if (spec.position() == Position.LATE) {
            y = new SqueezeExcite(mid, Math.max(1, spec.inChannels() / 4), Activation.SIGMOID).emit(ctx, "se", y);
        }
        y = ConvBn.of(mid, spec.outChannels(), 1).emit(ctx, "conv_pwl", y);
        return spec.preservesShape() ? Residual.add(ctx, y, x) : y;
    }
}
