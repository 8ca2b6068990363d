package org.blockbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;
import org.blockbench.analysis.shape.OrtShapeOracle;
import org.blockbench.zoo.BuiltModel;
import org.blockbench.zoo.Form;
import org.blockbench.zoo.ModelId;
import org.blockbench.zoo.ScaffoldConfig;
import org.blockbench.zoo.build.Zoo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every zoo model in both forms: the analysis is complete (no unsupported operator), its
 * parameter and buffer counts equal what the builder stored, and (train form) every inferred
 * shape and element type equals what ONNX Runtime produces.
 */
class ZooGraphsAnalysisTest {

    static Stream<Arguments> models() {
        return Zoo.allModels().stream().flatMap(id -> Stream.of(Arguments.of(id, Form.TRAIN), Arguments.of(id, Form.DEPLOY)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("models")
    void analysisIsCompleteAndMatchesTheBuilderAndOrt(ModelId id, Form form) {
        BuiltModel m = Zoo.build(id, form, ScaffoldConfig.defaults());
        GraphAnalysis a = GraphAnalyzer.analyze(m.model(), id.toString(), Map.of());
        assertTrue(a.complete(), id + ": " + a.incompleteReasons());
        assertEquals(m.trainableParams(), a.params().elements(), id + " trainable params");
        assertEquals(m.bufferElements(), a.params().bufferElements(), id + " buffers");
        assertEquals(0, a.params().unusedInitializers(), id + " unused initializers");
        assertTrue(a.macs() > 0 && a.flopsAllOperator() > a.macs(), id + " MACs " + a.macs());
        if (form == Form.DEPLOY) {
            return; // deploy graphs use a subset of the train graphs' operators; ORT parity runs on train
        }
        int compared = OrtShapeOracle.assertShapesMatchOrt(m.model(), Map.of("input", new long[] {2, 3, 32, 32}));
        assertTrue(compared >= m.model().getGraph().getNodeCount(), id + ": compared " + compared);
    }
}
