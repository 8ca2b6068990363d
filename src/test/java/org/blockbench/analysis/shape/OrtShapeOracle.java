package org.blockbench.analysis.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.blockbench.analysis.data.ExposedSession;
import org.blockbench.analysis.data.HostTensor;

/**
 * Test oracle: runs a model in ONNX Runtime with every node output exposed and checks that
 * the statically inferred shape of each equals the shape ORT produced.
 */
public final class OrtShapeOracle {

    private OrtShapeOracle() {
    }

    /** Asserts inferred == ORT shapes for every node output; returns how many values were compared. */
    public static int assertShapesMatchOrt(ModelProto model, Map<String, long[]> inputShapes) {
        InferredShapes inferred = ShapeInference.infer(model, inputShapes);
        assertTrue(inferred.complete(), "inference incomplete: " + inferred.unsupportedOps() + " " + inferred.nodes());
        Map<String, Integer> exposed = new LinkedHashMap<>();
        for (NodeProto n : model.getGraph().getNodeList()) {
            for (String out : n.getOutputList()) {
                if (!out.isEmpty()) {
                    exposed.put(out, inferred.info(out).elementType());
                }
            }
        }
        Map<String, HostTensor> feeds = new LinkedHashMap<>();
        SplittableRandom rng = new SplittableRandom(5);
        inferred.inputShapes().forEach((name, shape) -> {
            float[] data = new float[(int) TensorInfo.elementCount(shape)];
            for (int i = 0; i < data.length; i++) {
                data[i] = (float) (rng.nextDouble() * 2 - 1);
            }
            feeds.put(name, new HostTensor(shape, ElementType.FLOAT, data));
        });
        Map<String, HostTensor> actual;
        try (ExposedSession s = ExposedSession.open(model, exposed)) {
            actual = s.run(feeds);
        }
        int compared = 0;
        for (String name : exposed.keySet()) {
            HostTensor t = actual.get(name);
            if (t == null) {
                continue;
            }
            assertArrayEquals(t.shape(), inferred.info(name).shape(), "shape of '" + name + "'");
            assertEquals(t.elementType(), inferred.info(name).elementType(), "element type of '" + name + "'");
            compared++;
        }
        return compared;
    }
}
