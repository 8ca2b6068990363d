package org.blockbench.zoo.layer;

import java.util.List;
import org.blockbench.onnx.Attribute;
import org.blockbench.onnx.OnnxOp;
import org.blockbench.onnx.Value;
import org.blockbench.zoo.ModelContext;
import org.blockbench.zoo.ParameterRole;

/**
 * A fully connected layer on [N, in] as Gemm(transB=1), weight [out, in] and bias [out], like
 * PyTorch's nn.Linear export.
 */
public record Linear(int in, int out) {

    public Value emit(ModelContext ctx, String name, Value x) {
        return emit(ctx, name, x, null);
    }

    /** Emits with an explicit graph output name (e.g. "logits"), or a generated one when null. */
    public Value emit(ModelContext ctx, String name, Value x, String outputName) {
        try (var s = ctx.graph().scope(name)) {
            Value w = ctx.parameter("weight", ParameterRole.WEIGHT, in, out, in);
            Value b = ctx.parameter("bias", ParameterRole.BIAS, in, out);
            List<Value> inputs = List.of(x, w, b);
            Attribute transB = Attribute.integer("transB", 1);
            return outputName == null
                    ? ctx.graph().op(OnnxOp.GEMM, inputs, transB)
                    : ctx.graph().opNamed(outputName, OnnxOp.GEMM, inputs, transB);
        }
    }
}
