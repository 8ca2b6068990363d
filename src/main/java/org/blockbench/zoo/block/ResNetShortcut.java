package org.blockbench.zoo.block;

import org.blockbench.onnx.Value;
import org.blockbench.zoo.BlockSpec;
import org.blockbench.zoo.ModelContext;
import org.blockbench.zoo.layer.AvgPool2x2;
import org.blockbench.zoo.layer.ConvBn;

/**
 * The ResNet shortcut as BlockZoo builds it, always present: (AvgPool 2×2 when stride 2) +
 * 1×1 conv + BN, even when in == out. Scope {@code downsample}.
 */
final class ResNetShortcut {

    private ResNetShortcut() {
    }

    static Value emit(ModelContext ctx, Value x, BlockSpec spec) {
        Value pooled = spec.stride() == 2 ? AvgPool2x2.apply(ctx.graph(), x) : x;
        return ConvBn.of(spec.inChannels(), spec.outChannels(), 1).emit(ctx, "downsample", pooled);
    }
}
