package org.blockbench.zoo.block;

import org.blockbench.gwo.GwoAnnotation;
import org.blockbench.gwo.GwoOperation;
import org.blockbench.gwo.GwoPrimitive;
import org.blockbench.onnx.Value;
import org.blockbench.zoo.Block;
import org.blockbench.zoo.BlockSpec;
import org.blockbench.zoo.ModelContext;
import org.blockbench.zoo.layer.Activation;
import org.blockbench.zoo.layer.DeformableConv2d;

/**
 * The GWO DeformableConv baseline layer: an offset conv (in → 18, 3×3, pad 1) drives a 3×3
 * deformable conv (pad 1, bias), then ReLU. C_D 4 (content-aware path); the offset conv is
 * the dynamic sub-network counted in C_P.
 */
public final class DeformableConv implements Block {

    @Override
    public String name() {
        return "DeformableConv";
    }

    @Override
    public String description() {
        return "GWO baseline: offset conv (in -> 2*3*3, 3x3) + deformable conv 3x3 pad 1 (GridSample) + ReLU";
    }

    @Override
    public GwoAnnotation gwo() {
        return GwoAnnotation.of(new GwoOperation("deform", java.util.List.of(GwoPrimitive.CONTENT_AWARE,
                GwoPrimitive.DENSE_SQUARE, GwoPrimitive.SHARED_KERNEL))).withDynamic("offset");
    }

    @Override
    public Value emit(ModelContext ctx, Value x, BlockSpec spec) {
        Value y = new DeformableConv2d(spec.inChannels(), spec.outChannels(), spec.stride())
                .emit(ctx, "deform", x, spec.inHeight(), spec.inWidth());
        return Activation.RELU.apply(ctx.graph(), y);
    }
}
