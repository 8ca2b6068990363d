package org.blockbench.zoo.layer;

import java.util.List;
import org.blockbench.onnx.OnnxOp;
import org.blockbench.onnx.Value;
import org.blockbench.zoo.ModelContext;
import org.blockbench.zoo.ParameterRole;

/** Per-channel scale γ (timm LayerScale2d), parameter {@code gamma} of shape [C, 1, 1]. */
public record LayerScale(int channels) {

    public Value emit(ModelContext ctx, String name, Value x) {
        try (var s = ctx.graph().scope(name)) {
            Value gamma = ctx.parameter("gamma", ParameterRole.LAYER_SCALE, channels, channels, 1, 1);
            return ctx.graph().op(OnnxOp.MUL, List.of(x, gamma));
        }
    }

    /** γ's values, for folding into the conv before it. */
    public float[] values(ModelContext ctx, String name) {
        try (var s = ctx.graph().scope(name)) {
            return ctx.value("gamma", ParameterRole.LAYER_SCALE, channels, channels, 1, 1).data();
        }
    }
}
