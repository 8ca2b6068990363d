package org.blockbench.analysis.shape;

import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.List;
import java.util.Map;

/**
 * QuantizeLinear and DequantizeLinear (the QDQ format of INT8 variants, docs/quantization.md):
 * element-wise, so the output has the input's shape; QuantizeLinear gives the zero point's
 * element type (uint8 when absent), DequantizeLinear the scale's (float32).
 */
final class QuantizeShapes {

    private QuantizeShapes() {
    }

    static void register(Map<String, ShapeRule> rules) {
        rules.put("QuantizeLinear", n -> List.of(TensorInfo.of(n.hasInput(2) ? n.elementType(2)
                : TensorProto.DataType.UINT8_VALUE, n.shape(0))));
        rules.put("DequantizeLinear", n -> List.of(TensorInfo.of(n.elementType(1), n.shape(0))));
    }
}
