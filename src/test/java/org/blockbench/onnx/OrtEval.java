package org.blockbench.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import java.util.Map;
import org.blockbench.ort.HostTensor;
import org.blockbench.ort.InferenceSession;
import org.blockbench.ort.ModelOrigin;
import org.blockbench.ort.OptimizationLevel;
import org.blockbench.ort.SeededInput;
import org.blockbench.ort.SessionSettings;

/**
 * Test support over the one ORT boundary: evaluates a graph BlockBench built with
 * {@link InferenceSession#load} (CPU, one thread) and compares outputs.
 */
public final class OrtEval {

    private OrtEval() {
    }

    /** Runs {@code model} on one float input and returns its first output, flat. */
    public static float[] run(ModelProto model, String inputName, float[] input, long... shape) {
        return run(model, Map.of(inputName, HostTensor.floats(shape, input))).data();
    }

    /** Runs {@code model} on its single float input and returns its first output. */
    public static FloatTensor run(ModelProto model, FloatTensor input) {
        String inputName = model.getGraph().getInput(0).getName();
        HostTensor out = run(model, Map.of(inputName, HostTensor.floats(input.shape(), input.data())));
        return new FloatTensor(out.shape(), out.data());
    }

    private static HostTensor run(ModelProto model, Map<String, HostTensor> feeds) {
        try (InferenceSession session = InferenceSession.load(model.getGraph().getName(), model.toByteArray(),
                ModelOrigin.BLOCKBENCH, SessionSettings.cpu(1, OptimizationLevel.ALL))) {
            return session.evaluate(feeds).get(session.outputNames().get(0));
        }
    }

    /** {@code n} N(0, 1) values from {@code seed} ({@link SeededInput}). */
    public static float[] randomInput(long seed, int n) {
        return SeededInput.standardNormal(seed, n);
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
