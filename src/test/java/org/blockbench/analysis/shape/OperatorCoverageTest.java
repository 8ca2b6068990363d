package org.blockbench.analysis.shape;

import static org.blockbench.analysis.RawGraph.f;
import static org.blockbench.analysis.RawGraph.i;
import static org.blockbench.analysis.RawGraph.is;
import static org.blockbench.analysis.RawGraph.s;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.util.List;
import java.util.Map;
import org.blockbench.analysis.RawGraph;
import org.junit.jupiter.api.Test;

/**
 * Differential test of shape inference: graphs using the operators exporters emit, with their
 * awkward attributes (negative axes, INT64_MAX ends, negative steps, ceil mode, SAME padding,
 * output_padding, broadcasting, 1-D MatMul operands), run in ONNX Runtime; every inferred
 * shape and element type must equal what ORT produced.
 */
class OperatorCoverageTest {

    private static final long INT64_MAX = Long.MAX_VALUE;

    @Test
    void convolutionsPoolsAndNormalisations() {
        ModelProto m = new RawGraph().input("x", 2, 4, 11, 9)
                .floats("wt", 0.1f, 4, 3, 3, 3).floats("w", 0.1f, 6, 2, 3, 3).floats("g", 1f, 9).floats("b", 0f, 9)
                .node("ConvTranspose", List.of("x", "wt"), List.of("ct"), is("strides", 2, 2), is("pads", 1, 0, 1, 1),
                        is("output_padding", 1, 0))
                .node("Conv", List.of("x", "w"), List.of("c"), i("group", 2), s("auto_pad", "SAME_UPPER"),
                        is("strides", 2, 3))
                .node("Conv", List.of("x", "w"), List.of("c2"), i("group", 2), s("auto_pad", "SAME_LOWER"),
                        is("strides", 3, 2))
                .node("MaxPool", List.of("x"), List.of("mp"), is("kernel_shape", 3, 2), is("strides", 2, 2),
                        i("ceil_mode", 1))
                .node("AveragePool", List.of("x"), List.of("ap"), is("kernel_shape", 2, 2), is("strides", 2, 2),
                        is("pads", 0, 0, 1, 1), i("ceil_mode", 1), i("count_include_pad", 0))
                .node("GlobalMaxPool", List.of("ct"), List.of("gmp"))
                .node("LayerNormalization", List.of("x", "g", "b"), List.of("ln"), i("axis", -1))
                .node("HardSigmoid", List.of("c"), List.of("hs"), f("alpha", 0.2f))
                .node("Tanh", List.of("hs"), List.of("th"))
                .node("Erf", List.of("th"), List.of("er"))
                .node("ReduceMean", List.of("er"), List.of("rm"), is("axes", -1, 1), i("keepdims", 0))
                .node("LeakyRelu", List.of("rm"), List.of("lr"))
                .output("ct").output("c2").output("mp").output("ap").output("gmp").output("ln").output("lr")
                .build(17);
        assertTrue(OrtShapeOracle.assertShapesMatchOrt(m, Map.of()) >= 12);
    }

    @Test
    void layoutIndexingAndConstantSubgraphs() {
        ModelProto m = new RawGraph().input("x", 2, 3, 8, 6)
                .ints("starts", -1, 1).ints("ends", -INT64_MAX, INT64_MAX).ints("axes", 2, -1).ints("steps", -2, 2)
                .ints("pads", 0, 1, 2, 0, 0, 0, 1, 3).ints("split", 1, 2).ints("sq", 0).ints("rep", 3, 2)
                .ints("idx", 0, 2, 1, 2, 2, 0).ints("eshape", 3, 1, 1).ints("idxshape", 2, 3)
                .floats("scales", 1f, 4).floats("half", 0.5f, 1)
                .node("Slice", List.of("x", "starts", "ends", "axes", "steps"), List.of("sl"))
                .node("Pad", List.of("x", "pads"), List.of("pd"))
                .node("Split", List.of("x", "split"), List.of("s0", "s1"), i("axis", 1))
                .node("Transpose", List.of("s1"), List.of("tr"), is("perm", 3, 1, 0, 2))
                .node("Flatten", List.of("tr"), List.of("fl"), i("axis", 2))
                .node("Unsqueeze", List.of("fl", "sq"), List.of("us"))
                .node("Squeeze", List.of("us", "sq"), List.of("sqz"))
                .node("Tile", List.of("sqz", "rep"), List.of("tl"))
                .node("Shape", List.of("x"), List.of("shp"))
                .node("Gather", List.of("shp", "sq"), List.of("g0"), i("axis", 0))
                .node("Shape", List.of("x"), List.of("shp2"), i("start", -2))
                .node("Concat", List.of("g0", "shp2"), List.of("cat"), i("axis", 0))
                .node("ConstantOfShape", List.of("cat"), List.of("zeros"))
                .node("Cast", List.of("zeros"), List.of("zi"), i("to", 7))
                .node("Constant", List.of(), List.of("zero"), i("value_int", 0))
                .node("Constant", List.of(), List.of("five"), i("value_int", 5))
                .node("Constant", List.of(), List.of("two_s"), i("value_int", 2))
                .node("Range", List.of("zero", "five", "two_s"), List.of("rng"))
                .node("Cast", List.of("rng"), List.of("rngf"), i("to", 1))
                .node("Expand", List.of("half", "eshape"), List.of("ex"))
                .node("Mul", List.of("ex", "x"), List.of("bc"))
                .node("Equal", List.of("bc", "half"), List.of("eq"))
                .node("Where", List.of("eq", "x", "half"), List.of("wh"))
                .node("Reshape", List.of("idx", "idxshape"), List.of("idx2"))
                .node("Gather", List.of("x", "idx2"), List.of("ga"), i("axis", 3))
                .node("Resize", List.of("wh", "", "scales"), List.of("rs"), s("mode", "linear"))
                .node("Pow", List.of("rs", "half"), List.of("pw"))
                .node("Sqrt", List.of("pw"), List.of("sr"))
                .node("Dropout", List.of("sr"), List.of("dr"))
                .node("Softmax", List.of("dr"), List.of("sm"), i("axis", 1))
                .output("sl").output("pd").output("s0").output("tl").output("ga").output("sm").output("rngf")
                .build(17);
        assertTrue(OrtShapeOracle.assertShapesMatchOrt(m, Map.of()) >= 25);
    }

    @Test
    void matrixProductsAndSampling() {
        ModelProto m = new RawGraph().input("a", 2, 1, 5, 7).input("v", 7).input("grid", 2, 4, 3, 2)
                .floats("b", 0.1f, 3, 7, 4).floats("gw", 0.1f, 7, 6).floats("gb", 0f, 6)
                .node("MatMul", List.of("a", "b"), List.of("mm"))
                .node("MatMul", List.of("a", "v"), List.of("mv"))
                .node("MatMul", List.of("v", "b"), List.of("vm"))
                .node("Einsum", List.of("a", "b"), List.of("es"), s("equation", "nxik,jkl->nijl"))
                .node("Einsum", List.of("mm"), List.of("tr"), s("equation", "...ij->...ji"))
                .node("Reshape", List.of("a", "two"), List.of("a2"))
                .node("Gemm", List.of("a2", "gw", "gb"), List.of("gm"), i("transA", 0))
                .node("GridSample", List.of("mm", "grid"), List.of("gs"), s("mode", "bilinear"))
                .ints("two", 10, 7)
                .output("mm").output("mv").output("vm").output("es").output("tr").output("gm").output("gs")
                .build(17);
        assertTrue(OrtShapeOracle.assertShapesMatchOrt(m, Map.of()) >= 8);
    }
}
