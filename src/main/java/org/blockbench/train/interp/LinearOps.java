package org.blockbench.train.interp;

import java.util.List;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.ScalarTypeOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;
import org.blockbench.onnx.NodeView;

/** Matrix products and reductions: Gemm, MatMul, Softmax, ReduceMean. */
final class LinearOps {

    private LinearOps() {
    }

    static List<OpSpec> specs() {
        return List.of(
                OpSpec.of("Gemm", LinearOps::gemm),
                OpSpec.of("MatMul", (n, c) -> (in, t) -> ElementwiseOps.one(torch.matmul(in[0], in[1]))),
                OpSpec.of("Softmax", LinearOps::softmax),
                OpSpec.of("ReduceMean", LinearOps::reduceMean));
    }

    /** Y = alpha * A' B' + beta * C; the common Linear form (transB=1, alpha=beta=1) runs as torch.linear. */
    private static Kernel gemm(NodeView node, CompileContext c) {
        boolean transA = node.attrInt("transA", 0) != 0;
        boolean transB = node.attrInt("transB", 0) != 0;
        double alpha = node.attrFloat("alpha", 1f);
        double beta = node.attrFloat("beta", 1f);
        Scalar alphaScalar = c.scalar(alpha);
        Scalar betaScalar = c.scalar(beta);
        return (in, training) -> {
            Tensor a = in[0];
            Tensor b = in[1];
            Tensor bias = in.length > 2 ? in[2] : null;
            if (!transA && transB && alpha == 1 && beta == 1 && (bias == null || bias.dim() <= 1)) {
                return ElementwiseOps.one(torch.linear(a, b, bias == null ? new TensorOptional() : new TensorOptional(bias)));
            }
            Tensor y = (transA ? a.t() : a).matmul(transB ? b.t() : b);
            if (alpha != 1) {
                y = y.mul(alphaScalar);
            }
            if (bias != null) {
                y = y.add(beta == 1 ? bias : bias.mul(betaScalar));
            }
            return ElementwiseOps.one(y);
        };
    }

    private static Kernel softmax(NodeView node, CompileContext c) {
        long axis = node.attrInt("axis", -1);
        return (in, training) -> ElementwiseOps.one(torch.softmax(in[0], axis));
    }

    /** ReduceMean with the axes attribute (opset 17 and earlier); no axes reduces everything. */
    private static Kernel reduceMean(NodeView node, CompileContext c) {
        if (node.inputCount() > 1) {
            throw Unsupported.at(node, "axes as an input (opset 18) is not supported; expected the axes attribute");
        }
        long[] axes = node.attrInts("axes", null);
        boolean keep = node.attrInt("keepdims", 1) != 0;
        return (in, training) -> {
            long[] dims = axes;
            if (dims == null) {
                dims = new long[(int) in[0].dim()];
                java.util.Arrays.setAll(dims, i -> i);
            }
            return ElementwiseOps.one(in[0].mean(dims, keep, new ScalarTypeOptional()));
        };
    }
}
