package org.blockbench.regress;

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
 * Calibration models for the regression checker: a plain conv net and variants of it with
 * one conv made wider or a few small convs added, so that a known amount of extra compute can
 * be injected.
 *
 * <p>Network (input {@code [batch, 3, 32, 32]}, output {@code logits [batch, 10]}): stem
 * Conv 3×3 (3→{@value #WIDTH}, stride 2) + ReLU to 16×16, then {@value #BODY_LAYERS} body
 * layers Conv 3×3 ({@value #WIDTH}→{@value #WIDTH}, pad 1, no bias) + ReLU, global average
 * pool, flatten, Linear({@value #WIDTH}→10). The variant with {@code extraChannels = w}
 * widens the output of body layer {@value #WIDENED_LAYER} (and so the input of the next
 * layer) to {@code WIDTH + w} channels: each of those two convs does {@code (WIDTH+w)/WIDTH}
 * of the work, and the whole net gains about {@code w/161.5} of its MACs (w = 16 adds 9.9 %, see
 * {@link #extraComputeFraction}). The variant with {@code extraLayers = d} adds, after the
 * body, one Conv 3×3 ({@value #WIDTH}→{@value #WIDTH}, stride 2) to 8×8 and {@code d − 1} more
 * at 8×8 (pad 1), each + ReLU: {@code 32·32·9·64} MACs, +2.48 % of the base, apiece. Widened
 * convs run ORT's kernels on channel counts that are not the base's, which costs more than the
 * arithmetic (a few extra channels already cost ~8 % here); the added convs keep the base's
 * channel count, so their cost tracks their MACs more closely.
 * Weights are He-initialised from a fixed seed, so activations neither explode nor fall
 * into the denormal range (which would slow the CPU and distort timings).
 */
public final class SlowdownModels {

    /** Channels of every body conv in the base model. */
    public static final int WIDTH = 32;
    /** Number of 3×3 body convs. */
    public static final int BODY_LAYERS = 10;
    /** 1-based index of the body layer whose output is widened in a variant. */
    public static final int WIDENED_LAYER = 5;
    /** Spatial size after the stride-2 stem. */
    public static final int SPATIAL = 16;
    /** Output classes. */
    public static final int CLASSES = 10;

    private static final long SEED = 20240607L;

    private SlowdownModels() {
    }

    /** The model with {@code extraChannels} more output channels in the widened layer (0 = base). */
    public static ModelProto build(int extraChannels) {
        return build(extraChannels, 0);
    }

    /**
     * The model with {@code extraChannels} more output channels in the widened layer and
     * {@code extraLayers} small convs after the body (0 and 0 = base).
     */
    public static ModelProto build(int extraChannels, int extraLayers) {
        if (extraChannels < 0 || extraLayers < 0) {
            throw new IllegalArgumentException("extraChannels and extraLayers must be >= 0, found " + extraChannels
                    + " and " + extraLayers);
        }
        SplittableRandom random = new SplittableRandom(SEED + extraChannels + 1000L * extraLayers);
        GraphBuilder g = new GraphBuilder();
        Value x = g.input("input", "batch", 3, 32, 32);
        try (var s = g.scope("stem")) {
            x = relu(g, conv(g, random, x, 3, WIDTH, 2, true));
        }
        int in = WIDTH;
        for (int layer = 1; layer <= BODY_LAYERS; layer++) {
            int out = layer == WIDENED_LAYER ? WIDTH + extraChannels : WIDTH;
            try (var s = g.scope("body")) {
                try (var t = g.scope(Integer.toString(layer))) {
                    x = relu(g, conv(g, random, x, in, out, 1, false));
                }
            }
            in = out;
        }
        for (int layer = 1; layer <= extraLayers; layer++) {
            try (var s = g.scope("extra")) {
                try (var t = g.scope(Integer.toString(layer))) {
                    x = relu(g, conv(g, random, x, WIDTH, WIDTH, layer == 1 ? 2 : 1, false));
                }
            }
        }
        Value pooled = g.op(OnnxOp.FLATTEN, List.of(g.op(OnnxOp.GLOBAL_AVERAGE_POOL, List.of(x))),
                Attribute.integer("axis", 1));
        Value logits;
        try (var s = g.scope("head")) {
            Value w = g.parameter("fc.weight", heNormal(random, WIDTH, CLASSES, WIDTH));
            Value b = g.parameter("fc.bias", FloatTensor.filled(0f, CLASSES));
            logits = g.opNamed("logits", OnnxOp.GEMM, List.of(pooled, w, b), Attribute.integer("transB", 1));
        }
        g.output(logits, "batch", CLASSES);
        return g.build("slowdown_w" + extraChannels + "_d" + extraLayers,
                "BlockBench regression calibration net; body layer " + WIDENED_LAYER + " widened by "
                        + extraChannels + " channels, " + extraLayers + " extra 8x8 convs",
                Map.of("blockbench.regress.extra_channels", Integer.toString(extraChannels),
                        "blockbench.regress.extra_layers", Integer.toString(extraLayers),
                        "blockbench.regress.macs", Long.toString(macs(extraChannels, extraLayers)),
                        "blockbench.regress.seed", Long.toString(SEED + extraChannels + 1000L * extraLayers)));
    }

    /**
     * Multiply-accumulates of one forward pass at batch 1, counting Conv and Gemm only
     * (docs/protocol.md §Counting: N·Cout·Hout·Wout·Cin·kh·kw for Conv, in·out for Gemm).
     */
    public static long macs(int extraChannels, int extraLayers) {
        long hw = (long) SPATIAL * SPATIAL;
        long total = 3L * WIDTH * 9 * hw; // stem
        int in = WIDTH;
        for (int layer = 1; layer <= BODY_LAYERS; layer++) {
            int out = layer == WIDENED_LAYER ? WIDTH + extraChannels : WIDTH;
            total += (long) in * out * 9 * hw;
            in = out;
        }
        total += (long) extraLayers * WIDTH * WIDTH * 9 * (hw / 4);
        return total + (long) WIDTH * CLASSES;
    }

    /** Extra compute of a variant relative to the base model: {@code macs(w, d) / macs(0, 0) - 1}. */
    public static double extraComputeFraction(int extraChannels, int extraLayers) {
        return (double) macs(extraChannels, extraLayers) / macs(0, 0) - 1.0;
    }

    private static Value conv(GraphBuilder g, SplittableRandom random, Value x, int in, int out, int stride,
            boolean bias) {
        Value w = g.parameter("conv.weight", heNormal(random, in * 9, out, in, 3, 3));
        List<Value> inputs = bias ? List.of(x, w, g.parameter("conv.bias", FloatTensor.filled(0f, out)))
                : List.of(x, w);
        return g.op(OnnxOp.CONV, inputs, Attribute.ints("kernel_shape", 3, 3),
                Attribute.ints("strides", stride, stride), Attribute.ints("pads", 1, 1, 1, 1));
    }

    private static Value relu(GraphBuilder g, Value x) {
        return g.op(OnnxOp.RELU, List.of(x));
    }

    /** Normal(0, sqrt(2 / fanIn)) via Box-Muller from a seeded generator. */
    private static FloatTensor heNormal(SplittableRandom random, int fanIn, long... shape) {
        float[] data = new float[Math.toIntExact(FloatTensor.elementCount(shape))];
        double std = Math.sqrt(2.0 / fanIn);
        for (int i = 0; i < data.length; i++) {
            double u1 = 1.0 - random.nextDouble();
            double u2 = random.nextDouble();
            data[i] = (float) (std * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2));
        }
        return new FloatTensor(shape, data);
    }
}
