package org.blockbench.ort;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.TensorInfo;
import java.util.Arrays;
import java.util.Map;

/**
 * The one input a benchmarked model takes: a float32 image batch {@code [N, C, H, W]} with
 * C, H, W fixed and N either symbolic (set by the batch size) or fixed to the batch size.
 * Anything else is rejected with a message that shows what the model declares.
 *
 * @param name  the graph input's name
 * @param shape the concrete shape fed to the model, batch first
 */
public record ImageInput(String name, long[] shape) {

    /** Checks the model's declared inputs and fixes the batch dimension. */
    public static ImageInput of(String model, Map<String, NodeInfo> inputs, int batch) {
        if (batch < 1) {
            throw new OrtCallException(model + ": batch size must be >= 1, found " + batch);
        }
        if (inputs.size() != 1) {
            throw new OrtCallException(model + ": expected one image input [N, C, H, W], found " + inputs.size()
                    + " inputs " + inputs.keySet());
        }
        Map.Entry<String, NodeInfo> only = inputs.entrySet().iterator().next();
        String name = only.getKey();
        if (!(only.getValue().getInfo() instanceof TensorInfo tensor)) {
            throw new OrtCallException(model + ": input '" + name + "' is " + only.getValue().getInfo()
                    + ", expected a float32 image tensor [N, C, H, W]");
        }
        long[] declared = tensor.getShape();
        String shown = describe(tensor);
        if (tensor.type != OnnxJavaType.FLOAT || declared.length != 4) {
            throw new OrtCallException(model + ": input '" + name + "' is " + shown
                    + ", expected a float32 image tensor [N, C, H, W]");
        }
        for (int d = 1; d < 4; d++) {
            if (declared[d] < 1) {
                throw new OrtCallException(model + ": input '" + name + "' is " + shown
                        + "; only the batch dimension may be symbolic, C, H and W must be fixed");
            }
        }
        if (declared[0] > 0 && declared[0] != batch) {
            throw new OrtCallException(model + ": input '" + name + "' has a fixed batch of " + declared[0]
                    + ", so batch " + batch + " cannot be fed; valid batch: [" + declared[0] + "]");
        }
        long[] shape = declared.clone();
        shape[0] = batch;
        return new ImageInput(name, shape);
    }

    /** Number of elements in one fed tensor. */
    public long elements() {
        return Arrays.stream(shape).reduce(1, Math::multiplyExact);
    }

    private static String describe(TensorInfo tensor) {
        String[] names = tensor.getDimensionNames();
        long[] shape = tensor.getShape();
        String[] dims = new String[shape.length];
        for (int i = 0; i < shape.length; i++) {
            dims[i] = shape[i] >= 0 ? Long.toString(shape[i])
                    : (names != null && i < names.length && !names[i].isEmpty() ? names[i] : "?");
        }
        return tensor.type.name().toLowerCase(java.util.Locale.ROOT) + " " + Arrays.toString(dims);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageInput other && name.equals(other.name) && Arrays.equals(shape, other.shape);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
