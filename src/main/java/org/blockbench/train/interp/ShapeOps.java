package org.blockbench.train.interp;

import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.blockbench.onnx.NodeView;

/**
 * Shape and indexing operators. Shape-like inputs (Reshape's shape, Slice's starts/ends, Split's
 * sizes, axes) are int64 tensors read at run time, so shape sub-graphs such as
 * Shape → Gather → Concat → Reshape work as well as constants.
 */
final class ShapeOps {

    private ShapeOps() {
    }

    static List<OpSpec> specs() {
        return List.of(
                OpSpec.of("Reshape", ShapeOps::reshape).fixed(1),
                OpSpec.of("Flatten", ShapeOps::flatten),
                OpSpec.of("Transpose", ShapeOps::transpose),
                OpSpec.of("Concat", ShapeOps::concat),
                OpSpec.of("Slice", (n, c) -> ShapeOps::slice).fixed(1, 2, 3, 4),
                OpSpec.of("Gather", ShapeOps::gather).fixed(1),
                OpSpec.of("Split", ShapeOps::split).fixed(1).variadicOutputs(),
                OpSpec.of("Shape", ShapeOps::shape),
                OpSpec.of("Unsqueeze", (n, c) -> ShapeOps::unsqueeze).fixed(1),
                OpSpec.of("Squeeze", (n, c) -> ShapeOps::squeeze).fixed(1),
                OpSpec.of("Constant", ShapeOps::constant));
    }

    private static Kernel reshape(NodeView node, CompileContext c) {
        boolean allowZero = node.attrInt("allowzero", 0) != 0;
        return (in, training) -> {
            long[] target = TorchTensors.longs(in[1]);
            if (!allowZero) {
                for (int i = 0; i < target.length; i++) {
                    if (target[i] == 0) {
                        target[i] = in[0].size(i);
                    }
                }
            }
            return ElementwiseOps.one(in[0].reshape(target));
        };
    }

    private static Kernel flatten(NodeView node, CompileContext c) {
        long axis = node.attrInt("axis", 1);
        return (in, training) -> {
            long[] shape = TorchTensors.shape(in[0]);
            int a = (int) (axis < 0 ? axis + shape.length : axis);
            long outer = 1;
            long inner = 1;
            for (int i = 0; i < shape.length; i++) {
                if (i < a) {
                    outer *= shape[i];
                } else {
                    inner *= shape[i];
                }
            }
            return ElementwiseOps.one(in[0].reshape(outer, inner));
        };
    }

    private static Kernel transpose(NodeView node, CompileContext c) {
        long[] perm = node.attrInts("perm", null);
        return (in, training) -> {
            long[] p = perm;
            if (p == null) {
                p = new long[(int) in[0].dim()];
                for (int i = 0; i < p.length; i++) {
                    p[i] = p.length - 1 - i;
                }
            }
            return ElementwiseOps.one(in[0].permute(p));
        };
    }

    private static Kernel concat(NodeView node, CompileContext c) {
        long axis = node.attrInt("axis", Long.MIN_VALUE);
        if (axis == Long.MIN_VALUE) {
            throw Unsupported.at(node, "the axis attribute is required");
        }
        return (in, training) -> {
            TensorVector parts = new TensorVector(in);
            return ElementwiseOps.one(torch.cat(parts, axis));
        };
    }

    /** Slice (opset 13): starts, ends, optional axes and positive steps as inputs. */
    private static Tensor[] slice(Tensor[] in, boolean training) {
        Tensor x = in[0];
        long[] starts = TorchTensors.longs(in[1]);
        long[] ends = TorchTensors.longs(in[2]);
        long[] axes = in.length > 3 && in[3] != null ? TorchTensors.longs(in[3]) : null;
        long[] steps = in.length > 4 && in[4] != null ? TorchTensors.longs(in[4]) : null;
        long rank = x.dim();
        for (int i = 0; i < starts.length; i++) {
            long axis = axes == null ? i : axes[i];
            if (axis < 0) {
                axis += rank;
            }
            long step = steps == null ? 1 : steps[i];
            if (step == 0) {
                throw new ModelNotTrainableException("Slice: a step of 0 is not valid ONNX");
            }
            long dim = x.size(axis);
            if (step < 0) {
                x = reversedSlice(x, axis, starts[i], ends[i], step, dim);
                continue;
            }
            long start = clamp(starts[i] < 0 ? starts[i] + dim : starts[i], dim);
            long end = clamp(ends[i] < 0 ? ends[i] + dim : ends[i], dim);
            x = x.slice(axis, new LongOptional(start), new LongOptional(Math.max(start, end)), step);
        }
        return ElementwiseOps.one(x);
    }

    /**
     * A negative-step slice (Swin's relative positions flip with [::-1]) as ONNX defines it: start
     * clamped to [0, dim-1], end to [-1, dim-1], elements start, start+step, … while above end.
     */
    private static Tensor reversedSlice(Tensor x, long axis, long start, long end, long step, long dim) {
        long s = Math.max(0, Math.min(dim - 1, start < 0 ? start + dim : start));
        long e = Math.max(-1, Math.min(dim - 1, end < 0 ? (end == Long.MIN_VALUE ? -1 : end + dim) : end));
        List<Long> picked = new ArrayList<>();
        for (long i = s; i > e; i += step) {
            picked.add(i);
        }
        long[] idx = picked.stream().mapToLong(Long::longValue).toArray();
        return x.index_select(axis, TorchTensors.onDeviceOf(TorchTensors.fromLongs(idx, idx.length), x));
    }

    private static long clamp(long v, long dim) {
        return Math.max(0, Math.min(dim, v));
    }

    /** Gather along one axis with indices of any shape (negative indices count from the end). */
    private static Kernel gather(NodeView node, CompileContext c) {
        long axis = node.attrInt("axis", 0);
        return (in, training) -> {
            Tensor data = in[0];
            long rank = data.dim();
            long a = axis < 0 ? axis + rank : axis;
            long[] dataShape = TorchTensors.shape(data);
            long[] indexShape = TorchTensors.shape(in[1]);
            long[] idx = TorchTensors.longs(in[1]);
            for (int i = 0; i < idx.length; i++) {
                if (idx[i] < 0) {
                    idx[i] += dataShape[(int) a];
                }
            }
            Tensor flat = data.index_select(a, TorchTensors.onDeviceOf(TorchTensors.fromLongs(idx, idx.length), data));
            long[] out = new long[dataShape.length - 1 + indexShape.length];
            int k = 0;
            for (int i = 0; i < a; i++) {
                out[k++] = dataShape[i];
            }
            for (long d : indexShape) {
                out[k++] = d;
            }
            for (int i = (int) a + 1; i < dataShape.length; i++) {
                out[k++] = dataShape[i];
            }
            return ElementwiseOps.one(flat.reshape(out));
        };
    }

    /** Split (opset 13): sizes from the optional second input, else equal parts, one per output. */
    private static Kernel split(NodeView node, CompileContext c) {
        long axis = node.attrInt("axis", 0);
        int parts = node.outputCount();
        return (in, training) -> {
            Tensor x = in[0];
            long a = axis < 0 ? axis + x.dim() : axis;
            long[] sizes;
            if (in.length > 1 && in[1] != null) {
                sizes = TorchTensors.longs(in[1]);
            } else {
                long dim = x.size(a);
                if (dim % parts != 0) {
                    throw Unsupported.at(node, "cannot split dimension " + dim + " into " + parts + " equal parts");
                }
                sizes = SpatialOps.filled(parts, dim / parts);
            }
            TensorVector pieces = x.split_with_sizes(sizes, a);
            Tensor[] out = new Tensor[(int) pieces.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = pieces.get(i);
            }
            return out;
        };
    }

    /** Shape (opset 15, with optional start/end). */
    private static Kernel shape(NodeView node, CompileContext c) {
        long start = node.attrInt("start", 0);
        Long end = node.hasAttribute("end") ? node.attrInt("end", 0) : null;
        return (in, training) -> {
            long[] s = TorchTensors.shape(in[0]);
            int from = (int) clamp(start < 0 ? start + s.length : start, s.length);
            int to = end == null ? s.length : (int) clamp(end < 0 ? end + s.length : end, s.length);
            long[] part = Arrays.copyOfRange(s, from, Math.max(from, to));
            return ElementwiseOps.one(TorchTensors.fromLongs(part, part.length));
        };
    }

    private static Tensor[] unsqueeze(Tensor[] in, boolean training) {
        long[] axes = TorchTensors.longs(in[1]);
        long outRank = in[0].dim() + axes.length;
        long[] sorted = Arrays.stream(axes).map(a -> a < 0 ? a + outRank : a).sorted().toArray();
        Tensor x = in[0];
        for (long a : sorted) {
            x = x.unsqueeze(a);
        }
        return ElementwiseOps.one(x);
    }

    private static Tensor[] squeeze(Tensor[] in, boolean training) {
        Tensor x = in[0];
        if (in.length < 2 || in[1] == null) {
            return ElementwiseOps.one(x.squeeze());
        }
        long rank = x.dim();
        long[] axes = Arrays.stream(TorchTensors.longs(in[1])).map(a -> a < 0 ? a + rank : a).sorted().toArray();
        for (int i = axes.length - 1; i >= 0; i--) {
            x = x.squeeze(axes[i]);
        }
        return ElementwiseOps.one(x);
    }

    /** Constant: value (tensor), value_float(s), value_int(s); made once, owned by the graph. */
    private static Kernel constant(NodeView node, CompileContext c) {
        Tensor value;
        TensorProto t = node.attrTensor("value");
        if (t != null) {
            value = TorchTensors.fromProto(t, c.floatType(), node.describe());
        } else if (node.hasAttribute("value_float")) {
            value = TorchTensors.fromFloats(new float[] {node.attrFloat("value_float", 0)}).to(c.floatType());
        } else if (node.hasAttribute("value_floats")) {
            float[] v = node.attrFloats("value_floats");
            value = TorchTensors.fromFloats(v, v.length).to(c.floatType());
        } else if (node.hasAttribute("value_int")) {
            value = TorchTensors.fromLongs(new long[] {node.attrInt("value_int", 0)});
        } else if (node.hasAttribute("value_ints")) {
            long[] v = node.attrInts("value_ints", new long[0]);
            value = TorchTensors.fromLongs(v, v.length);
        } else {
            List<String> names = new ArrayList<>();
            node.proto().getAttributeList().forEach(a -> names.add(a.getName()));
            throw Unsupported.at(node, "expected a value, value_float(s) or value_int(s) attribute, found " + names);
        }
        Tensor owned = c.own(c.placed(value));
        return (in, training) -> ElementwiseOps.one(owned);
    }
}
