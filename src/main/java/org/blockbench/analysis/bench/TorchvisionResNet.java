package org.blockbench.analysis.bench;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.blockbench.onnx.Attribute;
import org.blockbench.onnx.FloatTensor;
import org.blockbench.onnx.GraphBuilder;
import org.blockbench.onnx.OnnxOp;
import org.blockbench.onnx.Value;

/**
 * torchvision's ResNet-18 and ResNet-50 written node by node the way
 * {@code torch.onnx.export(..., training=TrainingMode.PRESERVE)} writes them: conv without
 * bias, BatchNormalization with its running statistics, ReLU, max pool, residual Add,
 * GlobalAveragePool, a flatten and a Gemm head; parameter names as in the state_dict
 * ({@code layer2.0.downsample.0.weight}). Weights are seeded Kaiming-uniform values, BN
 * statistics 0 and 1. Input "input" [batch, 3, 224, 224], output "logits" [batch, 1000].
 */
public final class TorchvisionResNet {

    /** How the head flattens the pooled features. */
    public enum FlattenStyle {
        /** {@code torch.flatten(x, 1)}: one Flatten node (torchvision's forward). */
        FLATTEN,
        /** {@code x.view(x.size(0), -1)}: Shape → Gather → Unsqueeze → Concat → Reshape. */
        VIEW
    }

    private final GraphBuilder g = new GraphBuilder();
    private final SplittableRandom rng;

    private TorchvisionResNet(long seed) {
        this.rng = new SplittableRandom(seed);
    }

    /** ResNet-18: BasicBlock × [2, 2, 2, 2]; 11,689,512 parameters. */
    public static ModelProto resnet18(FlattenStyle flatten, long seed) {
        return new TorchvisionResNet(seed).build("resnet18", false, new int[] {2, 2, 2, 2}, flatten);
    }

    /** ResNet-50: Bottleneck × [3, 4, 6, 3] (stride on the 3×3, v1.5); 25,557,032 parameters. */
    public static ModelProto resnet50(long seed) {
        return new TorchvisionResNet(seed).build("resnet50", true, new int[] {3, 4, 6, 3}, FlattenStyle.FLATTEN);
    }

    private ModelProto build(String name, boolean bottleneck, int[] layers, FlattenStyle flatten) {
        Value x = g.input("input", "batch", 3, 224, 224);
        x = relu(bn("bn1", conv("conv1", x, 3, 64, 7, 2, 3, 1), 64));
        x = g.op(OnnxOp.MAX_POOL, List.of(x), Attribute.ints("kernel_shape", 3, 3), Attribute.ints("strides", 2, 2),
                Attribute.ints("pads", 1, 1, 1, 1));
        int in = 64;
        int expansion = bottleneck ? 4 : 1;
        for (int l = 0; l < 4; l++) {
            int width = 64 << l;
            try (var layer = g.scope("layer" + (l + 1))) {
                for (int b = 0; b < layers[l]; b++) {
                    int stride = b == 0 && l > 0 ? 2 : 1;
                    try (var block = g.scope(Integer.toString(b))) {
                        x = bottleneck ? bottleneck(x, in, width, stride) : basic(x, in, width, stride);
                    }
                    in = width * expansion;
                }
            }
        }
        x = g.op(OnnxOp.GLOBAL_AVERAGE_POOL, List.of(x));
        x = flatten == FlattenStyle.FLATTEN ? g.op(OnnxOp.FLATTEN, List.of(x), Attribute.integer("axis", 1)) : view(x);
        Value logits;
        try (var fc = g.scope("fc")) {
            logits = g.opNamed("logits", OnnxOp.GEMM, List.of(x, weight("weight", in, 1000, in),
                    uniformBias("bias", in, 1000)), Attribute.real("alpha", 1f), Attribute.real("beta", 1f),
                    Attribute.integer("transB", 1));
        }
        g.output(logits, "batch", 1000);
        return g.build("torch_jit", "torchvision " + name + " as torch.onnx.export writes it", Map.of());
    }

    private Value view(Value x) {
        Value shape = g.op(OnnxOp.SHAPE, List.of(x));
        TensorProto zero = TensorProto.newBuilder().setDataType(TensorProto.DataType.INT64.getNumber())
                .addInt64Data(0).build();
        Value index = g.op(OnnxOp.CONSTANT, List.of(), Attribute.tensor("value", zero));
        Value batch = g.op(OnnxOp.GATHER, List.of(shape, index), Attribute.integer("axis", 0));
        Value batch1 = g.op(OnnxOp.UNSQUEEZE, List.of(batch, g.constant(0)));
        Value target = g.op(OnnxOp.CONCAT, List.of(batch1, g.constant(-1)), Attribute.integer("axis", 0));
        return g.op(OnnxOp.RESHAPE, List.of(x, target));
    }

    private Value basic(Value x, int in, int width, int stride) {
        Value y = relu(bn("bn1", conv("conv1", x, in, width, 3, stride, 1, 1), width));
        y = bn("bn2", conv("conv2", y, width, width, 3, 1, 1, 1), width);
        return relu(g.op(OnnxOp.ADD, List.of(y, shortcut(x, in, width, stride))));
    }

    private Value bottleneck(Value x, int in, int width, int stride) {
        Value y = relu(bn("bn1", conv("conv1", x, in, width, 1, 1, 0, 1), width));
        y = relu(bn("bn2", conv("conv2", y, width, width, 3, stride, 1, 1), width));
        y = bn("bn3", conv("conv3", y, width, width * 4, 1, 1, 0, 1), width * 4);
        return relu(g.op(OnnxOp.ADD, List.of(y, shortcut(x, in, width * 4, stride))));
    }

    private Value shortcut(Value x, int in, int out, int stride) {
        if (stride == 1 && in == out) {
            return x;
        }
        try (var d = g.scope("downsample")) {
            return bn("1", conv("0", x, in, out, 1, stride, 0, 1), out);
        }
    }

    /** A bias-free conv whose weight is {@code <name>.weight}. */
    private Value conv(String name, Value x, int in, int out, int k, int stride, int pad, int groups) {
        Value w = weight(name + ".weight", (long) in / groups * k * k, out, in / groups, k, k);
        return g.op(OnnxOp.CONV, List.of(x, w), Attribute.ints("kernel_shape", k, k),
                Attribute.ints("strides", stride, stride), Attribute.ints("pads", pad, pad, pad, pad),
                Attribute.ints("dilations", 1, 1), Attribute.integer("group", groups));
    }

    private Value bn(String name, Value x, int c) {
        return g.op(OnnxOp.BATCH_NORMALIZATION, List.of(x, g.parameter(name + ".weight", FloatTensor.filled(1f, c)),
                g.parameter(name + ".bias", FloatTensor.filled(0f, c)),
                g.parameter(name + ".running_mean", FloatTensor.filled(0f, c)),
                g.parameter(name + ".running_var", FloatTensor.filled(1f, c))),
                Attribute.real("epsilon", 1e-5f), Attribute.real("momentum", 0.9f));
    }

    private Value relu(Value x) {
        return g.op(OnnxOp.RELU, List.of(x));
    }

    /** Kaiming-uniform weights, bound 1/sqrt(fan_in), as nn.Conv2d / nn.Linear initialise them. */
    private Value weight(String name, long fanIn, long... shape) {
        float bound = (float) (1 / Math.sqrt(fanIn));
        float[] v = new float[Math.toIntExact(FloatTensor.elementCount(shape))];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
        }
        return g.parameter(name, new FloatTensor(shape, v));
    }

    private Value uniformBias(String name, long fanIn, int n) {
        float bound = (float) (1 / Math.sqrt(fanIn));
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
        }
        return g.parameter(name, new FloatTensor(new long[] {n}, v));
    }
}
