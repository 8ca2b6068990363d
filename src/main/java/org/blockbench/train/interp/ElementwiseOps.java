package org.blockbench.train.interp;

import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.ScalarOptional;
import org.bytedeco.pytorch.StringViewOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.blockbench.onnx.NodeView;

/**
 * Element-wise operators. ONNX broadcasting is NumPy broadcasting, which is also LibTorch's,
 * so binary operators map one to one.
 */
final class ElementwiseOps {

    private ElementwiseOps() {
    }

    static List<OpSpec> specs() {
        return List.of(
                OpSpec.of("Add", (n, c) -> (in, t) -> one(in[0].add(in[1]))),
                OpSpec.of("Sub", (n, c) -> (in, t) -> one(in[0].sub(in[1]))),
                OpSpec.of("Mul", (n, c) -> (in, t) -> one(in[0].mul(in[1]))),
                OpSpec.of("Div", ElementwiseOps::div),
                OpSpec.of("Pow", (n, c) -> (in, t) -> one(in[0].pow(in[1]))).fixed(1),
                OpSpec.of("Relu", (n, c) -> (in, t) -> one(torch.relu(in[0]))),
                OpSpec.of("Sigmoid", (n, c) -> (in, t) -> one(torch.sigmoid(in[0]))),
                OpSpec.of("Tanh", (n, c) -> (in, t) -> one(torch.tanh(in[0]))),
                OpSpec.of("Erf", (n, c) -> (in, t) -> one(torch.erf(in[0]))),
                OpSpec.of("Sqrt", (n, c) -> (in, t) -> one(in[0].sqrt())),
                OpSpec.of("Neg", (n, c) -> (in, t) -> one(in[0].neg())),
                // ONNX HardSwish = x * max(0, min(1, x/6 + 1/2)): exactly torch's hardswish
                OpSpec.of("HardSwish", (n, c) -> (in, t) -> one(torch.hardswish(in[0]))),
                OpSpec.of("HardSigmoid", ElementwiseOps::hardSigmoid),
                OpSpec.of("LeakyRelu", ElementwiseOps::leakyRelu),
                OpSpec.of("Clip", (n, c) -> ElementwiseOps::clip).fixed(1, 2),
                OpSpec.of("Identity", (n, c) -> (in, t) -> one(in[0])),
                OpSpec.of("Dropout", ElementwiseOps::dropout).fixed(1, 2));
    }

    static Tensor[] one(Tensor t) {
        return new Tensor[] {t};
    }

    /** Div; on integers (the exporter's shape arithmetic) ONNX truncates, where torch's div would give floats. */
    private static Kernel div(NodeView node, CompileContext c) {
        // the view points into the BytePointer, which must live as long as the graph
        StringViewOptional trunc = c.own(new StringViewOptional(c.own(new BytePointer("trunc"))));
        return (in, t) -> one(in[0].is_floating_point() || in[1].is_floating_point() ? in[0].div(in[1])
                : in[0].div(in[1], trunc));
    }

    /** ONNX HardSigmoid: max(0, min(1, alpha*x + beta)), alpha 0.2 and beta 0.5 by default (torch's differ). */
    private static Kernel hardSigmoid(NodeView node, CompileContext c) {
        Scalar alpha = c.scalar(node.attrFloat("alpha", 0.2f));
        Scalar beta = c.scalar(node.attrFloat("beta", 0.5f));
        ScalarOptional zero = c.own(new ScalarOptional(c.scalar(0)));
        ScalarOptional oneBound = c.own(new ScalarOptional(c.scalar(1)));
        return (in, t) -> one(in[0].mul(alpha).add(beta).clamp(zero, oneBound));
    }

    private static Kernel leakyRelu(NodeView node, CompileContext c) {
        Scalar alpha = c.scalar(node.attrFloat("alpha", 0.01f));
        return (in, t) -> one(torch.leaky_relu(in[0], alpha));
    }

    /** Clip (opset 11+): optional min and max inputs, read as scalars. */
    private static Tensor[] clip(Tensor[] in, boolean training) {
        ScalarOptional lo = in.length > 1 && in[1] != null ? new ScalarOptional(new Scalar(in[1].item_double())) : new ScalarOptional();
        ScalarOptional hi = in.length > 2 && in[2] != null ? new ScalarOptional(new Scalar(in[2].item_double())) : new ScalarOptional();
        return one(in[0].clamp(lo, hi));
    }

    /**
     * Dropout with the ratio input (0.5 by default). Like a PyTorch module, it drops in
     * training mode and is the identity in eval mode. The mask output is not computed: PyTorch's
     * exporter declares it without using it (Swin's attention dropout), and a graph that reads it
     * fails at compile time (TorchGraph's check of extra outputs).
     */
    private static Kernel dropout(NodeView node, CompileContext c) {
        return (in, training) -> {
            double ratio = in.length > 1 && in[1] != null ? in[1].item_double() : 0.5;
            return one(training ? torch.dropout(in[0], ratio, true) : in[0]);
        };
    }
}
