package org.blockbench.onnx;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The attributes ONNX defines for the default-domain operators BlockBench trains and the
 * exporters emit, by opset: ONNX Runtime refuses a node carrying an attribute its operator
 * does not define at the model's opset ("Unrecognized attribute: axis for operator Relu").
 * {@link ModelValidator} refuses such a node up front, so that {@code train --onnx} fails before
 * its first epoch and not in the parity check after the last. Operators missing from the table
 * are not checked (ONNX Runtime still is). Entries read {@code name}, {@code name>=V} (defined
 * from opset V) or {@code name<=V} (removed after opset V), from the ONNX operator changelog.
 */
final class OperatorAttributes {

    private static final Map<String, List<String>> TABLE = new LinkedHashMap<>();

    static {
        // consumed_inputs (opsets 1-5) and broadcast/axis (1-6) of the legacy element-wise operators
        for (String op : List.of("Add", "Sub", "Mul", "Div", "Pow")) {
            put(op, "axis<=6", "broadcast<=6", "consumed_inputs<=5");
        }
        for (String op : List.of("Relu", "Sigmoid", "Tanh", "Neg", "Sqrt")) {
            put(op, "consumed_inputs<=5");
        }
        for (String op : List.of("Erf", "HardSwish", "Identity", "MatMul", "GlobalAveragePool")) {
            put(op);
        }
        put("LeakyRelu", "alpha", "consumed_inputs<=5");
        put("HardSigmoid", "alpha", "beta", "consumed_inputs<=5");
        put("Conv", "auto_pad", "dilations", "group", "kernel_shape", "pads", "strides");
        put("AveragePool", "auto_pad", "ceil_mode>=10", "count_include_pad>=7", "dilations>=19", "kernel_shape", "pads",
                "strides");
        put("MaxPool", "auto_pad", "ceil_mode>=10", "dilations>=10", "kernel_shape", "pads", "storage_order>=8", "strides");
        put("BatchNormalization", "epsilon", "momentum", "spatial<=8", "is_test<=6", "consumed_inputs<=5",
                "training_mode>=14");
        put("LayerNormalization", "axis", "epsilon", "stash_type");
        put("Gemm", "alpha", "beta", "transA", "transB", "broadcast<=6");
        put("Flatten", "axis");
        put("Concat", "axis");
        put("Gather", "axis");
        put("Softmax", "axis");
        put("Transpose", "perm");
        put("Clip", "min<=10", "max<=10");
        put("Dropout", "ratio<=11", "is_test<=6", "consumed_inputs<=5", "seed>=12");
        put("ReduceMean", "axes<=17", "keepdims", "noop_with_empty_axes>=18");
        put("Reshape", "shape<=4", "consumed_inputs<=4", "allowzero>=14");
        put("Shape", "start>=15", "end>=15");
        put("Slice", "axes<=9", "starts<=9", "ends<=9");
        put("Split", "axis", "split<=12", "num_outputs>=18");
        put("Squeeze", "axes<=12");
        put("Unsqueeze", "axes<=12");
        put("GridSample", "align_corners", "mode", "padding_mode");
        put("Constant", "value", "sparse_value>=11", "value_float>=12", "value_floats>=12", "value_int>=12",
                "value_ints>=12", "value_string>=12", "value_strings>=12");
    }

    private OperatorAttributes() {
    }

    private static void put(String op, String... attributes) {
        TABLE.put(op, List.of(attributes));
    }

    /**
     * Why {@code attribute} is not an attribute of {@code opType} at {@code opset}
     * ("Relu defines no attributes", "AveragePool defines dilations from opset 19"), or empty
     * when it is, or when the operator is not in the table.
     */
    static Optional<String> undefined(String opType, String attribute, long opset) {
        List<String> defined = TABLE.get(opType);
        if (defined == null) {
            return Optional.empty();
        }
        List<String> atOpset = new java.util.ArrayList<>();
        for (String entry : defined) {
            String name = entry.split("[<>]=")[0];
            boolean ok = !entry.contains(">=") && !entry.contains("<=")
                    || entry.contains(">=") && opset >= Long.parseLong(entry.substring(entry.indexOf(">=") + 2))
                    || entry.contains("<=") && opset <= Long.parseLong(entry.substring(entry.indexOf("<=") + 2));
            if (ok) {
                atOpset.add(name);
                if (name.equals(attribute)) {
                    return Optional.empty();
                }
            } else if (name.equals(attribute)) {
                return Optional.of(opType + " defines " + attribute + " only "
                        + (entry.contains(">=") ? "from opset " + entry.substring(entry.indexOf(">=") + 2)
                        : "up to opset " + entry.substring(entry.indexOf("<=") + 2)) + ", the model imports opset " + opset);
            }
        }
        return Optional.of(atOpset.isEmpty() ? opType + " defines no attributes at opset " + opset
                : opType + " defines only " + atOpset + " at opset " + opset);
    }
}
