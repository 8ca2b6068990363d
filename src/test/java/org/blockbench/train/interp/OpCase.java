package org.blockbench.train.interp;

import static org.blockbench.train.interp.MiniGraph.random;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.util.ArrayList;
import java.util.List;
import org.blockbench.onnx.Attribute;
import org.blockbench.onnx.FloatTensor;

/**
 * One small graph per supported operator (and per interesting attribute combination), input
 * "x" of shape {@code [2, 3, 6, 6]} unless stated, output "y". Used by the forward-parity test
 * against ONNX Runtime and by the finite-difference gradient check.
 *
 * @param name          what the case covers
 * @param model         the graph
 * @param inputShape    the shape of x, batch first
 * @param differentiable whether gradients are defined (false for e.g. pure shape arithmetic)
 */
record OpCase(String name, ModelProto model, long[] inputShape, boolean differentiable) {

    private static final long[] X = {2, 3, 6, 6};

    @Override
    public String toString() {
        return name;
    }

    static List<OpCase> all() {
        List<OpCase> c = new ArrayList<>();
        // --- Conv
        c.add(unary("Conv 3x3 pad 1 + bias", g -> g.param("w", random(1, -0.5f, 0.5f, 4, 3, 3, 3))
                .param("b", random(2, -0.5f, 0.5f, 4))
                .node("Conv", List.of("x", "w", "b"), "y", Attribute.ints("kernel_shape", 3, 3), Attribute.ints("pads", 1, 1, 1, 1))));
        c.add(unary("Conv stride 2, asymmetric pads", g -> g.param("w", random(3, -0.5f, 0.5f, 4, 3, 3, 3))
                .node("Conv", List.of("x", "w"), "y", Attribute.ints("strides", 2, 2), Attribute.ints("pads", 0, 0, 1, 1))));
        c.add(unary("Conv depthwise, dilation 2", g -> g.param("w", random(4, -0.5f, 0.5f, 3, 1, 3, 3))
                .node("Conv", List.of("x", "w"), "y", Attribute.integer("group", 3), Attribute.ints("dilations", 2, 2),
                        Attribute.ints("pads", 2, 2, 2, 2))));
        c.add(unary("Conv auto_pad SAME_UPPER stride 2", g -> g.param("w", random(5, -0.5f, 0.5f, 4, 3, 2, 2))
                .node("Conv", List.of("x", "w"), "y", Attribute.ints("strides", 2, 2), Attribute.string("auto_pad", "SAME_UPPER"))));
        c.add(unary("Conv 1x1 grouped 3->6", g -> g.param("w", random(6, -0.5f, 0.5f, 6, 1, 1, 1))
                .node("Conv", List.of("x", "w"), "y", Attribute.integer("group", 3))));
        // --- normalisation
        c.add(unary("BatchNormalization momentum 0.9", g -> g.param("s", random(7, 0.5f, 1.5f, 3))
                .param("b", random(8, -0.5f, 0.5f, 3)).param("m", random(9, -0.5f, 0.5f, 3)).param("v", random(10, 0.5f, 2f, 3))
                .node("BatchNormalization", List.of("x", "s", "b", "m", "v"), "y", Attribute.real("epsilon", 1e-3f),
                        Attribute.real("momentum", 0.9f))));
        c.add(unary("LayerNormalization last axis", g -> g.param("s", random(11, 0.5f, 1.5f, 6)).param("b", random(12, -0.5f, 0.5f, 6))
                .node("LayerNormalization", List.of("x", "s", "b"), "y", Attribute.integer("axis", -1))));
        c.add(unary("LayerNormalization axis 1 (over C,H,W)", g -> g.param("s", random(13, 0.5f, 1.5f, 3, 6, 6))
                .node("LayerNormalization", List.of("x", "s"), "y", Attribute.integer("axis", 1), Attribute.real("epsilon", 1e-6f))));
        // --- element-wise
        for (String op : List.of("Relu", "Sigmoid", "Tanh", "Erf", "HardSwish", "Neg", "Identity")) {
            c.add(unary(op, g -> g.node(op, List.of("x"), "y")));
        }
        c.add(unary("HardSigmoid defaults (alpha 0.2, not torch's 1/6)", g -> g.node("HardSigmoid", List.of("x"), "y")));
        c.add(unary("HardSigmoid alpha 0.3", g -> g.node("HardSigmoid", List.of("x"), "y", Attribute.real("alpha", 0.3f))));
        c.add(unary("LeakyRelu alpha 0.1", g -> g.node("LeakyRelu", List.of("x"), "y", Attribute.real("alpha", 0.1f))));
        c.add(unary("Sqrt of Sigmoid", g -> g.node("Sigmoid", List.of("x"), "s").node("Sqrt", List.of("s"), "y")));
        c.add(unary("Pow 2 (exponent not trained)", g -> g.scalar("e", 2f).node("Pow", List.of("x", "e"), "y")));
        c.add(unary("Clip [-0.5, 0.7] (bounds not trained)", g -> g.scalar("lo", -0.5f).scalar("hi", 0.7f)
                .node("Clip", List.of("x", "lo", "hi"), "y")));
        c.add(unary("Dropout (eval: identity)", g -> g.scalar("r", 0.3f).node("Dropout", List.of("x", "r"), "y")));
        for (String op : List.of("Add", "Sub", "Mul", "Div")) {
            c.add(unary(op + " per-channel parameter", g -> g.param("p", random(14, 0.5f, 1.5f, 3, 1, 1))
                    .node(op, List.of("x", "p"), "y")));
        }
        c.add(unary("Mul x*x (same value twice)", g -> g.node("Mul", List.of("x", "x"), "y")));
        c.add(unary("Softmax axis 1", g -> g.node("Softmax", List.of("x"), "y", Attribute.integer("axis", 1))));
        // --- pooling
        c.add(new OpCase("AveragePool 2x2 s2 ceil_mode (5x5 input)", graph(g -> g.node("AveragePool", List.of("x"), "y",
                Attribute.ints("kernel_shape", 2, 2), Attribute.ints("strides", 2, 2), Attribute.integer("ceil_mode", 1)), 3, 5, 5),
                new long[] {2, 3, 5, 5}, true));
        c.add(unary("AveragePool 3x3 pad 1 count_include_pad", g -> g.node("AveragePool", List.of("x"), "y",
                Attribute.ints("kernel_shape", 3, 3), Attribute.ints("pads", 1, 1, 1, 1), Attribute.integer("count_include_pad", 1))));
        c.add(unary("AveragePool 3x3 pad 1 exclude pad", g -> g.node("AveragePool", List.of("x"), "y",
                Attribute.ints("kernel_shape", 3, 3), Attribute.ints("pads", 1, 1, 1, 1))));
        c.add(unary("MaxPool 3x3 s2 pad 1", g -> g.node("MaxPool", List.of("x"), "y",
                Attribute.ints("kernel_shape", 3, 3), Attribute.ints("strides", 2, 2), Attribute.ints("pads", 1, 1, 1, 1))));
        c.add(unary("MaxPool 2x2 s2", g -> g.node("MaxPool", List.of("x"), "y",
                Attribute.ints("kernel_shape", 2, 2), Attribute.ints("strides", 2, 2))));
        c.add(unary("GlobalAveragePool", g -> g.node("GlobalAveragePool", List.of("x"), "y")));
        // --- linear algebra
        c.add(unary("Flatten + Gemm transB (Linear)", g -> g.param("w", random(15, -0.2f, 0.2f, 5, 108)).param("b", random(16, -0.2f, 0.2f, 5))
                .node("Flatten", List.of("x"), "f").node("Gemm", List.of("f", "w", "b"), "y", Attribute.integer("transB", 1))));
        c.add(unary("Gemm alpha 0.5 beta 2, no transB", g -> g.param("w", random(17, -0.2f, 0.2f, 108, 5)).param("b", random(18, -0.2f, 0.2f, 1, 5))
                .node("Flatten", List.of("x"), "f").node("Gemm", List.of("f", "w", "b"), "y", Attribute.real("alpha", 0.5f),
                        Attribute.real("beta", 2f))));
        c.add(unary("MatMul with weight [6,4]", g -> g.param("w", random(19, -0.5f, 0.5f, 6, 4)).node("MatMul", List.of("x", "w"), "y")));
        c.add(unary("MatMul attention-style x @ x^T", g -> g.node("Transpose", List.of("x"), "t", Attribute.ints("perm", 0, 1, 3, 2))
                .node("MatMul", List.of("x", "t"), "y")));
        c.add(unary("ReduceMean axes 2,3", g -> g.node("ReduceMean", List.of("x"), "y", Attribute.ints("axes", 2, 3))));
        // --- shapes and indexing
        c.add(unary("Reshape [0,3,-1] + Transpose", g -> g.ints("shape", 0, 3, -1).node("Reshape", List.of("x", "shape"), "r")
                .node("Transpose", List.of("r"), "y", Attribute.ints("perm", 0, 2, 1))));
        c.add(unary("Shape-Gather-Concat-Reshape", g -> g.ints("i0", 0).ints("rest", -1)
                .node("Shape", List.of("x"), "s").node("Gather", List.of("s", "i0"), "n", Attribute.integer("axis", 0))
                .node("Concat", List.of("n", "rest"), "shape", Attribute.integer("axis", 0)).node("Reshape", List.of("x", "shape"), "y")));
        c.add(unary("Concat x, relu(x) axis 1", g -> g.node("Relu", List.of("x"), "r")
                .node("Concat", List.of("x", "r"), "y", Attribute.integer("axis", 1))));
        c.add(unary("Slice axis 2 [1:5:2], axis -1 [-4:]", g -> g.ints("st", 1, -4).ints("en", 5, Long.MAX_VALUE).ints("ax", 2, -1).ints("sp", 2, 1)
                .node("Slice", List.of("x", "st", "en", "ax", "sp"), "y")));
        c.add(unary("Slice reversed axis 3 [::-1], axis 2 [4:0:-2]", g -> g.ints("st", -1, 4).ints("en", Long.MIN_VALUE, 0)
                .ints("ax", 3, 2).ints("sp", -1, -2).node("Slice", List.of("x", "st", "en", "ax", "sp"), "y")));
        c.add(unary("Gather axis 1 [2, 0, -1]", g -> g.ints("i", 2, 0, -1).node("Gather", List.of("x", "i"), "y", Attribute.integer("axis", 1))));
        c.add(unary("Split [1,2] + Concat reversed", g -> g.ints("sizes", 1, 2)
                .node("Split", List.of("x", "sizes"), List.of("a", "b"), Attribute.integer("axis", 1))
                .node("Concat", List.of("b", "a"), "y", Attribute.integer("axis", 1))));
        c.add(unary("Split equal 3 ways + Add", g -> g.node("Split", List.of("x"), List.of("a", "b", "c"), Attribute.integer("axis", 1))
                .node("Mul", List.of("a", "b"), "ab").node("Add", List.of("ab", "c"), "y")));
        c.add(unary("Unsqueeze-Squeeze", g -> g.ints("ax", 0, -1).node("Unsqueeze", List.of("x", "ax"), "u")
                .node("Sigmoid", List.of("u"), "s").node("Squeeze", List.of("s", "ax"), "y")));
        c.add(unary("Constant node scale", g -> g.node("Constant", List.of(), List.of("k"),
                Attribute.tensor("value", MiniGraph.floatProto(random(20, 1f, 2f, 3, 1, 1))))
                .node("Mul", List.of("x", "k"), "y")));
        // --- sampling (deformable convolution's core)
        c.add(unary("GridSample bilinear, learnable grid", g -> g.param("grid", random(21, -0.95f, 0.95f, 2, 4, 4, 2))
                .node("GridSample", List.of("x", "grid"), "y")));
        c.add(unary("GridSample bilinear align_corners border", g -> g.param("grid", random(22, -1.2f, 1.2f, 2, 3, 5, 2))
                .node("GridSample", List.of("x", "grid"), "y", Attribute.integer("align_corners", 1),
                        Attribute.string("padding_mode", "border"))));
        // --- what PyTorch's exporter writes for torchvision's classifiers (issue 21)
        c.add(unary("Cast float to double and back", g -> g.node("Cast", List.of("x"), "d", Attribute.integer("to", 11))
                .node("Cast", List.of("d"), "y", Attribute.integer("to", 1))));
        c.add(unary("Shape-Gather-Div-Cast-Reshape (ShuffleNet's channel split)", g -> g.ints("i1", 1).ints("three", 3)
                .ints("zero", 0).ints("rest", -1)
                .node("Shape", List.of("x"), "s").node("Gather", List.of("s", "i1"), "ch", Attribute.integer("axis", 0))
                .node("Div", List.of("ch", "three"), "q").node("Cast", List.of("q"), "qi", Attribute.integer("to", 7))
                .node("Concat", List.of("zero", "qi", "rest"), "shape", Attribute.integer("axis", 0))
                .node("Reshape", List.of("x", "shape"), "y")));
        c.add(unary("Pad constant 0.5, begin ≠ end, one crop", g -> g.ints("pads", 0, 0, 1, 0, 0, 0, 2, -1).scalar("v", 0.5f)
                .node("Pad", List.of("x", "pads", "v"), "y")));
        c.add(unary("Shape-Expand per-channel parameter", g -> g.param("p", random(23, 0.5f, 1.5f, 3, 1, 1))
                .node("Shape", List.of("x"), "s").node("Expand", List.of("p", "s"), "e").node("Mul", List.of("x", "e"), "y")));
        c.add(unary("ConstantOfShape-Equal-Where-Expand (the exporter's expand(-1))", g -> g.ints("four", 4).ints("t", 1, -1, 1, 1)
                .ints("m1", -1).param("p", random(24, 0.5f, 1.5f, 3, 1, 1))
                .node("ConstantOfShape", List.of("four"), "ones", Attribute.tensor("value", int64(1)))
                .node("Mul", List.of("ones", "m1"), "neg").node("Equal", List.of("t", "neg"), "eq")
                .node("Where", List.of("eq", "ones", "t"), "shape").node("Expand", List.of("p", "shape"), "e")
                .node("Add", List.of("x", "e"), "y")));
        c.add(unary("Range-Add-Mod-Gather (a roll, Swin's shift)", g -> constant(constant(constant(g, "start", 0), "limit", 6), "delta", 1)
                .ints("two", 2).ints("six", 6)
                .node("Range", List.of("start", "limit", "delta"), "r").node("Add", List.of("r", "two"), "r2")
                .node("Mod", List.of("r2", "six"), "idx").node("Gather", List.of("x", "idx"), "y", Attribute.integer("axis", 3))));
        c.add(unary("Not-Equal-Where mask (Swin's attention mask)", g -> constant(constant(constant(g, "start", 0), "limit", 6), "delta", 1)
                .ints("two", 2).ints("zero", 0)
                .node("Range", List.of("start", "limit", "delta"), "r").node("Mod", List.of("r", "two"), "odd")
                .node("Equal", List.of("odd", "zero"), "even").node("Not", List.of("even"), "keep")
                .node("Neg", List.of("x"), "nx").node("Where", List.of("keep", "x", "nx"), "y")));
        c.add(unary("ScatterND sample 1 from a parameter", g -> g.ints("i", 1).param("u", random(25, -1f, 1f, 3, 6, 6))
                .node("ScatterND", List.of("x", "i", "u"), "y")));
        c.add(unary("Einsum bchw,kc->bkhw", g -> g.param("w", random(26, -0.5f, 0.5f, 4, 3))
                .node("Einsum", List.of("x", "w"), "y", Attribute.string("equation", "bchw,kc->bkhw"))));
        return c;
    }

    /** A one-element int64 tensor (ConstantOfShape's value). */
    private static ai.onnx.proto.OnnxMl.TensorProto int64(long v) {
        return ai.onnx.proto.OnnxMl.TensorProto.newBuilder().setDataType(ai.onnx.proto.OnnxMl.TensorProto.DataType.INT64_VALUE)
                .addDims(1).addInt64Data(v).build();
    }

    private static MiniGraph constant(MiniGraph g, String name, long v) {
        return g.node("Constant", List.of(), List.of(name), Attribute.tensor("value",
                ai.onnx.proto.OnnxMl.TensorProto.newBuilder().setDataType(ai.onnx.proto.OnnxMl.TensorProto.DataType.INT64_VALUE)
                        .addInt64Data(v).build()));
    }

    private interface Body {
        MiniGraph add(MiniGraph g);
    }

    private static OpCase unary(String name, Body body) {
        return new OpCase(name, graph(body, X[1], X[2], X[3]), X.clone(), true);
    }

    private static ModelProto graph(Body body, long... inputDims) {
        MiniGraph g = new MiniGraph().input("x", inputDims);
        return body.add(g).output("y").build();
    }
}
