package org.blockbench.quant;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.blockbench.onnx.GraphBuilder;
import org.blockbench.onnx.OnnxModelException;

/** A deploy graph's inputs and outputs as a {@link GraphBuilder} declares them, and a variant's metadata. */
final class Edges {

    /** A graph input or output: float32, symbolic batch dimension, fixed other dimensions. */
    record Io(String name, String batchDim, long[] dims) {
    }

    private final List<Io> inputs = new ArrayList<>();
    private final List<Io> outputs = new ArrayList<>();

    Edges(GraphIndex graph) {
        Set<String> initializers = new HashSet<>(graph.initializers.keySet());
        for (ValueInfoProto in : graph.graph.getInputList()) {
            if (!initializers.contains(in.getName())) {
                inputs.add(io(in));
            }
        }
        graph.graph.getOutputList().forEach(o -> outputs.add(io(o)));
    }

    List<Io> inputs() {
        return inputs;
    }

    List<Io> outputs() {
        return outputs;
    }

    private static Io io(ValueInfoProto v) {
        TensorShapeProto shape = v.getType().getTensorType().getShape();
        if (shape.getDimCount() == 0 || shape.getDim(0).getDimParam().isEmpty()) {
            throw new OnnxModelException("value '" + v.getName() + "' has no symbolic batch dimension; variants are "
                    + "made of BlockBench's deploy graphs, whose inputs and outputs have one");
        }
        long[] dims = new long[shape.getDimCount() - 1];
        for (int i = 1; i < shape.getDimCount(); i++) {
            dims[i - 1] = shape.getDim(i).getDimValue();
        }
        return new Io(v.getName(), shape.getDim(0).getDimParam(), dims);
    }

    /** The deploy model's metadata (without its entry count, which the builder writes) plus the variant's. */
    static Map<String, String> metadata(ModelProto deploy, Map<String, String> variant) {
        Map<String, String> out = new TreeMap<>();
        deploy.getMetadataPropsList().forEach(p -> {
            if (!p.getKey().equals(GraphBuilder.METADATA_COUNT_KEY)) {
                out.put(p.getKey(), p.getValue());
            }
        });
        out.putAll(variant);
        return out;
    }
}
