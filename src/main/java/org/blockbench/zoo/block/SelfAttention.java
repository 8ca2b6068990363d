package org.blockbench.zoo.block;

import java.util.List;
import org.blockbench.gwo.GwoAnnotation;
import org.blockbench.gwo.GwoOperation;
import org.blockbench.gwo.GwoPrimitive;
import org.blockbench.onnx.Attribute;
import org.blockbench.onnx.GraphBuilder;
import org.blockbench.onnx.OnnxOp;
import org.blockbench.onnx.Value;
import org.blockbench.zoo.Block;
import org.blockbench.zoo.BlockSpec;
import org.blockbench.zoo.ModelContext;
import org.blockbench.zoo.ParameterRole;
import org.blockbench.zoo.layer.AvgPool2x2;
import org.blockbench.zoo.layer.ConvBn;
import org.blockbench.zoo.layer.LayerNorm2d;

/**
 * Global multi-head self-attention over all H·W positions, pre-norm with a residual:
 * x + proj(softmax(q·kᵀ/√d)·v) on LayerNorm(x), head width 32. When the stage changes width
 * or stride, AvgPool 2×2 (strided) and a 1×1 conv+BN project first. The q/k/v and output
 * projections (weights stored [in, out] for MatMul) are the dynamic sub-networks of C_P.
 */
public final class SelfAttention implements Block {

    static final int HEAD_DIM = 32;

    @Override
    public String name() {
        return "SelfAttention";
    }

    @Override
    public String description() {
        return "global multi-head self-attention (head dim 32), pre-LayerNorm, residual; pool + 1x1 projection when resizing";
    }

    @Override
    public GwoAnnotation gwo() {
        return GwoAnnotation.of(new GwoOperation("attn", List.of(GwoPrimitive.GLOBAL_INDEXED, GwoPrimitive.FULL_ROW,
                GwoPrimitive.DYNAMIC_ATTENTION)), GwoOperation.skip("skip")).withDynamic("attn.qkv", "attn.proj");
    }

    @Override
    public Value emit(ModelContext ctx, Value x, BlockSpec spec) {
        GraphBuilder g = ctx.graph();
        int c = spec.outChannels();
        if (!spec.preservesShape()) {
            Value pooled = spec.stride() == 2 ? AvgPool2x2.apply(g, x) : x;
            x = ConvBn.of(spec.inChannels(), c, 1).emit(ctx, "proj_in", pooled);
        }
        long h = spec.outHeight();
        long w = spec.outWidth();
        long tokens = h * w;
        int heads = Math.max(1, c / HEAD_DIM);
        long headDim = c / heads;
        Value seq = g.op(OnnxOp.TRANSPOSE, List.of(g.op(OnnxOp.RESHAPE, List.of(x, g.constant(0, c, tokens)))),
                Attribute.ints("perm", 0, 2, 1));
        Value normed;
        try (var s = g.scope("norm")) {
            normed = new LayerNorm2d(c, 1e-5f).lastAxis(ctx, seq);
        }
        try (var s = g.scope("attn")) {
            Value qkv = linear(ctx, "qkv", normed, c, 3 * c);
            qkv = g.op(OnnxOp.RESHAPE, List.of(qkv, g.constant(0, tokens, 3, heads, headDim)));
            qkv = g.op(OnnxOp.TRANSPOSE, List.of(qkv), Attribute.ints("perm", 2, 0, 3, 1, 4));
            Value q = g.op(OnnxOp.GATHER, List.of(qkv, g.constantScalar(0)), Attribute.integer("axis", 0));
            Value k = g.op(OnnxOp.GATHER, List.of(qkv, g.constantScalar(1)), Attribute.integer("axis", 0));
            Value v = g.op(OnnxOp.GATHER, List.of(qkv, g.constantScalar(2)), Attribute.integer("axis", 0));
            Value kT = g.op(OnnxOp.TRANSPOSE, List.of(k), Attribute.ints("perm", 0, 1, 3, 2));
            Value scores = g.op(OnnxOp.MUL, List.of(g.op(OnnxOp.MAT_MUL, List.of(q, kT)),
                    g.scalar((float) (1.0 / Math.sqrt(headDim)))));
            Value weights = g.op(OnnxOp.SOFTMAX, List.of(scores), Attribute.integer("axis", -1));
            Value mixed = g.op(OnnxOp.MAT_MUL, List.of(weights, v));
            mixed = g.op(OnnxOp.TRANSPOSE, List.of(mixed), Attribute.ints("perm", 0, 2, 1, 3));
            mixed = g.op(OnnxOp.RESHAPE, List.of(mixed, g.constant(0, tokens, c)));
            Value out = linear(ctx, "proj", mixed, c, c);
            out = g.op(OnnxOp.TRANSPOSE, List.of(out), Attribute.ints("perm", 0, 2, 1));
            out = g.op(OnnxOp.RESHAPE, List.of(out, g.constant(0, c, h, w)));
            return Residual.add(ctx, x, out);
        }
    }

    /** Token-wise linear map: MatMul with weight [in, out] plus bias [out]. */
    private static Value linear(ModelContext ctx, String name, Value x, int in, int out) {
        try (var s = ctx.graph().scope(name)) {
            Value w = ctx.parameter("weight", ParameterRole.WEIGHT, in, in, out);
            Value b = ctx.parameter("bias", ParameterRole.BIAS, in, out);
            return ctx.graph().op(OnnxOp.ADD, List.of(ctx.graph().op(OnnxOp.MAT_MUL, List.of(x, w)), b));
        }
    }
}
