package org.blockbench.zoo.block;

import org.blockbench.gwo.GwoAnnotation;
import org.blockbench.gwo.GwoOperation;
import org.blockbench.onnx.Value;
import org.blockbench.zoo.Block;
import org.blockbench.zoo.BlockSpec;
import org.blockbench.zoo.ModelContext;
import org.blockbench.zoo.layer.Activation;
import org.blockbench.zoo.layer.ConvBn;

/** ResNet basic block: 3×3 conv+BN, ReLU, 3×3 conv+BN, plus the shortcut, ReLU. */
public final class ResNetBasicBlock implements Block {

    @Override
    public String name() {
        return "ResNetBasicBlock";
    }

    @Override
    public String description() {
        return "two 3x3 conv+BN, ReLU; shortcut (AvgPool 2x2 when stride 2) + 1x1 conv + BN";
    }

    @Override
    public GwoAnnotation gwo() {
        return GwoAnnotation.of(GwoOperation.slidingConv("conv1"), GwoOperation.slidingConv("conv2"),
                GwoOperation.pointwise("downsample"));
    }

    @Override
    public Value emit(ModelContext ctx, Value x, BlockSpec spec) {
        Value y = ConvBn.of(spec.inChannels(), spec.outChannels(), 3).stride(spec.stride()).emit(ctx, "conv1", x);
        y = Activation.RELU.apply(ctx.graph(), y);
        y = ConvBn.of(spec.outChannels(), spec.outChannels(), 3).emit(ctx, "conv2", y);
        return Activation.RELU.apply(ctx.graph(), Residual.add(ctx, y, ResNetShortcut.emit(ctx, x, spec)));
    }
}
