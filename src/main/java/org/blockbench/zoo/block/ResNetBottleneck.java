package org.blockbench.zoo.block;

import org.blockbench.gwo.GwoAnnotation;
import org.blockbench.gwo.GwoOperation;
import org.blockbench.onnx.Value;
import org.blockbench.zoo.Block;
import org.blockbench.zoo.BlockSpec;
import org.blockbench.zoo.ModelContext;
import org.blockbench.zoo.layer.Activation;
import org.blockbench.zoo.layer.ConvBn;

/** ResNet bottleneck: 1×1 → 3×3 (strided) → 1×1, width out/4, the ResNet shortcut, ReLU. */
public final class ResNetBottleneck implements Block {

    @Override
    public String name() {
        return "ResNetBottleneck";
    }

    @Override
    public String description() {
        return "1x1 -> 3x3 -> 1x1 conv+BN, bottleneck width out/4, ReLU; ResNet shortcut";
    }

    @Override
    public GwoAnnotation gwo() {
        return GwoAnnotation.of(GwoOperation.pointwise("conv1"), GwoOperation.slidingConv("conv2"),
                GwoOperation.pointwise("conv3"), GwoOperation.pointwise("downsample"));
    }

    @Override
    public Value emit(ModelContext ctx, Value x, BlockSpec spec) {
        int width = spec.outChannels() / 4;
        Value y = Activation.RELU.apply(ctx.graph(), ConvBn.of(spec.inChannels(), width, 1).emit(ctx, "conv1", x));
        y = Activation.RELU.apply(ctx.graph(), ConvBn.of(width, width, 3).stride(spec.stride()).emit(ctx, "conv2", y));
        y = ConvBn.of(width, spec.outChannels(), 1).emit(ctx, "conv3", y);
        return Activation.RELU.apply(ctx.graph(), Residual.add(ctx, y, ResNetShortcut.emit(ctx, x, spec)));
    }
}
