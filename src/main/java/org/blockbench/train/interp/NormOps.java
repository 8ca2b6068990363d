package org.blockbench.train.interp;

import java.util.Arrays;
import java.util.List;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;
import org.blockbench.onnx.NodeView;

/** Normalisation: BatchNormalization (train and eval modes) and LayerNormalization. */
final class NormOps {

    private NormOps() {
    }

    static List<OpSpec> specs() {
        return List.of(
                OpSpec.of("BatchNormalization", NormOps::batchNorm).buffers(3, 4),
                OpSpec.of("LayerNormalization", NormOps::layerNorm));
    }

    /**
     * BatchNormalization. In training mode the batch statistics normalise and the running
     * statistics (inputs 3 and 4, buffers) are updated in place; in eval mode the running
     * statistics normalise. ONNX momentum m weighs the old running value
     * ({@code running = m*running + (1-m)*batch}); PyTorch's weighs the new one, so torch
     * momentum = 1 - m. Like PyTorch, the running variance takes the unbiased batch variance.
     */
    private static Kernel batchNorm(NodeView node, CompileContext c) {
        if (node.attrInt("training_mode", 0) != 0 || node.outputCount() > 1 && node.proto().getOutputList().stream()
                .skip(1).anyMatch(o -> !o.isEmpty())) {
            throw Unsupported.at(node, "training_mode=1 graphs (with running-statistics outputs) are not supported;"
                    + " export the eval-mode graph, the trainer switches modes itself");
        }
        double epsilon = node.attrFloat("epsilon", 1e-5f);
        double torchMomentum = 1.0 - node.attrFloat("momentum", 0.9f);
        return (in, training) -> ElementwiseOps.one(torch.batch_norm(in[0], new TensorOptional(in[1]),
                new TensorOptional(in[2]), new TensorOptional(in[3]), new TensorOptional(in[4]),
                training, torchMomentum, epsilon, false));
    }

    /**
     * LayerNormalization (opset 17): normalises over the dimensions from {@code axis} on; Scale
     * and B have the normalised shape (the form ONNX Runtime accepts for any axis).
     */
    private static Kernel layerNorm(NodeView node, CompileContext c) {
        if (node.outputCount() > 1 && node.proto().getOutputList().stream().skip(1).anyMatch(o -> !o.isEmpty())) {
            throw Unsupported.at(node, "the Mean and InvStdDev outputs are not supported");
        }
        long axis = node.attrInt("axis", -1);
        double epsilon = node.attrFloat("epsilon", 1e-5f);
        return (in, training) -> {
            Tensor x = in[0];
            long rank = x.dim();
            long a = axis < 0 ? axis + rank : axis;
            if (a < 0 || a >= rank) {
                throw Unsupported.at(node, "axis " + axis + " is out of range for rank " + rank);
            }
            long[] shape = TorchTensors.shape(x);
            long[] normalized = Arrays.copyOfRange(shape, (int) a, (int) rank);
            Tensor scale = in[1];
            Tensor bias = in.length > 2 ? in[2] : null;
            if (!Arrays.equals(TorchTensors.shape(scale), normalized)
                    || bias != null && !Arrays.equals(TorchTensors.shape(bias), normalized)) {
                throw Unsupported.at(node, "Scale and B must have the normalised shape " + Arrays.toString(normalized)
                        + ", found " + Arrays.toString(TorchTensors.shape(scale)));
            }
            return ElementwiseOps.one(torch.layer_norm(x, normalized, new TensorOptional(scale),
                    bias == null ? new TensorOptional() : new TensorOptional(bias), epsilon, false));
        };
    }
}
