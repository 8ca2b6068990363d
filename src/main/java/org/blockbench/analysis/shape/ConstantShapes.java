package org.blockbench.analysis.shape;

import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.blockbench.onnx.ConstantValue;
import org.blockbench.onnx.ElementType;
import org.blockbench.onnx.TensorProtos;

/** Operators that make values known before the graph runs: Constant, Shape, Size, ConstantOfShape, Range, Cast. */
final class ConstantShapes {

    private ConstantShapes() {
    }

    static void register(Map<String, ShapeRule> rules) {
        rules.put("Constant", ConstantShapes::constant);
        rules.put("Shape", ConstantShapes::shape);
        rules.put("Size", n -> List.of(TensorInfo.constant(ElementType.INT64, new long[0],
                ConstantValue.ofInts(n.input(0).elements()))));
        rules.put("ConstantOfShape", ConstantShapes::constantOfShape);
        rules.put("Range", ConstantShapes::range);
        rules.put("Cast", n -> cast(n, (int) n.attrInt("to", 0)));
        rules.put("CastLike", n -> cast(n, n.elementType(1)));
    }

    private static List<TensorInfo> constant(ShapedNode n) {
        TensorProto t = n.attrTensor("value");
        if (t != null) {
            return List.of(TensorInfo.constant(t.getDataType(), TensorProtos.shape(t),
                    TensorProtos.elements(t) <= TensorInfo.MAX_FOLDED_ELEMENTS ? TensorProtos.decode(t) : null));
        }
        if (n.hasAttribute("value_int")) {
            return List.of(TensorInfo.constant(ElementType.INT64, new long[0], ConstantValue.ofInts(n.attrInt("value_int", 0))));
        }
        if (n.hasAttribute("value_ints")) {
            long[] v = n.attrInts("value_ints", null);
            return List.of(TensorInfo.constant(ElementType.INT64, new long[] {v.length}, ConstantValue.ofInts(v)));
        }
        if (n.hasAttribute("value_float")) {
            return List.of(TensorInfo.constant(ElementType.FLOAT, new long[0],
                    ConstantValue.ofReals(n.attrFloat("value_float", 0))));
        }
        if (n.hasAttribute("value_floats")) {
            float[] f = n.attrFloats("value_floats");
            double[] d = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                d[i] = f[i];
            }
            return List.of(TensorInfo.constant(ElementType.FLOAT, new long[] {f.length}, ConstantValue.ofReals(d)));
        }
        throw n.fail("has none of the value attributes this analyser reads (value, value_int(s), value_float(s));"
                + " found " + n.proto().getAttributeList().stream().map(a -> a.getName()).toList());
    }

    private static List<TensorInfo> shape(ShapedNode n) {
        long[] in = n.shape(0);
        int r = in.length;
        long start = n.attrInt("start", 0);
        long end = n.attrInt("end", r);
        int s = (int) Math.max(0, Math.min(r, start < 0 ? start + r : start));
        int e = (int) Math.max(0, Math.min(r, end < 0 ? end + r : end));
        long[] v = Arrays.copyOfRange(in, s, Math.max(s, e));
        return List.of(TensorInfo.constant(ElementType.INT64, new long[] {v.length}, ConstantValue.ofInts(v)));
    }

    private static List<TensorInfo> constantOfShape(ShapedNode n) {
        long[] shape = n.requireConstant(0, "the shape").asLongs();
        TensorProto t = n.attrTensor("value");
        int type = t == null ? ElementType.FLOAT : t.getDataType();
        ConstantValue fill = t == null ? ConstantValue.ofReals(0) : TensorProtos.decode(t);
        long size = TensorInfo.elementCount(shape);
        ConstantValue folded = null;
        if (fill != null && size <= TensorInfo.MAX_FOLDED_ELEMENTS) {
            if (fill.integral()) {
                long[] v = new long[(int) size];
                Arrays.fill(v, fill.longAt(0));
                folded = ConstantValue.ofInts(v);
            } else {
                double[] v = new double[(int) size];
                Arrays.fill(v, fill.doubleAt(0));
                folded = ConstantValue.ofReals(v);
            }
        }
        return List.of(TensorInfo.constant(type, shape, folded));
    }

    private static List<TensorInfo> range(ShapedNode n) {
        for (int i = 0; i < 3; i++) {
            if (n.input(i).elements() != 1) {
                throw n.mismatch("start, limit and delta must be scalars");
            }
        }
        ConstantValue start = n.requireConstant(0, "start");
        ConstantValue limit = n.requireConstant(1, "limit");
        ConstantValue delta = n.requireConstant(2, "delta");
        if (delta.doubleAt(0) == 0) {
            throw n.fail("delta is 0");
        }
        long count = Math.max(0, (long) Math.ceil((limit.doubleAt(0) - start.doubleAt(0)) / delta.doubleAt(0)));
        ConstantValue folded = null;
        if (count <= TensorInfo.MAX_FOLDED_ELEMENTS) {
            if (start.integral()) {
                long[] v = new long[(int) count];
                for (int i = 0; i < v.length; i++) {
                    v[i] = start.longAt(0) + i * delta.longAt(0);
                }
                folded = ConstantValue.ofInts(v);
            } else {
                double[] v = new double[(int) count];
                for (int i = 0; i < v.length; i++) {
                    v[i] = start.doubleAt(0) + i * delta.doubleAt(0);
                }
                folded = ConstantValue.ofReals(v);
            }
        }
        return List.of(TensorInfo.constant(n.elementType(0), new long[] {count}, folded));
    }

    private static List<TensorInfo> cast(ShapedNode n, int to) {
        if (ElementType.bytes(to) < 0 && to != TensorProto.DataType.STRING.getNumber()) {
            throw n.fail("'to' = " + to + " is not an ONNX element type");
        }
        ConstantValue c = n.constant(0);
        ConstantValue folded = null;
        if (c != null) {
            if (ElementType.isFloating(to)) {
                double[] v = c.asDoubles();
                if (to == ElementType.FLOAT) {
                    for (int i = 0; i < v.length; i++) {
                        v[i] = (float) v[i];
                    }
                }
                folded = ConstantValue.ofReals(v);
            } else if (to == ElementType.BOOL) {
                long[] v = new long[c.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = c.doubleAt(i) != 0 ? 1 : 0;
                }
                folded = ConstantValue.ofInts(v);
            } else if (to != TensorProto.DataType.STRING.getNumber()) {
                folded = ConstantValue.ofInts(c.asLongs());
            }
        }
        return List.of(TensorInfo.constant(to, n.shape(0), folded));
    }
}
