package org.blockbench.zoo.layer;

import java.util.ArrayList;
import java.util.List;
import org.blockbench.onnx.Attribute;
import org.blockbench.onnx.GraphBuilder;
import org.blockbench.onnx.OnnxOp;
import org.blockbench.onnx.Value;
import org.blockbench.zoo.ModelContext;
import org.blockbench.zoo.ParameterRole;

/**
 * A plain 2-D convolution (no BN), parameters {@code weight} [out, in/groups, k, k] and
 * optionally {@code bias}; symmetric padding {@code pad}.
 */
public record Conv2d(int in, int out, int kernel, int stride, int pad, int groups, boolean bias) {

    public Conv2d {
        if (in % groups != 0 || out % groups != 0) {
            throw new IllegalArgumentException("groups " + groups + " must divide in " + in + " and out " + out);
        }
    }

    /** A k×k conv with "same" padding (k/2), stride 1, one group, with bias. */
    public static Conv2d same(int in, int out, int kernel) {
        return new Conv2d(in, out, kernel, 1, kernel / 2, 1, true);
    }

    public Conv2d stride(int s) {
        return new Conv2d(in, out, kernel, s, pad, groups, bias);
    }

    public Conv2d groups(int g) {
        return new Conv2d(in, out, kernel, stride, pad, g, bias);
    }

    public Conv2d pad(int p) {
        return new Conv2d(in, out, kernel, stride, p, groups, bias);
    }

    public Conv2d noBias() {
        return new Conv2d(in, out, kernel, stride, pad, groups, false);
    }

    /** Fan-in of one output: (in/groups)·k·k, PyTorch's init scale. */
    public long fanIn() {
        return (long) (in / groups) * kernel * kernel;
    }

    public long[] weightShape() {
        return new long[] {out, in / groups, kernel, kernel};
    }

    /** Emits the conv under scope {@code name}. */
    public Value emit(ModelContext ctx, String name, Value x) {
        try (var s = ctx.graph().scope(name)) {
            Value w = ctx.parameter("weight", ParameterRole.WEIGHT, fanIn(), weightShape());
            Value b = bias ? ctx.parameter("bias", ParameterRole.BIAS, fanIn(), out) : null;
            return apply(ctx.graph(), x, w, b);
        }
    }

    /** Emits the conv with given weight and (nullable) bias values. */
    public Value apply(GraphBuilder g, Value x, Value weight, Value biasValue) {
        List<Value> inputs = new ArrayList<>(List.of(x, weight));
        if (biasValue != null) {
            inputs.add(biasValue);
        }
        return g.op(OnnxOp.CONV, inputs,
                Attribute.ints("kernel_shape", kernel, kernel), Attribute.ints("strides", stride, stride),
                Attribute.ints("pads", pad, pad, pad, pad), Attribute.integer("group", groups));
    }

    /** This conv's values under scope {@code name} as a kernel (zero bias when it has none). */
    public ConvKernel kernel(ModelContext ctx, String name) {
        try (var s = ctx.graph().scope(name)) {
            var w = ctx.value("weight", ParameterRole.WEIGHT, fanIn(), weightShape());
            float[] b = bias ? ctx.value("bias", ParameterRole.BIAS, fanIn(), out).data() : new float[out];
            return new ConvKernel(w, b);
        }
    }
}
