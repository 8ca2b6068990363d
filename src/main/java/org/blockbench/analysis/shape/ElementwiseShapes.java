package org.blockbench.analysis.shape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;
import org.blockbench.onnx.ConstantValue;
import org.blockbench.onnx.ElementType;

/**
 * Operators whose output has the shape of an input or of the broadcast of their inputs:
 * activations, normalisations, softmax, arithmetic, comparisons. Integer arithmetic on
 * constants (shape computations in exported graphs) is folded.
 */
final class ElementwiseShapes {

    private ElementwiseShapes() {
    }

    static void register(Map<String, ShapeRule> rules) {
        for (String op : List.of("Relu", "LeakyRelu", "Elu", "Selu", "Celu", "Clip", "HardSwish", "HardSigmoid",
                "Sigmoid", "Tanh", "Erf", "Gelu", "Softplus", "Softsign", "Mish", "Exp", "Log", "Reciprocal",
                "Softmax", "LogSoftmax", "Hardmax", "Sin", "Cos", "Round", "IsNaN", "IsInf", "Sign",
                "InstanceNormalization", "GroupNormalization", "LRN", "Not")) {
            rules.put(op, ElementwiseShapes::sameAsFirst);
        }
        rules.put("Neg", n -> unaryFold(n, v -> -v, v -> -v));
        rules.put("Abs", n -> unaryFold(n, Math::abs, Math::abs));
        rules.put("Floor", n -> unaryFold(n, v -> v, Math::floor));
        rules.put("Ceil", n -> unaryFold(n, v -> v, Math::ceil));
        rules.put("Sqrt", n -> unaryFold(n, null, Math::sqrt));
        rules.put("Identity", ElementwiseShapes::identity);
        rules.put("Dropout", ElementwiseShapes::dropout);
        rules.put("BatchNormalization", ElementwiseShapes::batchNorm);
        rules.put("LayerNormalization", ElementwiseShapes::layerNorm);
        rules.put("Add", n -> binary(n, Math::addExact, Double::sum));
        rules.put("Sub", n -> binary(n, Math::subtractExact, (a, b) -> a - b));
        rules.put("Mul", n -> binary(n, Math::multiplyExact, (a, b) -> a * b));
        rules.put("Div", n -> binary(n, (a, b) -> b == 0 ? 0 : a / b, (a, b) -> a / b));
        rules.put("Mod", n -> binary(n, (a, b) -> b == 0 ? 0 : Math.floorMod(a, b), (a, b) -> a % b));
        rules.put("Pow", n -> binary(n, null, Math::pow));
        rules.put("Max", n -> binary(n, Math::max, Math::max));
        rules.put("Min", n -> binary(n, Math::min, Math::min));
        rules.put("Sum", n -> binary(n, Math::addExact, Double::sum));
        rules.put("Mean", n -> binary(n, null, null));
        rules.put("PRelu", n -> binary(n, null, null));
        for (String op : List.of("Equal", "Less", "Greater", "LessOrEqual", "GreaterOrEqual", "And", "Or", "Xor")) {
            rules.put(op, ElementwiseShapes::comparison);
        }
        rules.put("Where", ElementwiseShapes::where);
    }

    static List<TensorInfo> sameAsFirst(ShapedNode n) {
        return List.of(TensorInfo.of(n.elementType(0), n.shape(0)));
    }

    private static List<TensorInfo> identity(ShapedNode n) {
        TensorInfo in = n.input(0);
        return List.of(new TensorInfo(in.elementType(), in.shape(), in.constant()));
    }

    private interface LongUnary {
        long apply(long v);
    }

    private interface DoubleUnary {
        double apply(double v);
    }

    private static List<TensorInfo> unaryFold(ShapedNode n, LongUnary ints, DoubleUnary reals) {
        ConstantValue c = n.constant(0);
        ConstantValue out = null;
        if (c != null) {
            if (c.integral() && ints != null) {
                long[] v = c.ints().clone();
                for (int i = 0; i < v.length; i++) {
                    v[i] = ints.apply(v[i]);
                }
                out = ConstantValue.ofInts(v);
            } else if (!c.integral()) {
                double[] v = c.reals().clone();
                for (int i = 0; i < v.length; i++) {
                    v[i] = reals.apply(v[i]);
                }
                out = ConstantValue.ofReals(v);
            }
        }
        return List.of(TensorInfo.constant(n.elementType(0), n.shape(0), out));
    }

    private static List<TensorInfo> dropout(ShapedNode n) {
        List<TensorInfo> out = new ArrayList<>();
        out.add(identity(n).get(0));
        if (n.outputCount() > 1) {
            out.add(TensorInfo.of(ElementType.BOOL, n.shape(0)));
        }
        return out;
    }

    private static List<TensorInfo> batchNorm(ShapedNode n) {
        long[] x = n.shape(0);
        if (x.length < 2) {
            throw n.mismatch("X must have rank >= 2 (N, C, ...)");
        }
        for (int i = 1; i <= 4; i++) {
            long[] p = n.shape(i);
            if (p.length != 1 || p[0] != x[1]) {
                throw n.mismatch("input " + i + " must have shape [" + x[1] + "] (channels of X)");
            }
        }
        List<TensorInfo> out = new ArrayList<>();
        out.add(TensorInfo.of(n.elementType(0), x));
        for (int i = 1; i < n.outputCount(); i++) {
            out.add(TensorInfo.of(n.elementType(3), x[1]));
        }
        return out;
    }

    private static List<TensorInfo> layerNorm(ShapedNode n) {
        long[] x = n.shape(0);
        int axis = n.axis(n.attrInt("axis", -1), x.length);
        long[] reduced = x.clone();
        for (int i = axis; i < x.length; i++) {
            reduced[i] = 1;
        }
        List<TensorInfo> out = new ArrayList<>();
        out.add(TensorInfo.of(n.elementType(0), x));
        int stash = (int) n.attrInt("stash_type", ElementType.FLOAT);
        for (int i = 1; i < n.outputCount(); i++) {
            out.add(TensorInfo.of(stash, reduced));
        }
        return out;
    }

    private static List<TensorInfo> comparison(ShapedNode n) {
        long[][] shapes = new long[n.inputCount()][];
        for (int i = 0; i < shapes.length; i++) {
            shapes[i] = n.shape(i);
        }
        long[] out = Shapes.broadcast(n, shapes);
        ConstantValue folded = null;
        ConstantValue a = n.constant(0);
        ConstantValue b = n.inputCount() > 1 ? n.constant(1) : null;
        if (a != null && b != null && n.opType().equals("Equal")) {
            long[] v = new long[(int) TensorInfo.elementCount(out)];
            for (int i = 0; i < v.length; i++) {
                v[i] = a.doubleAt(Shapes.broadcastIndex(out, shapes[0], i))
                        == b.doubleAt(Shapes.broadcastIndex(out, shapes[1], i)) ? 1 : 0;
            }
            folded = ConstantValue.ofInts(v);
        }
        return List.of(TensorInfo.constant(ElementType.BOOL, out, folded));
    }

    private static List<TensorInfo> where(ShapedNode n) {
        long[] out = Shapes.broadcast(n, n.shape(0), n.shape(1), n.shape(2));
        ConstantValue c = n.constant(0);
        ConstantValue x = n.constant(1);
        ConstantValue y = n.constant(2);
        ConstantValue folded = null;
        if (c != null && x != null && y != null && x.integral() == y.integral()) {
            int size = (int) TensorInfo.elementCount(out);
            long[] li = x.integral() ? new long[size] : null;
            double[] di = x.integral() ? null : new double[size];
            for (int i = 0; i < size; i++) {
                boolean pick = c.longAt(Shapes.broadcastIndex(out, n.shape(0), i)) != 0;
                ConstantValue src = pick ? x : y;
                int at = Shapes.broadcastIndex(out, n.shape(pick ? 1 : 2), i);
                if (li != null) {
                    li[i] = src.longAt(at);
                } else {
                    di[i] = src.doubleAt(at);
                }
            }
            folded = new ConstantValue(li, di);
        }
        return List.of(TensorInfo.constant(n.elementType(1), out, folded));
    }

    /** Broadcasting n-ary arithmetic; folds when every input is constant and of one kind. */
    private static List<TensorInfo> binary(ShapedNode n, LongBinaryOperator ints, DoubleBinaryOperator reals) {
        long[][] shapes = new long[n.inputCount()][];
        boolean allConstant = true;
        for (int i = 0; i < shapes.length; i++) {
            shapes[i] = n.shape(i);
            allConstant &= n.constant(i) != null;
        }
        long[] out = Shapes.broadcast(n, shapes);
        ConstantValue folded = null;
        long size = TensorInfo.elementCount(out);
        if (allConstant && size <= TensorInfo.MAX_FOLDED_ELEMENTS) {
            boolean integral = n.constant(0).integral();
            if (integral && ints != null) {
                long[] v = new long[(int) size];
                for (int i = 0; i < v.length; i++) {
                    long acc = n.constant(0).longAt(Shapes.broadcastIndex(out, shapes[0], i));
                    for (int k = 1; k < shapes.length; k++) {
                        acc = ints.applyAsLong(acc, n.constant(k).longAt(Shapes.broadcastIndex(out, shapes[k], i)));
                    }
                    v[i] = acc;
                }
                folded = ConstantValue.ofInts(v);
            } else if (!integral && reals != null) {
                double[] v = new double[(int) size];
                for (int i = 0; i < v.length; i++) {
                    double acc = n.constant(0).doubleAt(Shapes.broadcastIndex(out, shapes[0], i));
                    for (int k = 1; k < shapes.length; k++) {
                        acc = reals.applyAsDouble(acc, n.constant(k).doubleAt(Shapes.broadcastIndex(out, shapes[k], i)));
                    }
                    v[i] = acc;
                }
                folded = ConstantValue.ofReals(v);
            }
        }
        return List.of(TensorInfo.constant(n.elementType(0), out, folded));
    }
}
