package org.blockbench.analysis.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.blockbench.analysis.GraphAnalysis;
import org.blockbench.analysis.GraphAnalyzer;
import org.blockbench.bench.TinyModels;
import org.blockbench.onnx.OnnxModelFile;
import org.blockbench.ort.OrtCallException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyze --data} measures in a child JVM: the same report as in-process, and a hang is
 * one line. (The negative-pad crasher of {@code bench}'s optimised path runs without a crash
 * under analyze's no-rewrite settings; crash mapping itself is {@code ChildJvmTest}'s.)
 */
class DataMetricsIsolationTest {

    @TempDir
    Path dir;

    @Test
    void theChildGivesTheInProcessReport() {
        Path file = TinyModels.convNet(dir.resolve("tiny.onnx"), 6, 4, 3);
        Map<String, long[]> shapes = Map.of("input", new long[] {2, 3, 6, 6});
        GraphAnalysis analysis = GraphAnalyzer.analyzeFile(file, shapes);
        DataMetricsReport here = DataMetrics.measure(OnnxModelFile.read(file), analysis,
                DataMetrics.generatedInputs(analysis, 2, 7), "generated: 2 standard-normal sample(s), seed 7");
        DataMetricsReport child = DataMetricsTask.measure(file, analysis.inputShapes(), 2, 7, DataMetricsTask.TIME_LIMIT);
        assertEquals(here, child);
        assertTrue(child.activations().get(0).elements() == 2L * 2 * 4 * 6 * 6, child.toString());
    }

    @Test
    void aMeasurementPastItsLimitFailsInOneLine() {
        Path file = TinyModels.convNet(dir.resolve("tiny.onnx"), 6, 4, 3);
        OrtCallException e = assertThrows(OrtCallException.class, () -> DataMetricsTask.measure(file,
                Map.of("input", new long[] {1, 3, 6, 6}), 1, 0, Duration.ofMillis(50)));
        assertEquals("ONNX Runtime timed out after 0.050 s on " + file, e.getMessage());
    }
}
