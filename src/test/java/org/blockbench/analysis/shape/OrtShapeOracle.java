package org.blockbench.analysis.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import java.util.LinkedHashMap;
import java.util.Map;
import org.blockbench.onnx.ElementType;
import org.blockbench.ort.HostTensor;
import org.blockbench.ort.InferenceSession;
import org.blockbench.ort.IntermediateOutputs;
import org.blockbench.ort.ModelOrigin;
import org.blockbench.ort.SeededInput;

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
        inferred.inputShapes().forEach((name, shape) -> feeds.put(name, new HostTensor(shape, ElementType.FLOAT,
                SeededInput.standardNormal(SeededInput.SEED, (int) TensorInfo.elementCount(shape)))));
        Map<String, HostTensor> actual;
        try (InferenceSession s = IntermediateOutputs.open(model, exposed, ModelOrigin.USER)) {
            actual = s.evaluate(feeds);
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
