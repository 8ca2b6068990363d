package org.blockbench.train.interp;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;
import org.blockbench.onnx.NodeView;

/**
 * Convolution, pooling and sampling over 2-D feature maps (Conv also over 1-D). ONNX pads are
 * {@code [begin_1, begin_2, end_1, end_2]}; LibTorch pads symmetrically, so unequal begin and
 * end pads are applied as an explicit pad first.
 */
final class SpatialOps {

    private static final Set<String> AUTO_PADS = Set.of("NOTSET", "VALID", "SAME_UPPER", "SAME_LOWER");

    private SpatialOps() {
    }

    static List<OpSpec> specs() {
        return List.of(
                OpSpec.of("Conv", SpatialOps::conv),
                OpSpec.of("MaxPool", SpatialOps::maxPool),
                OpSpec.of("AveragePool", SpatialOps::averagePool),
                OpSpec.of("GlobalAveragePool", (n, c) -> (in, t) -> {
                    long[] dims = new long[(int) in[0].dim() - 2];
                    Arrays.setAll(dims, i -> i + 2);
                    return ElementwiseOps.one(in[0].mean(dims, true, new org.bytedeco.pytorch.ScalarTypeOptional()));
                }),
                OpSpec.of("GridSample", SpatialOps::gridSample),
                OpSpec.of("Pad", SpatialOps::pad).fixed(1, 2, 3));
    }

    /**
     * Pad (opset 13 inputs: pads [begin…, end…], optional constant value; opset 18's axes too),
     * constant mode only, which is what PyTorch's exporter writes for F.pad and DenseNet's pools.
     * Negative pads crop, as in ONNX.
     */
    private static Kernel pad(NodeView node, CompileContext c) {
        String mode = node.attrString("mode", "constant");
        if (!mode.equals("constant")) {
            throw Unsupported.at(node, "mode " + NodeView.quote(mode) + " is not supported; only constant");
        }
        return (in, training) -> {
            Tensor x = in[0];
            int rank = (int) x.dim();
            long[] pads = TorchTensors.longs(in[1]);
            long[] axes = in.length > 3 && in[3] != null ? TorchTensors.longs(in[3]) : null;
            int n = axes == null ? rank : axes.length;
            if (pads.length != 2 * n) {
                throw Unsupported.at(node, "pads has " + pads.length + " values for " + n + " axes");
            }
            long[] begin = new long[rank];
            long[] end = new long[rank];
            for (int i = 0; i < n; i++) {
                int axis = axes == null ? i : (int) (axes[i] < 0 ? axes[i] + rank : axes[i]);
                begin[axis] = pads[i];
                end[axis] = pads[i + n];
            }
            // torch lists (begin, end) pairs from the last dimension backwards
            long[] torchPads = new long[2 * rank];
            for (int d = 0; d < rank; d++) {
                torchPads[2 * d] = begin[rank - 1 - d];
                torchPads[2 * d + 1] = end[rank - 1 - d];
            }
            double value = in.length > 2 && in[2] != null ? in[2].item_double() : 0;
            return ElementwiseOps.one(torch.constant_pad_nd(x, torchPads, new Scalar(value)));
        };
    }

    /** Pads and strides of one windowed node, resolved against a concrete input size. */
    private record Window(long[] kernel, long[] strides, long[] dilations, long[] padBegin, long[] padEnd) {

        boolean symmetric() {
            return Arrays.equals(padBegin, padEnd);
        }

        /** torch pad order: last dimension first, (begin, end) pairs. */
        long[] torchPad() {
            int n = padBegin.length;
            long[] p = new long[2 * n];
            for (int i = 0; i < n; i++) {
                p[2 * i] = padBegin[n - 1 - i];
                p[2 * i + 1] = padEnd[n - 1 - i];
            }
            return p;
        }
    }

    /** Reads kernel_shape/strides/dilations/pads/auto_pad; SAME pads are resolved per input size. */
    private static final class WindowSpec {
        final NodeView node;
        final long[] kernel;
        final long[] strides;
        final long[] dilations;
        final long[] pads;
        final String autoPad;

        WindowSpec(NodeView node, long[] kernel, int spatial) {
            this.node = node;
            this.kernel = kernel;
            this.strides = node.attrInts("strides", filled(spatial, 1));
            this.dilations = node.attrInts("dilations", filled(spatial, 1));
            this.pads = node.attrInts("pads", filled(2 * spatial, 0));
            this.autoPad = Unsupported.oneOf(node, "auto_pad", node.attrString("auto_pad", "NOTSET"), AUTO_PADS);
            if (strides.length != spatial || dilations.length != spatial || pads.length != 2 * spatial) {
                throw Unsupported.at(node, "strides/dilations/pads lengths " + strides.length + "/" + dilations.length + "/"
                        + pads.length + " do not fit " + spatial + " spatial dimensions");
            }
        }

        Window resolve(Tensor x, long[] kernelShape) {
            int n = kernelShape.length;
            long[] begin = Arrays.copyOfRange(pads, 0, n);
            long[] end = Arrays.copyOfRange(pads, n, 2 * n);
            if (autoPad.equals("VALID")) {
                Arrays.fill(begin, 0);
                Arrays.fill(end, 0);
            } else if (autoPad.startsWith("SAME")) {
                for (int i = 0; i < n; i++) {
                    long in = x.size(i + 2);
                    long out = (in + strides[i] - 1) / strides[i];
                    long total = Math.max(0, (out - 1) * strides[i] + (kernelShape[i] - 1) * dilations[i] + 1 - in);
                    long small = total / 2;
                    begin[i] = autoPad.equals("SAME_UPPER") ? small : total - small;
                    end[i] = total - begin[i];
                }
            }
            return new Window(kernelShape, strides, dilations, begin, end);
        }
    }

    private static Kernel conv(NodeView node, CompileContext c) {
        long group = node.attrInt("group", 1);
        long[] declaredKernel = node.attrInts("kernel_shape", null);
        return (in, training) -> {
            Tensor x = in[0];
            Tensor w = in[1];
            int spatial = (int) w.dim() - 2;
            if (spatial != 1 && spatial != 2) {
                throw Unsupported.at(node, "only 1-D and 2-D convolutions are supported, weight has rank " + w.dim());
            }
            long[] kernel = Arrays.copyOfRange(TorchTensors.shape(w), 2, 2 + spatial);
            if (declaredKernel != null && !Arrays.equals(declaredKernel, kernel)) {
                throw Unsupported.at(node, "kernel_shape " + Arrays.toString(declaredKernel) + " differs from the weight's "
                        + Arrays.toString(kernel));
            }
            Window win = new WindowSpec(node, kernel, spatial).resolve(x, kernel);
            long[] padding = win.padBegin();
            if (!win.symmetric()) {
                x = torch.constant_pad_nd(x, win.torchPad());
                padding = filled(spatial, 0);
            }
            TensorOptional bias = in.length > 2 && in[2] != null ? new TensorOptional(in[2]) : new TensorOptional();
            Tensor y = spatial == 2
                    ? torch.conv2d(x, w, bias, win.strides(), padding, win.dilations(), group)
                    : torch.conv1d(x, w, bias, win.strides(), padding, win.dilations(), group);
            return ElementwiseOps.one(y);
        };
    }

    private static Kernel maxPool(NodeView node, CompileContext c) {
        if (node.outputCount() > 1 && !node.proto().getOutput(1).isEmpty()) {
            throw Unsupported.at(node, "the Indices output is not supported");
        }
        long[] kernel = requireKernel(node);
        WindowSpec spec = new WindowSpec(node, kernel, kernel.length);
        boolean ceil = node.attrInt("ceil_mode", 0) != 0;
        Scalar negInf = c.scalar(Double.NEGATIVE_INFINITY);
        return (in, training) -> {
            Tensor x = in[0];
            Window win = spec.resolve(x, kernel);
            long[] padding = win.padBegin();
            if (!win.symmetric() || !fitsTorchPad(win)) {
                x = torch.constant_pad_nd(x, win.torchPad(), negInf);
                padding = filled(kernel.length, 0);
            }
            return ElementwiseOps.one(torch.max_pool2d(x, kernel, win.strides(), padding, win.dilations(), ceil));
        };
    }

    private static Kernel averagePool(NodeView node, CompileContext c) {
        long[] kernel = requireKernel(node);
        WindowSpec spec = new WindowSpec(node, kernel, kernel.length);
        boolean ceil = node.attrInt("ceil_mode", 0) != 0;
        boolean countIncludePad = node.attrInt("count_include_pad", 0) != 0;
        return (in, training) -> {
            Tensor x = in[0];
            Window win = spec.resolve(x, kernel);
            long[] padding = win.padBegin();
            if (!win.symmetric() || !fitsTorchPad(win)) {
                if (!countIncludePad) {
                    throw Unsupported.at(node, "unequal or large pads " + Arrays.toString(spec.pads)
                            + " are supported only with count_include_pad=1");
                }
                x = torch.constant_pad_nd(x, win.torchPad());
                padding = filled(kernel.length, 0);
            }
            return ElementwiseOps.one(torch.avg_pool2d(x, kernel, win.strides(), padding, ceil, countIncludePad,
                    new LongOptional()));
        };
    }

    /** GridSample (opset 16): modes bilinear/nearest/bicubic, padding zeros/border/reflection. */
    private static Kernel gridSample(NodeView node, CompileContext c) {
        String mode = Unsupported.oneOf(node, "mode", node.attrString("mode", "bilinear"), Set.of("bilinear", "nearest", "bicubic"));
        String padding = Unsupported.oneOf(node, "padding_mode", node.attrString("padding_mode", "zeros"), Set.of("zeros", "border", "reflection"));
        long modeCode = switch (mode) {
            case "bilinear" -> 0;
            case "nearest" -> 1;
            default -> 2;
        };
        long paddingCode = switch (padding) {
            case "zeros" -> 0;
            case "border" -> 1;
            default -> 2;
        };
        boolean alignCorners = node.attrInt("align_corners", 0) != 0;
        return (in, training) -> ElementwiseOps.one(torch.grid_sampler(in[0], in[1], modeCode, paddingCode, alignCorners));
    }

    private static long[] requireKernel(NodeView node) {
        long[] kernel = node.attrInts("kernel_shape", null);
        if (kernel == null) {
            throw Unsupported.at(node, "kernel_shape is required");
        }
        if (kernel.length != 2) {
            throw Unsupported.at(node, "only 2-D pooling is supported, kernel_shape " + Arrays.toString(kernel));
        }
        return kernel;
    }

    /** LibTorch pooling accepts pads up to half the kernel. */
    private static boolean fitsTorchPad(Window win) {
        for (int i = 0; i < win.kernel().length; i++) {
            if (win.padBegin()[i] > win.kernel()[i] / 2) {
                return false;
            }
        }
        return true;
    }

    static long[] filled(int n, long value) {
        long[] a = new long[n];
        Arrays.fill(a, value);
        return a;
    }
}
