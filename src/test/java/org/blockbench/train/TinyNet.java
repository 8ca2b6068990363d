package org.blockbench.train;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.blockbench.onnx.Attribute;
import org.blockbench.onnx.FloatTensor;
import org.blockbench.onnx.GraphBuilder;
import org.blockbench.onnx.OnnxOp;
import org.blockbench.onnx.Value;

/**
 * A small conv net for 3×32×32 inputs, built with the project's GraphBuilder like the zoo:
 * conv3x3(3→16, s2)+BN+ReLU, conv3x3(16→32, s2)+BN+ReLU, global average pool, Linear(32→classes).
 */
final class TinyNet {

    private TinyNet() {
    }

    static ModelProto build(int classes, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        GraphBuilder g = new GraphBuilder();
        Value x = g.input("input", "batch", 3, 32, 32);
        x = convBnRelu(g, r, "conv1", x, 3, 16);
        x = convBnRelu(g, r, "conv2", x, 16, 32);
        x = g.op(OnnxOp.GLOBAL_AVERAGE_POOL, List.of(x));
        x = g.op(OnnxOp.FLATTEN, List.of(x));
        Value logits;
        try (var s = g.scope("fc")) {
            Value w = g.parameter("weight", uniform(r, 1 / Math.sqrt(32), classes, 32));
            Value b = g.parameter("bias", uniform(r, 1 / Math.sqrt(32), classes));
            logits = g.opNamed("logits", OnnxOp.GEMM, List.of(x, w, b), Attribute.integer("transB", 1));
        }
        g.output(logits, "batch", classes);
        return g.build("tiny", "test network", Map.of());
    }

    private static Value convBnRelu(GraphBuilder g, SplittableRandom r, String name, Value x, int in, int out) {
        try (var s = g.scope(name)) {
            Value w = g.parameter("weight", uniform(r, 1 / Math.sqrt(in * 9.0), out, in, 3, 3));
            Value y = g.op(OnnxOp.CONV, List.of(x, w), Attribute.ints("kernel_shape", 3, 3), Attribute.ints("strides", 2, 2),
                    Attribute.ints("pads", 1, 1, 1, 1));
            Value gamma = g.parameter("bn.weight", FloatTensor.filled(1f, out));
            Value beta = g.parameter("bn.bias", FloatTensor.filled(0f, out));
            Value mean = g.parameter("bn.running_mean", FloatTensor.filled(0f, out));
            Value var = g.parameter("bn.running_var", FloatTensor.filled(1f, out));
            y = g.op(OnnxOp.BATCH_NORMALIZATION, List.of(y, gamma, beta, mean, var), Attribute.real("epsilon", 1e-5f),
                    Attribute.real("momentum", 0.9f));
            return g.op(OnnxOp.RELU, List.of(y));
        }
    }

    private static FloatTensor uniform(SplittableRandom r, double bound, long... shape) {
        float[] v = new float[Math.toIntExact(FloatTensor.elementCount(shape))];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextDouble(-bound, bound);
        }
        return new FloatTensor(shape, v);
    }
}
