package org.blockbench.analysis.data;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.blockbench.analysis.GraphAnalysis;
import org.blockbench.analysis.GraphAnalyzer;
import org.blockbench.onnx.OnnxModelFile;
import org.blockbench.ort.ChildJvm;

/**
 * {@code analyze --data} on one model file, run in a child JVM ({@link ChildJvm}): a native
 * crash or a hang of ONNX Runtime on the model fails that model with one line instead of
 * killing the command.
 */
public final class DataMetricsTask implements ChildJvm.Task<DataMetricsTask.Request, DataMetricsReport> {

    /** How long one model's measurement may take in its child JVM unless the caller says otherwise. */
    public static final Duration TIME_LIMIT = Duration.ofMinutes(10);

    /**
     * @param file        the model file
     * @param inputShapes the concrete input shapes the static analysis resolved
     * @param samples     generated samples to run
     * @param seed        seed of the generated samples
     */
    public record Request(String file, TreeMap<String, long[]> inputShapes, int samples, long seed) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** Needed by {@link ChildJvm}. */
    public DataMetricsTask() {
    }

    /** Measures {@code file} with generated inputs in a child JVM, waiting at most {@code limit}. */
    public static DataMetricsReport measure(Path file, Map<String, long[]> inputShapes, int samples, long seed,
                                            Duration limit) {
        Request request = new Request(file.toAbsolutePath().toString(), new TreeMap<>(inputShapes), samples, seed);
        return ChildJvm.call(DataMetricsTask.class, request, file.toString(), limit);
    }

    @Override
    public DataMetricsReport run(Request request) {
        Path file = Path.of(request.file());
        GraphAnalysis analysis = GraphAnalyzer.analyzeFile(file, request.inputShapes());
        return DataMetrics.measure(OnnxModelFile.read(file), analysis,
                DataMetrics.generatedInputs(analysis, request.samples(), request.seed()),
                "generated: " + request.samples() + " standard-normal sample(s), seed " + request.seed());
    }
}
