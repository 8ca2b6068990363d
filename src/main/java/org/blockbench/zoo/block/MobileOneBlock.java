package org.blockbench.zoo.block;

import org.blockbench.gwo.GwoAnnotation;
import org.blockbench.gwo.GwoOperation;
import org.blockbench.onnx.Value;
import org.blockbench.zoo.Block;
import org.blockbench.zoo.BlockSpec;
import org.blockbench.zoo.ModelContext;
import org.blockbench.zoo.layer.Activation;
import org.blockbench.zoo.layer.RepConv;

/**
 * MobileOne block: a 3×3 conv with, at train time, one conv+BN branch, a 1×1 scale branch and
 * an identity-BN branch (when shapes match), fused into one conv at deploy; GELU.
 */
public final class MobileOneBlock implements Block {

    @Override
    public String name() {
        return "MobileOneBlock";
    }

    @Override
    public String description() {
        return "MobileOne: 3x3 conv branch + 1x1 scale branch + identity BN branch, fused to one conv at deploy; GELU";
    }

    @Override
    public GwoAnnotation gwo() {
        return GwoAnnotation.of(GwoOperation.slidingConv("reparam"));
    }

    @Override
    public boolean reparameterised() {
        return true;
    }

    @Override
    public Value emit(ModelContext ctx, Value x, BlockSpec spec) {
        RepConv conv = RepConv.mobileOne(spec.inChannels(), spec.outChannels(), 3, spec.stride(), 1, 1, true);
        return Activation.GELU.apply(ctx.graph(), conv.emit(ctx, "reparam", x));
    }
}
