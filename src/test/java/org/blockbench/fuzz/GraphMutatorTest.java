package org.blockbench.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.blockbench.onnx.OnnxModelException;
import org.blockbench.onnx.OnnxModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The structured mutations of model-local functions and {@code training_info}: each hostile
 * one (a window attribute out of range, external data leaving the directory) is refused by the
 * validation every runtime's input passes, naming the function or the training graph.
 */
class GraphMutatorTest {

    @TempDir
    Path dir;

    @Test
    void hostileFunctionsAndTrainingInfoAreRefused() {
        ModelProto seed = TorchStyleGraphs.all().values().iterator().next();
        GraphMutator.Escapes escapes = new GraphMutator.Escapes(List.of("../../../../canary.data", "/etc/passwd"));
        SplittableRandom r = new SplittableRandom(20261207);
        int functions = 0;
        int trainingInfos = 0;
        int refused = 0;
        for (int i = 0; i < 400; i++) {
            List<String> log = new ArrayList<>();
            GraphMutator.Mutated mutated = GraphMutator.mutate(seed, escapes, r, log);
            boolean hostileFunction = log.stream().anyMatch(l -> l.startsWith("function: ")
                    && (l.contains("external data") || l.contains("body's")));
            boolean hostileTraining = log.stream().anyMatch(l -> l.startsWith("training_info: "));
            if (!hostileFunction && !hostileTraining) {
                continue;
            }
            functions += hostileFunction ? 1 : 0;
            trainingInfos += hostileTraining ? 1 : 0;
            byte[] bytes = mutated.model().toByteArray();
            OnnxModelException e = assertThrows(OnnxModelException.class,
                    () -> OnnxModelFile.parse(dir.resolve("m.onnx"), bytes), String.join("; ", log));
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            refused++;
        }
        assertTrue(functions >= 10, "hostile function mutations: " + functions);
        assertTrue(trainingInfos >= 10, "training_info mutations: " + trainingInfos);
        assertTrue(refused >= 20, "cases checked: " + refused);
    }
}
