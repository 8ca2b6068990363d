package org.blockbench.zoo.layer;

import java.util.List;
import org.blockbench.onnx.Attribute;
import org.blockbench.onnx.OnnxOp;
import org.blockbench.onnx.Value;
import org.blockbench.zoo.ModelContext;
import org.blockbench.zoo.ParameterRole;

/**
 * BatchNormalization over C channels, parameters named like PyTorch's
 * ({@code weight, bias, running_mean, running_var}) under the current scope.
 */
public final class BatchNorm {

    /** ONNX momentum 0.9 is PyTorch momentum 0.1 (ONNX weighs the old running value). */
    static final float ONNX_MOMENTUM = 0.9f;

    private BatchNorm() {
    }

    /** Emits a BatchNormalization node (train form) on {@code x}. */
    public static Value emit(ModelContext ctx, Value x, int channels) {
        Value gamma = ctx.parameter("weight", ParameterRole.NORM_SCALE, channels, channels);
        Value beta = ctx.parameter("bias", ParameterRole.NORM_SHIFT, channels, channels);
        Value mean = ctx.parameter("running_mean", ParameterRole.RUNNING_MEAN, channels, channels);
        Value var = ctx.parameter("running_var", ParameterRole.RUNNING_VAR, channels, channels);
        return ctx.graph().op(OnnxOp.BATCH_NORMALIZATION, List.of(x, gamma, beta, mean, var),
                Attribute.real("epsilon", BatchNormValues.EPSILON), Attribute.real("momentum", ONNX_MOMENTUM));
    }

    /** The values of the BN in the current scope, for folding. */
    public static BatchNormValues values(ModelContext ctx, int channels) {
        return new BatchNormValues(
                ctx.value("weight", ParameterRole.NORM_SCALE, channels, channels).data(),
                ctx.value("bias", ParameterRole.NORM_SHIFT, channels, channels).data(),
                ctx.value("running_mean", ParameterRole.RUNNING_MEAN, channels, channels).data(),
                ctx.value("running_var", ParameterRole.RUNNING_VAR, channels, channels).data());
    }
}
