package org.blockbench.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.blockbench.analysis.shape.EinsumEquation;
import org.blockbench.analysis.shape.ShapedNode;
import org.blockbench.analysis.shape.ShapeInference;
import org.blockbench.analysis.shape.TensorInfo;

/**
 * MACs and all-operator FLOPs of one node from its input and output shapes, by the rules of
 * {@link Conventions#MACS} and {@link Conventions#FLOPS}. Every operator that shape inference
 * supports has a rule here (a test keeps the two tables equal).
 */
final class OpCosts {

    /** MACs and all-operator FLOPs of one node. */
    record Cost(long macs, long flops) {
    }

    private interface Rule {
        Cost cost(ShapedNode n, List<TensorInfo> outs);
    }

    private static final Map<String, Rule> RULES = rules();

    private OpCosts() {
    }

    /** The cost of a default-domain node, or null when no rule exists for its operator. */
    static Cost of(ShapedNode n, List<TensorInfo> outs) {
        Rule r = RULES.get(n.opType());
        return r == null ? null : r.cost(n, outs);
    }

    static SortedSet<String> supported() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(RULES.keySet()));
    }

    private static Map<String, Rule> rules() {
        Map<String, Rule> m = new HashMap<>();
        m.put("Conv", OpCosts::conv);
        m.put("ConvTranspose", OpCosts::convTranspose);
        m.put("Gemm", OpCosts::gemm);
        m.put("MatMul", OpCosts::matMul);
        m.put("Einsum", OpCosts::einsum);
        perOutput(m, 1, "Relu", "Add", "Sub", "Mul", "Div", "Pow", "Max", "Min", "Mod", "Sqrt", "Exp", "Log",
                "Reciprocal", "Neg", "Abs", "Floor", "Ceil", "Round", "Sign", "Not", "IsNaN", "IsInf", "Sin", "Cos",
                "Equal", "Less", "Greater", "LessOrEqual", "GreaterOrEqual", "And", "Or", "Xor", "Where", "Hardmax",
                "MaxPool", "GlobalMaxPool");
        perOutput(m, 2, "Clip", "LeakyRelu", "PRelu", "BatchNormalization");
        // x / scale + zero point, and (q - zero point) x scale: docs/protocol.md §Integer MACs
        perOutput(m, 2, "QuantizeLinear", "DequantizeLinear");
        perOutput(m, 3, "Softmax", "LogSoftmax", "Softplus", "Softsign", "Elu");
        perOutput(m, 4, "Sigmoid", "HardSigmoid", "Selu", "Celu");
        perOutput(m, 5, "Tanh", "Erf", "HardSwish");
        perOutput(m, 9, "Gelu", "Mish");
        perOutput(m, 0, "Reshape", "Flatten", "Transpose", "Squeeze", "Unsqueeze", "Concat", "Split", "Slice",
                "Gather", "Pad", "Expand", "Tile", "Identity", "Dropout", "Shape", "Size", "Constant",
                "ConstantOfShape", "Range", "Cast", "CastLike");
        m.put("Sum", OpCosts::nary);
        m.put("Mean", (n, outs) -> new Cost(0, Math.addExact(nary(n, outs).flops(), outs.get(0).elements())));
        m.put("LayerNormalization", (n, outs) -> norm(n, outs, 1));
        m.put("InstanceNormalization", (n, outs) -> norm(n, outs, 1));
        m.put("GroupNormalization", (n, outs) -> norm(n, outs, 1));
        m.put("LRN", (n, outs) -> new Cost(0, Math.multiplyExact(Math.addExact(n.attrInt("size", 1), 3),
                outs.get(0).elements())));
        m.put("AveragePool", OpCosts::averagePool);
        m.put("LpPool", (n, outs) -> new Cost(0, Math.multiplyExact(
                Math.addExact(Math.multiplyExact(2, kernelArea(n)), 1), outs.get(0).elements())));
        m.put("GlobalAveragePool", (n, outs) -> new Cost(0, n.input(0).elements() + outs.get(0).elements()));
        m.put("ReduceMean", (n, outs) -> reduce(n, outs, 1, 1));
        m.put("ReduceSum", (n, outs) -> reduce(n, outs, 1, 0));
        m.put("ReduceMax", (n, outs) -> reduce(n, outs, 1, 0));
        m.put("ReduceMin", (n, outs) -> reduce(n, outs, 1, 0));
        m.put("ReduceProd", (n, outs) -> reduce(n, outs, 1, 0));
        m.put("ReduceL1", (n, outs) -> reduce(n, outs, 2, 0));
        m.put("ReduceL2", (n, outs) -> reduce(n, outs, 2, 1));
        m.put("ReduceSumSquare", (n, outs) -> reduce(n, outs, 2, 0));
        m.put("ReduceLogSum", (n, outs) -> reduce(n, outs, 1, 1));
        m.put("ReduceLogSumExp", (n, outs) -> reduce(n, outs, 2, 1));
        m.put("ArgMax", (n, outs) -> reduce(n, outs, 1, 0));
        m.put("ArgMin", (n, outs) -> reduce(n, outs, 1, 0));
        m.put("Resize", OpCosts::resize);
        m.put("Upsample", OpCosts::resize);
        m.put("GridSample", OpCosts::gridSample);
        if (!m.keySet().containsAll(ShapeInference.REDUCTION_OPS)) {
            throw new IllegalStateException("a reduction operator lacks a cost rule");
        }
        return m;
    }

    private static void perOutput(Map<String, Rule> m, long perElement, String... ops) {
        for (String op : ops) {
            m.put(op, (n, outs) -> new Cost(0, Math.multiplyExact(perElement, outs.get(0).elements())));
        }
    }

    /** Multiplies and adds counted separately: MACs multiplies, MACs - outputs adds, plus a bias add per output. */
    private static long matrixFlops(long macs, long outputs, boolean bias) {
        return Math.addExact(Math.addExact(macs, Math.max(0, macs - outputs)), bias ? outputs : 0);
    }

    private static Cost conv(ShapedNode n, List<TensorInfo> outs) {
        long[] w = n.shape(1);
        long[] y = outs.get(0).shape();
        long macs = Math.multiplyExact(Math.multiplyExact(y[0], prod(y, 2)), prod(w, 0));
        long outputs = outs.get(0).elements();
        return new Cost(macs, matrixFlops(macs, outputs, n.hasInput(2)));
    }

    private static Cost convTranspose(ShapedNode n, List<TensorInfo> outs) {
        long[] x = n.shape(0);
        long[] w = n.shape(1);
        long macs = Math.multiplyExact(Math.multiplyExact(x[0], prod(x, 2)), prod(w, 0));
        return new Cost(macs, matrixFlops(macs, outs.get(0).elements(), n.hasInput(2)));
    }

    private static Cost gemm(ShapedNode n, List<TensorInfo> outs) {
        long[] a = n.shape(0);
        long k = n.attrInt("transA", 0) != 0 ? a[0] : a[1];
        long outputs = outs.get(0).elements();
        long macs = Math.multiplyExact(outputs, k);
        long flops = matrixFlops(macs, outputs, n.hasInput(2));
        if (n.attrFloat("alpha", 1f) != 1f) {
            flops += outputs;
        }
        if (n.hasInput(2) && n.attrFloat("beta", 1f) != 1f) {
            flops += outputs;
        }
        return new Cost(macs, flops);
    }

    private static Cost matMul(ShapedNode n, List<TensorInfo> outs) {
        long[] a = n.shape(0);
        long outputs = outs.get(0).elements();
        long macs = Math.multiplyExact(outputs, a[a.length - 1]);
        return new Cost(macs, matrixFlops(macs, outputs, false));
    }

    private static Cost einsum(ShapedNode n, List<TensorInfo> outs) {
        List<long[]> shapes = new ArrayList<>();
        for (int i = 0; i < n.inputCount(); i++) {
            shapes.add(n.shape(i));
        }
        long space = EinsumEquation.bind(n, n.attrString("equation", ""), shapes).indexSpaceSize();
        long outputs = outs.get(0).elements();
        if (shapes.size() == 1) {
            return new Cost(0, Math.max(0, n.input(0).elements() - outputs));
        }
        long macs = Math.multiplyExact(space, shapes.size() - 1);
        return new Cost(macs, matrixFlops(macs, outputs, false));
    }

    private static Cost nary(ShapedNode n, List<TensorInfo> outs) {
        return new Cost(0, Math.multiplyExact(Math.max(1, n.inputCount() - 1), outs.get(0).elements()));
    }

    private static Cost norm(ShapedNode n, List<TensorInfo> outs, int scaleSlot) {
        long perElement = 5 + (n.hasInput(scaleSlot) ? 1 : 0) + (n.hasInput(scaleSlot + 1) ? 1 : 0);
        return new Cost(0, Math.multiplyExact(perElement, outs.get(0).elements()));
    }

    private static Cost averagePool(ShapedNode n, List<TensorInfo> outs) {
        return new Cost(0, Math.multiplyExact(Math.addExact(kernelArea(n), 1), outs.get(0).elements()));
    }

    private static long kernelArea(ShapedNode n) {
        return prod(n.attrInts("kernel_shape", new long[0]), 0);
    }

    private static Cost reduce(ShapedNode n, List<TensorInfo> outs, long perInput, long perOutput) {
        return new Cost(0, Math.addExact(Math.multiplyExact(perInput, n.input(0).elements()),
                Math.multiplyExact(perOutput, outs.get(0).elements())));
    }

    private static Cost resize(ShapedNode n, List<TensorInfo> outs) {
        String mode = n.attrString("mode", "nearest");
        long[] in = n.shape(0);
        long[] out = outs.get(0).shape();
        int resized = 0;
        for (int i = 0; i < in.length; i++) {
            resized += in[i] != out[i] ? 1 : 0;
        }
        return new Cost(0, interpolation(mode, resized, outs.get(0).elements()));
    }

    private static Cost gridSample(ShapedNode n, List<TensorInfo> outs) {
        String mode = n.attrString("mode", n.opset() >= 20 ? "linear" : "bilinear");
        return new Cost(0, interpolation(mode, n.rank(0) - 2, outs.get(0).elements()));
    }

    /** Per output: nearest 0, (bi/tri)linear 2*2^d - 1, (bi)cubic 2*4^d - 1 over d interpolated axes. */
    private static long interpolation(String mode, int axes, long outputs) {
        long taps = switch (mode) {
            case "nearest" -> 0;
            case "linear", "bilinear" -> 1L << axes;
            default -> 1L << (2 * axes);
        };
        return taps == 0 ? 0 : Math.multiplyExact(2 * taps - 1, outputs);
    }

    private static long prod(long[] shape, int from) {
        long p = 1;
        for (int i = from; i < shape.length; i++) {
            p = Math.multiplyExact(p, shape[i]);
        }
        return p;
    }
}
