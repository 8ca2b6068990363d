package org.blockbench.zoo.layer;

import java.util.List;
import org.blockbench.onnx.Attribute;
import org.blockbench.onnx.FloatTensor;
import org.blockbench.onnx.GraphBuilder;
import org.blockbench.onnx.OnnxOp;
import org.blockbench.onnx.Value;
import org.blockbench.zoo.ModelContext;
import org.blockbench.zoo.ParameterRole;

/**
 * A 3×3 deformable convolution (torchvision {@code deform_conv2d} semantics, padding 1) in
 * standard ONNX ops. An offset conv ({@code offset}: in → 2·9, 3×3, pad 1, same stride)
 * predicts a (dy, dx) pair per kernel tap and output pixel, torchvision's layout. The nine
 * sampling grids are stacked into one GridSample (bilinear, zero outside, align_corners=1 so
 * that normalised ±1 are pixel centres), giving [N, in·9, Ho, Wo] columns that a 1×1 conv with
 * the deformable weight [out, in, 3, 3] reshaped to [out, in·9, 1, 1] reduces.
 */
public record DeformableConv2d(int in, int out, int stride) {

    private static final int K = 3;
    private static final int TAPS = K * K;
    private static final int PAD = 1;

    public Value emit(ModelContext ctx, String name, Value x, int height, int width) {
        GraphBuilder g = ctx.graph();
        int outH = (height + 2 * PAD - K) / stride + 1;
        int outW = (width + 2 * PAD - K) / stride + 1;
        try (var s = g.scope(name)) {
            Value offsets = new Conv2d(in, 2 * TAPS, K, stride, PAD, 1, true).emit(ctx, "offset", x);
            Value pairs = g.op(OnnxOp.RESHAPE, List.of(offsets, g.constant(0, TAPS, 2, outH, outW)));
            Value dxdy = g.op(OnnxOp.GATHER, List.of(pairs, g.constant(1, 0)), Attribute.integer("axis", 2));
            Value pixels = g.op(OnnxOp.ADD, List.of(dxdy, g.constant(basePositions(outH, outW))));
            float[] toUnit = {2f / Math.max(1, width - 1), 2f / Math.max(1, height - 1)};
            Value scaled = g.op(OnnxOp.MUL, List.of(pixels, g.constant(new FloatTensor(new long[] {1, 1, 2, 1, 1}, toUnit))));
            Value unit = g.op(OnnxOp.SUB, List.of(scaled, g.scalar(1f)));
            Value grid = g.op(OnnxOp.TRANSPOSE, List.of(unit), Attribute.ints("perm", 0, 1, 3, 4, 2));
            grid = g.op(OnnxOp.RESHAPE, List.of(grid, g.constant(0, (long) TAPS * outH, outW, 2)));
            Value sampled = g.op(OnnxOp.GRID_SAMPLE, List.of(x, grid), Attribute.integer("align_corners", 1),
                    Attribute.string("mode", "bilinear"), Attribute.string("padding_mode", "zeros"));
            Value columns = g.op(OnnxOp.RESHAPE, List.of(sampled, g.constant(0, (long) in * TAPS, outH, outW)));
            long fanIn = (long) in * TAPS;
            Value w = ctx.parameter("weight", ParameterRole.WEIGHT, fanIn, out, in, K, K);
            Value b = ctx.parameter("bias", ParameterRole.BIAS, fanIn, out);
            Value w1x1 = g.op(OnnxOp.RESHAPE, List.of(w, g.constant(out, fanIn, 1, 1)));
            return new Conv2d((int) fanIn, out, 1, 1, 0, 1, true).apply(g, columns, w1x1, b);
        }
    }

    /** (x, y) of each tap's undeformed sampling point: [1, 9, 2, Ho, Wo]. */
    private FloatTensor basePositions(int outH, int outW) {
        float[] base = new float[TAPS * 2 * outH * outW];
        for (int ky = 0; ky < K; ky++) {
            for (int kx = 0; kx < K; kx++) {
                int tap = ky * K + kx;
                for (int oy = 0; oy < outH; oy++) {
                    for (int ox = 0; ox < outW; ox++) {
                        base[((tap * 2) * outH + oy) * outW + ox] = ox * stride - PAD + kx;
                        base[((tap * 2 + 1) * outH + oy) * outW + ox] = oy * stride - PAD + ky;
                    }
                }
            }
        }
        return new FloatTensor(new long[] {1, TAPS, 2, outH, outW}, base);
    }
}
