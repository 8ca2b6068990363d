package org.blockbench.onnx;

import java.util.Set;

/**
 * The ONNX operators the builder emits, each declaring (for opset 17) its input arity, its
 * output count and the attributes it accepts. The builder checks every node against this
 * table, so a misspelt attribute or a missing input fails at build time, not inside a
 * runtime.
 */
public enum OnnxOp {
    ADD("Add", 2, 2, 1),
    SUB("Sub", 2, 2, 1),
    MUL("Mul", 2, 2, 1),
    DIV("Div", 2, 2, 1),
    ERF("Erf", 1, 1, 1),
    RELU("Relu", 1, 1, 1),
    SIGMOID("Sigmoid", 1, 1, 1),
    HARD_SWISH("HardSwish", 1, 1, 1),
    HARD_SIGMOID("HardSigmoid", 1, 1, 1, "alpha", "beta"),
    SOFTMAX("Softmax", 1, 1, 1, "axis"),
    CONV("Conv", 2, 3, 1, "kernel_shape", "strides", "pads", "dilations", "group", "auto_pad"),
    BATCH_NORMALIZATION("BatchNormalization", 5, 5, 1, "epsilon", "momentum", "training_mode"),
    LAYER_NORMALIZATION("LayerNormalization", 2, 3, 1, "axis", "epsilon", "stash_type"),
    AVERAGE_POOL("AveragePool", 1, 1, 1, "kernel_shape", "strides", "pads", "ceil_mode", "count_include_pad"),
    MAX_POOL("MaxPool", 1, 1, 1, "kernel_shape", "strides", "pads", "ceil_mode", "dilations"),
    GLOBAL_AVERAGE_POOL("GlobalAveragePool", 1, 1, 1),
    FLATTEN("Flatten", 1, 1, 1, "axis"),
    GEMM("Gemm", 2, 3, 1, "alpha", "beta", "transA", "transB"),
    MAT_MUL("MatMul", 2, 2, 1),
    RESHAPE("Reshape", 2, 2, 1, "allowzero"),
    TRANSPOSE("Transpose", 1, 1, 1, "perm"),
    CONCAT("Concat", 1, Integer.MAX_VALUE, 1, "axis"),
    SLICE("Slice", 3, 5, 1),
    GATHER("Gather", 2, 2, 1, "axis"),
    SPLIT("Split", 1, 2, -1, "axis"),
    GRID_SAMPLE("GridSample", 2, 2, 1, "align_corners", "mode", "padding_mode"),
    IDENTITY("Identity", 1, 1, 1),
    CONSTANT("Constant", 0, 0, 1, "value"),
    // appended for analysis fixtures that mirror PyTorch exports (ReLU6, x.view(x.size(0), -1))
    CLIP("Clip", 1, 3, 1),
    SHAPE("Shape", 1, 1, 1, "start", "end"),
    UNSQUEEZE("Unsqueeze", 2, 2, 1),
    // appended for the INT8 and FP16 variants (org.blockbench.quant)
    QUANTIZE_LINEAR("QuantizeLinear", 2, 3, 1, "axis"),
    DEQUANTIZE_LINEAR("DequantizeLinear", 2, 3, 1, "axis"),
    CAST("Cast", 1, 1, 1, "to");

    private final String opType;
    private final int minInputs;
    private final int maxInputs;
    private final int outputs;
    private final Set<String> attributes;

    OnnxOp(String opType, int minInputs, int maxInputs, int outputs, String... attributes) {
        this.opType = opType;
        this.minInputs = minInputs;
        this.maxInputs = maxInputs;
        this.outputs = outputs;
        this.attributes = Set.of(attributes);
    }

    /** The ONNX {@code op_type} string. */
    public String opType() {
        return opType;
    }

    /** Number of outputs, or -1 when the caller chooses it (Split). */
    public int outputs() {
        return outputs;
    }

    void checkInputs(int count) {
        if (count < minInputs || count > maxInputs) {
            throw new IllegalArgumentException(opType + " takes " + minInputs
                    + (maxInputs == minInputs ? "" : ".." + (maxInputs == Integer.MAX_VALUE ? "n" : maxInputs))
                    + " inputs, found " + count);
        }
    }

    void checkAttribute(String name) {
        if (!attributes.contains(name)) {
            throw new IllegalArgumentException("unknown attribute '" + name + "' for " + opType
                    + ", expected one of " + attributes.stream().sorted().toList());
        }
    }
}
