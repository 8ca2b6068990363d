package org.blockbench.zoo.block;

import java.util.List;
import org.blockbench.onnx.Attribute;
import org.blockbench.onnx.OnnxOp;
import org.blockbench.onnx.Value;
import org.blockbench.zoo.ModelContext;
import org.blockbench.zoo.layer.Activation;
import org.blockbench.zoo.layer.RepConv;

/**
 * GhostNetV3's ghost module (ratio 2): a re-parameterisable 1×1 primary conv to ceil(out/2)
 * channels, a re-parameterisable depthwise 3×3 "cheap operation" making as many again, both
 * with 3 conv branches (plus scale and identity-BN branches where shapes allow); the two are
 * concatenated and cut to {@code out} channels.
 */
record GhostModuleV3(int in, int out, boolean activate) {

    static final int CONV_BRANCHES = 3;

    Value emit(ModelContext ctx, String name, Value x) {
        int init = (out + 1) / 2;
        try (var s = ctx.graph().scope(name)) {
            Activation act = activate ? Activation.RELU : Activation.NONE;
            Value primary = act.apply(ctx.graph(),
                    RepConv.mobileOne(in, init, 1, 1, 1, CONV_BRANCHES, true).emit(ctx, "primary_conv", x));
            Value cheap = act.apply(ctx.graph(),
                    RepConv.mobileOne(init, init, 3, 1, init, CONV_BRANCHES, true).emit(ctx, "cheap_operation", primary));
            Value both = ctx.graph().op(OnnxOp.CONCAT, List.of(primary, cheap), Attribute.integer("axis", 1));
            if (2 * init == out) {
                return both;
            }
            var g = ctx.graph();
            return g.op(OnnxOp.SLICE, List.of(both, g.constant(0), g.constant(out), g.constant(1)));
        }
    }
}
