package org.blockbench.zoo.build;

import java.util.List;
import org.blockbench.onnx.Attribute;
import org.blockbench.onnx.OnnxOp;
import org.blockbench.onnx.Value;
import org.blockbench.zoo.Block;
import org.blockbench.zoo.BlockSpec;
import org.blockbench.zoo.ModelContext;
import org.blockbench.zoo.Position;
import org.blockbench.zoo.layer.Activation;
import org.blockbench.zoo.layer.Linear;

/**
 * The GWO baseline network (docs/protocol.md §GWO): layer(3→16, k3) + MaxPool 2, layer(16→32, k3) +
 * MaxPool 2, flatten, Linear 120, ReLU, Linear 84, ReLU, Linear 10, where "layer" is one of
 * the GWO baseline blocks (StandardConv with padding 0, DeformableConv and DepthwiseConv
 * with padding 1).
 */
public final class GwoNetwork {

    /** The blocks a GWO network can be built from. */
    public static final List<String> VARIANTS = List.of("StandardConv", "DeformableConv", "DepthwiseConv");
    static final int CLASSES = 10;

    private GwoNetwork() {
    }

    /** The layer block for a variant: the registry's, except StandardConv without padding. */
    static Block layer(String variant) {
        if (!VARIANTS.contains(variant)) {
            throw org.blockbench.BadInputException.unknown("GWO network variant", variant, VARIANTS);
        }
        return variant.equals("StandardConv") ? new org.blockbench.zoo.block.StandardConv(0) : BlockRegistry.get(variant);
    }

    static Value emit(ModelContext ctx, Value input, String variant, int inputSize) {
        var g = ctx.graph();
        Block layer = layer(variant);
        Value x = input;
        int channels = 3;
        int size = inputSize;
        int[] widths = {16, 32};
        for (int i = 0; i < widths.length; i++) {
            try (var s = g.scope("layer" + (i + 1))) {
                x = layer.emit(ctx, x, new BlockSpec(channels, widths[i], 1, Position.EARLY, size, size));
            }
            size = layer.outputSize(size, 1) / 2;
            channels = widths[i];
            x = g.op(OnnxOp.MAX_POOL, List.of(x), Attribute.ints("kernel_shape", 2, 2), Attribute.ints("strides", 2, 2));
        }
        x = g.op(OnnxOp.FLATTEN, List.of(x));
        x = Activation.RELU.apply(g, new Linear(channels * size * size, 120).emit(ctx, "fc1", x));
        x = Activation.RELU.apply(g, new Linear(120, 84).emit(ctx, "fc2", x));
        return new Linear(84, CLASSES).emit(ctx, "fc3", x, Zoo.OUTPUT_NAME);
    }
}
