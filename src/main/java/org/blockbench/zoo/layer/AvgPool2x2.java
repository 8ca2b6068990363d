package org.blockbench.zoo.layer;

import java.util.List;
import org.blockbench.onnx.Attribute;
import org.blockbench.onnx.GraphBuilder;
import org.blockbench.onnx.OnnxOp;
import org.blockbench.onnx.Value;

/** 2×2 average pooling, stride 2, ceil mode, padding excluded: timm's downsampling pool. */
public final class AvgPool2x2 {

    private AvgPool2x2() {
    }

    public static Value apply(GraphBuilder g, Value x) {
        return g.op(OnnxOp.AVERAGE_POOL, List.of(x), Attribute.ints("kernel_shape", 2, 2),
                Attribute.ints("strides", 2, 2), Attribute.integer("ceil_mode", 1),
                Attribute.integer("count_include_pad", 0));
    }
}
