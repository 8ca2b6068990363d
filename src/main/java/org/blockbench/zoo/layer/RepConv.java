package org.blockbench.zoo.layer;

import java.util.List;
import org.blockbench.onnx.OnnxOp;
import org.blockbench.onnx.Value;
import org.blockbench.zoo.ModelContext;

/**
 * A re-parameterisable convolution (RepVGG / MobileOne / RepLK / GhostNetV3 style): at train
 * time the sum of parallel conv+BN branches of various kernel sizes and, when input and
 * output shapes match, an identity branch that is a lone BatchNormalization; at deploy time
 * one k×k conv whose kernel is the sum of the folded, centred branch kernels.
 *
 * @param in       input channels
 * @param out      output channels
 * @param kernel   deploy kernel size (the largest branch's)
 * @param stride   stride of every branch
 * @param groups   groups of every branch
 * @param branches conv+BN branches, each with its own scope name and kernel size
 * @param identity whether the identity-BN branch is present (requires in == out, stride 1)
 */
public record RepConv(int in, int out, int kernel, int stride, int groups, List<Branch> branches, boolean identity) {

    /** One conv+BN branch. */
    public record Branch(String name, int kernel) {
    }

    public RepConv {
        branches = List.copyOf(branches);
        if (identity && (in != out || stride != 1)) {
            throw new IllegalArgumentException("identity branch needs in == out and stride 1");
        }
        for (Branch b : branches) {
            if (b.kernel() > kernel) {
                throw new IllegalArgumentException("branch " + b + " is larger than the deploy kernel " + kernel);
            }
        }
    }

    /**
     * MobileOne's block: {@code convBranches} k×k branches ({@code conv_kxk.i}), a 1×1 scale
     * branch ({@code conv_scale}, when k > 1 and wanted) and the identity BN when shapes allow.
     */
    public static RepConv mobileOne(int in, int out, int k, int stride, int groups, int convBranches, boolean scaleBranch) {
        List<Branch> branches = new java.util.ArrayList<>();
        for (int i = 0; i < convBranches; i++) {
            branches.add(new Branch("conv_kxk." + i, k));
        }
        if (scaleBranch && k > 1) {
            branches.add(new Branch("conv_scale", 1));
        }
        return new RepConv(in, out, k, stride, groups, branches, in == out && stride == 1);
    }

    public Value emit(ModelContext ctx, String name, Value x) {
        try (var s = ctx.graph().scope(name)) {
            if (ctx.deploy()) {
                return fusedInScope(ctx).emit(ctx, stride, groups, x);
            }
            Value sum = null;
            for (Branch b : branches) {
                Value y = branchConv(b).emit(ctx, b.name(), x);
                sum = sum == null ? y : ctx.graph().op(OnnxOp.ADD, List.of(sum, y));
            }
            if (identity) {
                Value y;
                try (var id = ctx.graph().scope("identity")) {
                    y = BatchNorm.emit(ctx, x, in);
                }
                sum = sum == null ? y : ctx.graph().op(OnnxOp.ADD, List.of(sum, y));
            }
            return sum;
        }
    }

    /** The single deploy kernel, from the values under scope {@code name}. */
    public ConvKernel fused(ModelContext ctx, String name) {
        try (var s = ctx.graph().scope(name)) {
            return fusedInScope(ctx);
        }
    }

    private ConvKernel fusedInScope(ModelContext ctx) {
        ConvKernel sum = null;
        for (Branch b : branches) {
            ConvKernel k = branchConv(b).fused(ctx, b.name()).padTo(kernel);
            sum = sum == null ? k : sum.plus(k);
        }
        if (identity) {
            ConvKernel id;
            try (var scope = ctx.graph().scope("identity")) {
                ConvKernel unit = ConvKernel.identity(in, groups, kernel);
                id = ConvKernel.foldBatchNorm(unit.weight(), null, BatchNorm.values(ctx, in));
            }
            sum = sum == null ? id : sum.plus(id);
        }
        if (sum == null) {
            throw new IllegalStateException("re-parameterisable conv with no branches");
        }
        return sum;
    }

    private ConvBn branchConv(Branch b) {
        return ConvBn.of(in, out, b.kernel()).stride(stride).groups(groups);
    }
}
