package org.blockbench.zoo.block;

import java.util.List;
import org.blockbench.gwo.GwoAnnotation;
import org.blockbench.gwo.GwoOperation;
import org.blockbench.onnx.Value;
import org.blockbench.zoo.Block;
import org.blockbench.zoo.BlockSpec;
import org.blockbench.zoo.ModelContext;
import org.blockbench.zoo.layer.Activation;
import org.blockbench.zoo.layer.RepConv;

/**
 * RepLK (FastViT's ReparamLargeKernelConv): grouped 7×7 conv+BN in parallel with a 3×3
 * conv+BN, groups = gcd(in, out) (depthwise when in == out), fused into one 7×7 at deploy;
 * GELU; no residual.
 */
public final class ReparamLargeKernelConv implements Block {

    @Override
    public String name() {
        return "ReparamLargeKernelConv";
    }

    @Override
    public String description() {
        return "RepLK: grouped/depthwise 7x7 + parallel 3x3 conv+BN, fused at deploy; GELU; no residual";
    }

    @Override
    public GwoAnnotation gwo() {
        return GwoAnnotation.of(GwoOperation.slidingConv("lkb"));
    }

    @Override
    public boolean reparameterised() {
        return true;
    }

    /** The 7×7 + 3×3 pair, groups gcd(in, out). */
    static RepConv largeKernel(int in, int out, int stride) {
        int groups = gcd(in, out);
        return new RepConv(in, out, 7, stride, groups,
                List.of(new RepConv.Branch("large_conv", 7), new RepConv.Branch("small_conv", 3)), false);
    }

    @Override
    public Value emit(ModelContext ctx, Value x, BlockSpec spec) {
        Value y = largeKernel(spec.inChannels(), spec.outChannels(), spec.stride()).emit(ctx, "lkb", x);
        return Activation.GELU.apply(ctx.graph(), y);
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
