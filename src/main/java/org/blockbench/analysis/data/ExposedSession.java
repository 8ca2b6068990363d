package org.blockbench.analysis.data;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.blockbench.onnx.OrtCallException;

/**
 * An ONNX Runtime CPU session over a copy of a model in which chosen intermediate values are
 * extra graph outputs, so that one run returns them all. Owns its session and options and
 * closes them newest-first; a second close is harmless; use after close throws
 * {@link IllegalStateException}. Graph optimisations are disabled, so every exposed value is
 * computed exactly as the graph states it.
 */
public final class ExposedSession implements AutoCloseable {

    private final String modelName;
    private final OrtSession.SessionOptions options;
    private final OrtSession session;
    private final List<String> outputs;
    private boolean closed;

    private ExposedSession(String modelName, OrtSession.SessionOptions options, OrtSession session, List<String> outputs) {
        this.modelName = modelName;
        this.options = options;
        this.session = session;
        this.outputs = outputs;
    }

    /**
     * Opens a session that returns the model's outputs and the given values.
     *
     * @param exposed      value names to expose, with the ONNX element type of each
     */
    public static ExposedSession open(ModelProto model, Map<String, Integer> exposed) {
        String name = model.getGraph().getName();
        ModelProto augmented = expose(model, exposed);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        try {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
            options.setIntraOpNumThreads(1);
            OrtSession session = env.createSession(augmented.toByteArray(), options);
            List<String> outs = new ArrayList<>(session.getOutputNames());
            return new ExposedSession(name, options, session, outs);
        } catch (OrtException e) {
            options.close();
            throw new OrtCallException("ONNX Runtime cannot load model '" + name + "' with "
                    + exposed.size() + " intermediate values exposed", e);
        }
    }

    /** A copy of {@code model} whose graph outputs also list {@code exposed} (those not already outputs). */
    public static ModelProto expose(ModelProto model, Map<String, Integer> exposed) {
        Set<String> present = new HashSet<>();
        model.getGraph().getOutputList().forEach(o -> present.add(o.getName()));
        var graph = model.getGraph().toBuilder();
        exposed.forEach((value, type) -> {
            if (present.add(value)) {
                graph.addOutput(ValueInfoProto.newBuilder().setName(value).setType(TypeProto.newBuilder()
                        .setTensorType(TypeProto.Tensor.newBuilder().setElemType(type))));
            }
        });
        return model.toBuilder().setGraph(graph).build();
    }

    /** Runs once on float inputs and copies every output out of native memory. */
    public Map<String, HostTensor> run(Map<String, HostTensor> inputs) {
        if (closed) {
            throw new IllegalStateException("ExposedSession for '" + modelName + "' is closed");
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        Map<String, OnnxTensor> feeds = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, HostTensor> e : inputs.entrySet()) {
                feeds.put(e.getKey(), OnnxTensor.createTensor(env, FloatBuffer.wrap(e.getValue().data()),
                        e.getValue().shape()));
            }
            Map<String, HostTensor> result = new HashMap<>();
            try (OrtSession.Result r = session.run(feeds)) {
                for (String name : outputs) {
                    OnnxValue v = r.get(name).orElseThrow();
                    if (v instanceof OnnxTensor t) {
                        result.put(name, copy(t));
                    }
                }
            }
            return result;
        } catch (OrtException e) {
            throw new OrtCallException("ONNX Runtime failed to run model '" + modelName + "' on inputs "
                    + inputs.keySet(), e);
        } finally {
            feeds.values().forEach(OnnxTensor::close);
        }
    }

    private static HostTensor copy(OnnxTensor t) {
        TensorInfo info = t.getInfo();
        long[] shape = info.getShape();
        int type = onnxNumber(info.onnxType);
        float[] data = null;
        if (info.type == ai.onnxruntime.OnnxJavaType.FLOAT) {
            FloatBuffer b = t.getFloatBuffer();
            data = new float[b.remaining()];
            b.get(data);
        }
        return new HostTensor(shape, type, data);
    }

    /** ORT's element type enum in ONNX {@code TensorProto.DataType} numbering (they differ). */
    private static int onnxNumber(TensorInfo.OnnxTensorType type) {
        String name = type.name().replace("ONNX_TENSOR_ELEMENT_DATA_TYPE_", "");
        try {
            return ai.onnx.proto.OnnxMl.TensorProto.DataType.valueOf(name).getNumber();
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            session.close();
        } catch (OrtException e) {
            throw new OrtCallException("ONNX Runtime failed to close the session of '" + modelName + "'", e);
        } finally {
            options.close();
        }
    }
}
