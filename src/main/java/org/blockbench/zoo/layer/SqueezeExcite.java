package org.blockbench.zoo.layer;

import java.util.List;
import org.blockbench.onnx.OnnxOp;
import org.blockbench.onnx.Value;
import org.blockbench.zoo.ModelContext;

/**
 * Squeeze-and-excitation: global average pool, 1×1 reduce (bias), ReLU, 1×1 expand (bias),
 * gate, channel-wise multiply. Parameters {@code conv_reduce.*}, {@code conv_expand.*}.
 */
public record SqueezeExcite(int channels, int reduced, Activation gate) {

    public Value emit(ModelContext ctx, String name, Value x) {
        try (var s = ctx.graph().scope(name)) {
            Value pooled = ctx.graph().op(OnnxOp.GLOBAL_AVERAGE_POOL, List.of(x));
            Value r = Conv2d.same(channels, reduced, 1).emit(ctx, "conv_reduce", pooled);
            r = Activation.RELU.apply(ctx.graph(), r);
            Value e = Conv2d.same(reduced, channels, 1).emit(ctx, "conv_expand", r);
            return ctx.graph().op(OnnxOp.MUL, List.of(x, gate.apply(ctx.graph(), e)));
        }
    }
}
