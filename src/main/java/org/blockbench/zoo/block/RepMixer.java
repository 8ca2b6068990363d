package org.blockbench.zoo.block;

import java.util.List;
import org.blockbench.gwo.GwoAnnotation;
import org.blockbench.gwo.GwoOperation;
import org.blockbench.onnx.OnnxOp;
import org.blockbench.onnx.Value;
import org.blockbench.zoo.Block;
import org.blockbench.zoo.BlockSpec;
import org.blockbench.zoo.ModelContext;
import org.blockbench.zoo.layer.Activation;
import org.blockbench.zoo.layer.Conv2d;
import org.blockbench.zoo.layer.ConvBn;
import org.blockbench.zoo.layer.ConvKernel;
import org.blockbench.zoo.layer.LayerScale;
import org.blockbench.zoo.layer.RepConv;

/**
 * FastViT's RepMixer block. When the stage changes width or stride, a patch embedding first
 * (RepLK 7×7 with its 3×3 branch, then a 1×1 MobileOne block with GELU). Then token mixing
 * x + γ₁·(mixer(x) − norm(x)) with depthwise k=3 re-parameterisable convs, and a ConvMLP
 * (depthwise 7×7 conv+BN, 1×1 to 4×, GELU, 1×1 back) added as x + γ₂·mlp(x); layer scales
 * start at 1e-5. Deploy form: the token mixer is one depthwise 3×3 conv (identity folded in),
 * the MLP's BN and γ₂ are folded into its convs.
 */
public final class RepMixer implements Block {

    static final int MLP_RATIO = 4;

    @Override
    public String name() {
        return "RepMixer";
    }

    @Override
    public String description() {
        return "FastViT RepMixer: patch-embed downsample (7x7 + 1x1), RepMixer token mixing k=3, ConvMLP ratio 4, "
                + "layer scale 1e-5, GELU";
    }

    @Override
    public GwoAnnotation gwo() {
        return GwoAnnotation.of(GwoOperation.slidingConv("token_mixer"), GwoOperation.skip("token_mixer.skip"),
                GwoOperation.slidingConv("mlp.conv"), GwoOperation.pointwise("mlp.fc1"), GwoOperation.pointwise("mlp.fc2"),
                GwoOperation.skip("mlp.skip"));
    }

    @Override
    public boolean reparameterised() {
        return true;
    }

    @Override
    public Value emit(ModelContext ctx, Value x, BlockSpec spec) {
        int c = spec.outChannels();
        if (!spec.preservesShape()) {
            try (var s = ctx.graph().scope("patch_embed")) {
                x = ReparamLargeKernelConv.largeKernel(spec.inChannels(), c, spec.stride()).emit(ctx, "0", x);
                x = Activation.GELU.apply(ctx.graph(), RepConv.mobileOne(c, c, 1, 1, 1, 1, false).emit(ctx, "1", x));
            }
        }
        x = tokenMixer(ctx, x, c);
        return mlp(ctx, x, c);
    }

    private static Value tokenMixer(ModelContext ctx, Value x, int c) {
        RepConv mixer = RepConv.mobileOne(c, c, 3, 1, c, 1, true);
        RepConv norm = new RepConv(c, c, 3, 1, c, List.of(), true);
        LayerScale scale = new LayerScale(c);
        try (var s = ctx.graph().scope("token_mixer")) {
            if (ctx.deploy()) {
                ConvKernel k = ConvKernel.identity(c, c, 3)
                        .plus(mixer.fused(ctx, "mixer").minus(norm.fused(ctx, "norm")).scaleOutputs(scale.values(ctx, "layer_scale")));
                try (var r = ctx.graph().scope("reparam")) {
                    return k.emit(ctx, 1, c, x);
                }
            }
            Value diff = ctx.graph().op(OnnxOp.SUB, List.of(mixer.emit(ctx, "mixer", x), norm.emit(ctx, "norm", x)));
            return Residual.add(ctx, x, scale.emit(ctx, "layer_scale", diff));
        }
    }

    private static Value mlp(ModelContext ctx, Value x, int c) {
        int hidden = c * MLP_RATIO;
        Conv2d fc2 = Conv2d.same(hidden, c, 1);
        LayerScale scale = new LayerScale(c);
        try (var s = ctx.graph().scope("mlp")) {
            Value y = ConvBn.of(c, c, 7).groups(c).emit(ctx, "conv", x);
            y = Activation.GELU.apply(ctx.graph(), Conv2d.same(c, hidden, 1).emit(ctx, "fc1", y));
            if (ctx.deploy()) {
                ConvKernel folded = fc2.kernel(ctx, "fc2").scaleOutputs(scale.values(ctx, "layer_scale"));
                try (var f = ctx.graph().scope("fc2")) {
                    y = folded.emit(ctx, 1, 1, y);
                }
            } else {
                y = scale.emit(ctx, "layer_scale", fc2.emit(ctx, "fc2", y));
            }
            return Residual.add(ctx, x, y);
        }
    }
}
