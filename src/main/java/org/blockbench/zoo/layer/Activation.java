package org.blockbench.zoo.layer;

import java.util.List;
import org.blockbench.onnx.Attribute;
import org.blockbench.onnx.GraphBuilder;
import org.blockbench.onnx.OnnxOp;
import org.blockbench.onnx.Value;

/** Activation functions as opset-17 nodes. */
public enum Activation {
    NONE, RELU, HARD_SWISH, HARD_SIGMOID, SIGMOID,
    /** Exact (erf) GELU, as PyTorch exports nn.GELU at opset 17, which has no Gelu op. */
    GELU;

    private static final float SQRT_2 = (float) Math.sqrt(2.0);

    public Value apply(GraphBuilder g, Value x) {
        return switch (this) {
            case NONE -> x;
            case RELU -> g.op(OnnxOp.RELU, List.of(x));
            case HARD_SWISH -> g.op(OnnxOp.HARD_SWISH, List.of(x));
            // PyTorch's hardsigmoid: relu6(x + 3) / 6
            case HARD_SIGMOID -> g.op(OnnxOp.HARD_SIGMOID, List.of(x),
                    Attribute.real("alpha", 1f / 6f), Attribute.real("beta", 0.5f));
            case SIGMOID -> g.op(OnnxOp.SIGMOID, List.of(x));
            case GELU -> {
                Value erf = g.op(OnnxOp.ERF, List.of(g.op(OnnxOp.DIV, List.of(x, g.scalar(SQRT_2)))));
                Value onePlus = g.op(OnnxOp.ADD, List.of(erf, g.scalar(1f)));
                yield g.op(OnnxOp.MUL, List.of(g.op(OnnxOp.MUL, List.of(x, onePlus)), g.scalar(0.5f)));
            }
        };
    }
}
