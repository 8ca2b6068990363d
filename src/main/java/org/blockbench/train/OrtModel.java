package org.blockbench.train;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.util.Map;
import org.blockbench.onnx.FloatTensor;
import org.blockbench.onnx.OrtCallException;

/**
 * An ONNX Runtime (CPU) session over one model with a single float input, used to check that
 * a trained graph evaluates in ORT as it did in the trainer. {@link OrtException} stays here:
 * it becomes {@link OrtCallException} with the model and the step that failed.
 */
public final class OrtModel implements AutoCloseable {

    private final String source;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final String inputName;
    private boolean closed;

    /**
     * @param threads intra-op threads for the session
     */
    public OrtModel(ModelProto model, String source, int threads) {
        this.source = source;
        this.env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            this.session = env.createSession(model.toByteArray(), options);
            this.inputName = session.getInputNames().iterator().next();
        } catch (OrtException e) {
            throw new OrtCallException(source + ": ONNX Runtime cannot load the model", e);
        }
    }

    /** Runs the model on {@code input}; returns its first output. */
    public FloatTensor run(FloatTensor input) {
        if (closed) {
            throw new IllegalStateException("OrtModel is closed");
        }
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input.data()), input.shape());
             OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
            OnnxTensor out = (OnnxTensor) result.get(0);
            long[] shape = ((TensorInfo) out.getInfo()).getShape();
            FloatBuffer buffer = out.getFloatBuffer();
            float[] data = new float[buffer.remaining()];
            buffer.get(data);
            return new FloatTensor(shape, data);
        } catch (OrtException e) {
            throw new OrtCallException(source + ": ONNX Runtime failed to run the model", e);
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
            throw new OrtCallException(source + ": closing the ONNX Runtime session failed", e);
        }
    }
}
