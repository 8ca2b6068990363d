package org.blockbench.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.SplittableRandom;

/** Test support: runs a model in ONNX Runtime (CPU) on one float input and returns the flat output. */
public final class OrtModelRunner {

    private OrtModelRunner() {
    }

    public static float[] run(ModelProto model, String inputName, float[] input, long... shape) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            try (OrtSession session = env.createSession(model.toByteArray(), options);
                 OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), shape);
                 OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
                OnnxTensor out = (OnnxTensor) result.get(0);
                FloatBuffer buf = out.getFloatBuffer();
                float[] values = new float[buf.remaining()];
                buf.get(values);
                return values;
            }
        } catch (OrtException e) {
            throw new AssertionError("ONNX Runtime rejected " + model.getGraph().getName() + ": " + e.getMessage(), e);
        }
    }

    /** Uniform [-1, 1) values from a seed. */
    public static float[] randomInput(long seed, int n) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        return v;
    }

    /** max |a − b| / max |a|: the relative error used by the parity tests. */
    public static double relativeError(float[] expected, float[] actual) {
        if (expected.length != actual.length) {
            throw new AssertionError("lengths differ: " + expected.length + " vs " + actual.length);
        }
        double maxAbs = 0;
        double maxDiff = 0;
        for (int i = 0; i < expected.length; i++) {
            maxAbs = Math.max(maxAbs, Math.abs(expected[i]));
            maxDiff = Math.max(maxDiff, Math.abs(expected[i] - actual[i]));
        }
        return maxAbs == 0 ? maxDiff : maxDiff / maxAbs;
    }

    public static long countNodes(ModelProto model, String opType) {
        return model.getGraph().getNodeList().stream().map(NodeProto::getOpType).filter(opType::equals).count();
    }
}
