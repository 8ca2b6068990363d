package org.blockbench.zoo.block;

import org.blockbench.gwo.GwoAnnotation;
import org.blockbench.gwo.GwoOperation;
import org.blockbench.onnx.Value;
import org.blockbench.zoo.Block;
import org.blockbench.zoo.BlockSpec;
import org.blockbench.zoo.ModelContext;
import org.blockbench.zoo.layer.Activation;
import org.blockbench.zoo.layer.ConvBn;
import org.blockbench.zoo.layer.ConvKernel;
import org.blockbench.zoo.layer.LayerScale;

/**
 * MobileNetV4 UIB in its inverted-bottleneck form (timm UniversalInvertedResidual with only
 * the middle depthwise conv): 1×1 expand ×4 (×6 late), dw 3×3, 1×1 project, ReLU, layer
 * scale 1e-5, identity skip when shapes match. Deploy form folds the layer scale into the
 * projection.
 */
public final class UniversalInvertedBottleneck implements Block {

    @Override
    public String name() {
        return "UniversalInvertedBottleneck";
    }

    @Override
    public String description() {
        return "MobileNetV4 UIB (IB form): 1x1 expand x4 (x6 late), dw 3x3 mid only, 1x1 project, ReLU, layer scale 1e-5";
    }

    @Override
    public GwoAnnotation gwo() {
        return GwoAnnotation.of(GwoOperation.pointwise("pw_exp"), GwoOperation.slidingConv("dw_mid"),
                GwoOperation.pointwise("pw_proj"), GwoOperation.skip("skip"));
    }

    @Override
    public Value emit(ModelContext ctx, Value x, BlockSpec spec) {
        int mid = spec.inChannels() * InvertedResidual.expansion(spec.position());
        Value y = Activation.RELU.apply(ctx.graph(), ConvBn.of(spec.inChannels(), mid, 1).emit(ctx, "pw_exp", x));
        y = Activation.RELU.apply(ctx.graph(),
                ConvBn.of(mid, mid, 3).stride(spec.stride()).groups(mid).emit(ctx, "dw_mid", y));
        ConvBn proj = ConvBn.of(mid, spec.outChannels(), 1);
        LayerScale scale = new LayerScale(spec.outChannels());
        if (ctx.deploy()) {
            ConvKernel folded = proj.fused(ctx, "pw_proj").scaleOutputs(scale.values(ctx, "layer_scale"));
            try (var s = ctx.graph().scope("pw_proj")) {
                y = folded.emit(ctx, 1, 1, y);
            }
        } else {
            y = scale.emit(ctx, "layer_scale", proj.emit(ctx, "pw_proj", y));
        }
        return spec.preservesShape() ? Residual.add(ctx, y, x) : y;
    }
}
