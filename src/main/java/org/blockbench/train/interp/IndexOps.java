package org.blockbench.train.interp;

import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.List;
import org.blockbench.onnx.NodeView;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.TensorOptionalList;
import org.bytedeco.pytorch.TensorOptionalVector;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * The shape arithmetic, masks and indexing PyTorch's exporter emits for torchvision's
 * classifiers at opset 17 (ShuffleNet's channel split, the ViT class token and its
 * {@code expand}, Swin's shifted-window masks): Cast, ConstantOfShape, Equal, Not, Where, Mod,
 * Range, Expand, ScatterND, Einsum. Integer tensors are int64 throughout, as everywhere in the
 * interpreter, and are computed at run time, so these need no constant folding.
 */
final class IndexOps {

    private IndexOps() {
    }

    static List<OpSpec> specs() {
        return List.of(
                OpSpec.of("Cast", IndexOps::cast),
                OpSpec.of("ConstantOfShape", IndexOps::constantOfShape),
                OpSpec.of("Equal", (n, c) -> (in, t) -> ElementwiseOps.one(in[0].eq(in[1]))),
                OpSpec.of("Not", (n, c) -> (in, t) -> ElementwiseOps.one(in[0].logical_not())),
                OpSpec.of("Where", (n, c) -> (in, t) -> ElementwiseOps.one(torch.where(in[0], in[1], in[2]))),
                OpSpec.of("Mod", IndexOps::mod),
                OpSpec.of("Range", IndexOps::range).fixed(0, 1, 2),
                OpSpec.of("Expand", (n, c) -> IndexOps::expand).fixed(1),
                OpSpec.of("ScatterND", IndexOps::scatterNd),
                OpSpec.of("Einsum", IndexOps::einsum));
    }

    /** The interpreter's type for an ONNX element type: floats in the run's precision, integers int64, bool. */
    private static ScalarType torchType(NodeView node, int onnxType, CompileContext c) {
        TensorProto.DataType type = TensorProto.DataType.forNumber(onnxType);
        if (type == null) {
            throw Unsupported.at(node, "unknown element type " + onnxType);
        }
        return switch (type) {
            case FLOAT, DOUBLE, FLOAT16, BFLOAT16 -> c.floatType();
            case INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64 -> ScalarType.Long;
            case BOOL -> ScalarType.Bool;
            default -> throw Unsupported.at(node, "element type " + type + " is not supported");
        };
    }

    private static Kernel cast(NodeView node, CompileContext c) {
        ScalarType to = torchType(node, (int) node.attrInt("to", 0), c);
        return (in, training) -> ElementwiseOps.one(in[0].to(to));
    }

    /** ConstantOfShape: a tensor of the input's shape filled with the value attribute (float 0 by default). */
    private static Kernel constantOfShape(NodeView node, CompileContext c) {
        TensorProto value = node.attrTensor("value");
        ScalarType type = value == null ? c.floatType() : torchType(node, value.getDataType(), c);
        double fill;
        if (value == null) {
            fill = 0;
        } else {
            try (Tensor v = TorchTensors.fromProto(value, c.floatType(), node.describe())) {
                fill = v.item_double();
            }
        }
        Scalar scalar = c.scalar(fill);
        TensorOptions options = c.own(new TensorOptions(type));
        return (in, training) -> ElementwiseOps.one(torch.full(TorchTensors.longs(in[0]), scalar, options));
    }

    /** Mod: fmod=0 takes the divisor's sign (Python's %, torch.remainder), fmod=1 the dividend's (C's fmod). */
    private static Kernel mod(NodeView node, CompileContext c) {
        boolean fmod = node.attrInt("fmod", 0) != 0;
        return (in, training) -> ElementwiseOps.one(fmod ? in[0].fmod(in[1]) : torch.remainder(in[0], in[1]));
    }

    /** Range: start, limit, delta scalars; int64 when start is an integer, else the run's float type. */
    private static Kernel range(NodeView node, CompileContext c) {
        return (in, training) -> {
            boolean integer = !in[0].is_floating_point();
            Tensor r = torch.arange(new Scalar(in[0].item_double()), new Scalar(in[1].item_double()),
                    new Scalar(in[2].item_double()), new TensorOptions(integer ? ScalarType.Long : c.floatType()));
            return ElementwiseOps.one(r);
        };
    }

    /** Expand: NumPy broadcasting of the input against the given shape (either side may hold the 1s). */
    private static Tensor[] expand(Tensor[] in, boolean training) {
        long[] shape = TorchTensors.longs(in[1]);
        long[] have = TorchTensors.shape(in[0]);
        int rank = Math.max(shape.length, have.length);
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            long a = i - (rank - have.length) >= 0 ? have[i - (rank - have.length)] : 1;
            long b = i - (rank - shape.length) >= 0 ? shape[i - (rank - shape.length)] : 1;
            out[i] = a == 1 ? b : a;
        }
        return ElementwiseOps.one(in[0].expand(out));
    }

    /** ScatterND without reduction: a copy of data with data[indices[…, :]] = updates (differentiable in both). */
    private static Kernel scatterNd(NodeView node, CompileContext c) {
        if (!node.attrString("reduction", "none").equals("none")) {
            throw Unsupported.at(node, "reduction " + node.attrString("reduction", "none") + " is not supported; only none");
        }
        return (in, training) -> {
            Tensor indices = TorchTensors.onDeviceOf(in[1], in[0]);
            long k = indices.size(indices.dim() - 1);
            TensorOptionalVector index = new TensorOptionalVector();
            for (long j = 0; j < k; j++) {
                index.push_back(new TensorOptional(indices.select(indices.dim() - 1, j)));
            }
            return ElementwiseOps.one(in[0].index_put(new TensorOptionalList(index), in[2]));
        };
    }

    private static Kernel einsum(NodeView node, CompileContext c) {
        String equation = node.attrString("equation", "");
        if (equation.isEmpty()) {
            throw Unsupported.at(node, "the equation attribute is required");
        }
        return (in, training) -> ElementwiseOps.one(torch.einsum(equation, new TensorVector(in)));
    }
}
