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
import org.blockbench.zoo.layer.RepConv;
import org.blockbench.zoo.layer.SqueezeExcite;

/**
 * GhostNetV3 bottleneck: ghost module (ReLU) to mid = in×3 (×5 late), a re-parameterisable
 * depthwise 3×3 when strided, SE 0.25 (hard-sigmoid gate) at late only, ghost module to out;
 * shortcut identity when shapes match, else depthwise 3×3 + BN, 1×1 + BN.
 */
public final class GhostBottleneckV3 implements Block {

    @Override
    public String name() {
        return "GhostBottleneckV3";
    }

    @Override
    public String description() {
        return "GhostNetV3: ghost modules, mid = in x3 (x5 late), dw 3x3 when strided, ReLU; SE 0.25 late only; "
                + "re-parameterisable branches";
    }

    @Override
    public GwoAnnotation gwo() {
        return GwoAnnotation.of(GwoOperation.pointwise("ghost1.primary_conv"), GwoOperation.slidingConv("ghost1.cheap_operation"),
                GwoOperation.pointwise("ghost2.primary_conv"), GwoOperation.slidingConv("ghost2.cheap_operation"),
                GwoOperation.skip("shortcut"));
    }

    @Override
    public boolean reparameterised() {
        return true;
    }

    @Override
    public Value emit(ModelContext ctx, Value x, BlockSpec spec) {
        int in = spec.inChannels();
        int mid = in * (spec.position() == Position.LATE ? 5 : 3);
        Value y = new GhostModuleV3(in, mid, true).emit(ctx, "ghost1", x);
        if (spec.stride() > 1) {
            y = RepConv.mobileOne(mid, mid, 3, spec.stride(), mid, GhostModuleV3.CONV_BRANCHES, true).emit(ctx, "conv_dw", y);
        }
        if (spec.position() == Position.LATE) {
            int reduced = Math.max(4, (int) Math.round(mid * 0.25 / 4) * 4);
            y = new SqueezeExcite(mid, reduced, Activation.HARD_SIGMOID).emit(ctx, "se", y);
        }
        y = new GhostModuleV3(mid, spec.outChannels(), false).emit(ctx, "ghost2", y);
        Value skip = x;
        if (!spec.preservesShape()) {
            try (var s = ctx.graph().scope("shortcut")) {
                skip = ConvBn.of(in, in, 3).stride(spec.stride()).groups(in).emit(ctx, "0", x);
                skip = ConvBn.of(in, spec.outChannels(), 1).emit(ctx, "1", skip);
            }
        }
        return Residual.add(ctx, y, skip);
    }
}
