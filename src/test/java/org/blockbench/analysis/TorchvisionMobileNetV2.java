package org.blockbench.analysis;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.blockbench.onnx.Attribute;
import org.blockbench.onnx.FloatTensor;
import org.blockbench.onnx.GraphBuilder;
import org.blockbench.onnx.OnnxOp;
import org.blockbench.onnx.Value;

/**
 * Test fixture: torchvision's mobilenet_v2 (width 1.0) written node by node as
 * torch.onnx.export (opset 17, training=PRESERVE) writes it: Conv without bias + BN + ReLU6
 * (Clip with min/max inputs), inverted residuals with the settings table of
 * torchvision/models/mobilenetv2.py, GlobalAveragePool, Flatten, Gemm 1280 → 1000 (Dropout
 * vanishes in eval export). Parameter names follow the state_dict (features.2.conv.1.0.weight).
 */
final class TorchvisionMobileNetV2 {

    /** t (expansion), c (output channels), n (repeats), s (first stride). */
    private static final int[][] SETTINGS = {
        {1, 16, 1, 1}, {6, 24, 2, 2}, {6, 32, 3, 2}, {6, 64, 4, 2}, {6, 96, 3, 1}, {6, 160, 3, 2}, {6, 320, 1, 1}};

    private final GraphBuilder g = new GraphBuilder();

    private TorchvisionMobileNetV2() {
    }

    static ModelProto build() {
        return new TorchvisionMobileNetV2().model();
    }

    private ModelProto model() {
        Value x = g.input("input", "batch", 3, 224, 224);
        int feature = 0;
        try (var f = g.scope("features")) {
            try (var s = g.scope(Integer.toString(feature++))) {
                x = convBnAct(x, 3, 32, 3, 2, 1, true);
            }
            int in = 32;
            for (int[] t : SETTINGS) {
                for (int i = 0; i < t[2]; i++) {
                    try (var s = g.scope(Integer.toString(feature++))) {
                        x = invertedResidual(x, in, t[1], i == 0 ? t[3] : 1, t[0]);
                    }
                    in = t[1];
                }
            }
            try (var s = g.scope(Integer.toString(feature))) {
                x = convBnAct(x, 320, 1280, 1, 1, 1, true);
            }
        }
        x = g.op(OnnxOp.GLOBAL_AVERAGE_POOL, List.of(x));
        x = g.op(OnnxOp.FLATTEN, List.of(x), Attribute.integer("axis", 1));
        Value logits;
        try (var c = g.scope("classifier"); var l = g.scope("1")) {
            logits = g.opNamed("logits", OnnxOp.GEMM, List.of(x, g.parameter("weight", FloatTensor.filled(0.01f, 1000, 1280)),
                    g.parameter("bias", FloatTensor.filled(0f, 1000))), Attribute.integer("transB", 1));
        }
        g.output(logits, "batch", 1000);
        return g.build("torch_jit", "torchvision mobilenet_v2", Map.of());
    }

    private Value invertedResidual(Value x, int in, int out, int stride, int expand) {
        int hidden = in * expand;
        Value y = x;
        try (var conv = g.scope("conv")) {
            int k = 0;
            if (expand != 1) {
                try (var s = g.scope(Integer.toString(k++))) {
                    y = convBnAct(y, in, hidden, 1, 1, 1, true);
                }
            }
            try (var s = g.scope(Integer.toString(k++))) {
                y = convBnAct(y, hidden, hidden, 3, stride, hidden, true);
            }
            y = conv(Integer.toString(k++), y, hidden, out, 1, 1, 1);
            y = bn(Integer.toString(k), y, out);
        }
        return stride == 1 && in == out ? g.op(OnnxOp.ADD, List.of(x, y)) : y;
    }

    /** torchvision Conv2dNormActivation: conv (index 0), BN (index 1), ReLU6. */
    private Value convBnAct(Value x, int in, int out, int k, int stride, int groups, boolean act) {
        Value y = bn("1", conv("0", x, in, out, k, stride, groups), out);
        if (!act) {
            return y;
        }
        List<Value> clip = new ArrayList<>(List.of(y, g.scalar(0f), g.scalar(6f)));
        return g.op(OnnxOp.CLIP, clip);
    }

    private Value conv(String name, Value x, int in, int out, int k, int stride, int groups) {
        int pad = (k - 1) / 2;
        Value w = g.parameter(name + ".weight", FloatTensor.filled(0.01f, out, in / groups, k, k));
        return g.op(OnnxOp.CONV, List.of(x, w), Attribute.ints("kernel_shape", k, k),
                Attribute.ints("strides", stride, stride), Attribute.ints("pads", pad, pad, pad, pad),
                Attribute.integer("group", groups));
    }

    private Value bn(String name, Value x, int c) {
        return g.op(OnnxOp.BATCH_NORMALIZATION, List.of(x, g.parameter(name + ".weight", FloatTensor.filled(1f, c)),
                g.parameter(name + ".bias", FloatTensor.filled(0f, c)),
                g.parameter(name + ".running_mean", FloatTensor.filled(0f, c)),
                g.parameter(name + ".running_var", FloatTensor.filled(1f, c))), Attribute.real("epsilon", 1e-5f));
    }
}
