package org.blockbench.train;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.blockbench.onnx.FloatTensor;
import org.blockbench.onnx.GraphBuilder;

/**
 * Writes trained values into a copy of an ONNX model: every float initializer named in
 * {@code weights} gets the trained value (same name, shape and FLOAT type, little-endian raw
 * data); the graph is otherwise unchanged, so ONNX Runtime evaluates exactly the trained
 * model. Metadata entries are added (replacing same-named ones); BlockBench's own files keep
 * their closing metadata entry count.
 */
public final class WeightWriteBack {

    private WeightWriteBack() {
    }

    public static ModelProto withWeights(ModelProto model, Map<String, FloatTensor> weights, Map<String, String> metadata) {
        GraphProto.Builder graph = model.getGraph().toBuilder();
        Set<String> written = new HashSet<>();
        for (int i = 0; i < graph.getInitializerCount(); i++) {
            TensorProto init = graph.getInitializer(i);
            FloatTensor value = weights.get(init.getName());
            if (value == null) {
                continue;
            }
            long[] shape = init.getDimsList().stream().mapToLong(Long::longValue).toArray();
            if (!Arrays.equals(shape, value.shape())) {
                throw new IllegalArgumentException("initializer '" + init.getName() + "' has shape " + Arrays.toString(shape)
                        + ", trained value " + Arrays.toString(value.shape()));
            }
            if (init.getDataType() != TensorProto.DataType.FLOAT.getNumber()) {
                throw new IllegalArgumentException("initializer '" + init.getName() + "' is not FLOAT; only float32 models"
                        + " can take trained weights back");
            }
            ByteBuffer bytes = ByteBuffer.allocate(value.size() * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asFloatBuffer().put(value.data());
            graph.setInitializer(i, init.toBuilder().clearFloatData().setRawData(ByteString.copyFrom(bytes.array())));
            written.add(init.getName());
        }
        Set<String> missing = new HashSet<>(weights.keySet());
        missing.removeAll(written);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("trained tensors without a matching initializer: " + new java.util.TreeSet<>(missing));
        }
        ModelProto.Builder out = model.toBuilder().setGraph(graph);
        Map<String, String> props = new TreeMap<>();
        model.getMetadataPropsList().forEach(p -> props.put(p.getKey(), p.getValue()));
        props.remove(GraphBuilder.METADATA_COUNT_KEY);
        props.putAll(metadata);
        out.clearMetadataProps();
        props.forEach((k, v) -> out.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        if (GraphBuilder.PRODUCER.equals(model.getProducerName())) {
            // BlockBench files end their metadata with the entry count (truncation check)
            out.addMetadataProps(StringStringEntryProto.newBuilder().setKey(GraphBuilder.METADATA_COUNT_KEY)
                    .setValue(Integer.toString(props.size() + 1)));
        }
        return out.build();
    }
}
