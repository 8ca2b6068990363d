package org.blockbench.zoo.layer;

import java.util.List;
import org.blockbench.onnx.Attribute;
import org.blockbench.onnx.OnnxOp;
import org.blockbench.onnx.Value;
import org.blockbench.zoo.ModelContext;
import org.blockbench.zoo.ParameterRole;

/**
 * LayerNorm over the channel dimension of an NCHW tensor (timm's LayerNorm2d): transpose to
 * NHWC, LayerNormalization on the last axis, transpose back. Parameters {@code weight, bias}.
 */
public record LayerNorm2d(int channels, float epsilon) {

    /** timm's LayerNorm2d default epsilon. */
    public static LayerNorm2d of(int channels) {
        return new LayerNorm2d(channels, 1e-6f);
    }

    public Value emit(ModelContext ctx, String name, Value x) {
        try (var s = ctx.graph().scope(name)) {
            Value nhwc = ctx.graph().op(OnnxOp.TRANSPOSE, List.of(x), Attribute.ints("perm", 0, 2, 3, 1));
            Value normed = lastAxis(ctx, nhwc);
            return ctx.graph().op(OnnxOp.TRANSPOSE, List.of(normed), Attribute.ints("perm", 0, 3, 1, 2));
        }
    }

    /** LayerNormalization over the last axis in the current scope (for token-major tensors). */
    public Value lastAxis(ModelContext ctx, Value x) {
        Value w = ctx.parameter("weight", ParameterRole.NORM_SCALE, channels, channels);
        Value b = ctx.parameter("bias", ParameterRole.NORM_SHIFT, channels, channels);
        return ctx.graph().op(OnnxOp.LAYER_NORMALIZATION, List.of(x, w, b),
                Attribute.integer("axis", -1), Attribute.real("epsilon", epsilon));
    }
}
