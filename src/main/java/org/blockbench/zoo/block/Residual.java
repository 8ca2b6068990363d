package org.blockbench.zoo.block;

import java.util.List;
import org.blockbench.onnx.OnnxOp;
import org.blockbench.onnx.Value;
import org.blockbench.zoo.ModelContext;

/** Adding a skip path to a block's output. */
final class Residual {

    private Residual() {
    }

    static Value add(ModelContext ctx, Value y, Value skip) {
        return ctx.graph().op(OnnxOp.ADD, List.of(y, skip));
    }
}
