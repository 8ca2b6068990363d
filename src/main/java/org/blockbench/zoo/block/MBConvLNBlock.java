package org.blockbench.zoo.block;

import org.blockbench.gwo.GwoAnnotation;
import org.blockbench.gwo.GwoOperation;
import org.blockbench.onnx.Value;
import org.blockbench.zoo.Block;
import org.blockbench.zoo.BlockSpec;
import org.blockbench.zoo.ModelContext;
import org.blockbench.zoo.layer.Activation;
import org.blockbench.zoo.layer.AvgPool2x2;
import org.blockbench.zoo.layer.Conv2d;
import org.blockbench.zoo.layer.LayerNorm2d;

/**
 * ViTamin's MbConvLNBlock: LayerNorm2d pre-norm, 1×1 expand to 4×out, depthwise 3×3
 * (strided), 1×1 project, GELU, biased convs and no BN; shortcut AvgPool 2×2 + 1×1 conv when
 * strided, 1×1 conv when widths differ, identity otherwise.
 */
public final class MBConvLNBlock implements Block {

    @Override
    public String name() {
        return "MBConvLNBlock";
    }

    @Override
    public String description() {
        return "ViTamin MbConvLN: LayerNorm2d pre-norm, 1x1 expand x4 of out, dw 3x3, 1x1 project, GELU";
    }

    @Override
    public GwoAnnotation gwo() {
        return GwoAnnotation.of(GwoOperation.pointwise("conv1_1x1"), GwoOperation.slidingConv("conv2_kxk"),
                GwoOperation.pointwise("conv3_1x1"), GwoOperation.skip("shortcut"));
    }

    @Override
    public Value emit(ModelContext ctx, Value x, BlockSpec spec) {
        int in = spec.inChannels();
        int out = spec.outChannels();
        int mid = out * 4;
        Value skip = x;
        if (spec.stride() == 2) {
            skip = AvgPool2x2.apply(ctx.graph(), skip);
        }
        if (in != out) {
            skip = Conv2d.same(in, out, 1).emit(ctx, "shortcut", skip);
        }
        Value y = LayerNorm2d.of(in).emit(ctx, "pre_norm", x);
        y = Activation.GELU.apply(ctx.graph(), Conv2d.same(in, mid, 1).emit(ctx, "conv1_1x1", y));
        y = Conv2d.same(mid, mid, 3).stride(spec.stride()).groups(mid).emit(ctx, "conv2_kxk", y);
        y = Activation.GELU.apply(ctx.graph(), y);
        y = Conv2d.same(mid, out, 1).emit(ctx, "conv3_1x1", y);
        return Residual.add(ctx, y, skip);
    }
}
