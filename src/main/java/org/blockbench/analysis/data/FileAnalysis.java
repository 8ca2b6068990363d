package org.blockbench.analysis.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.blockbench.analysis.AnalysisJson;
import org.blockbench.analysis.GraphAnalysis;
import org.blockbench.analysis.GraphAnalyzer;

/**
 * The analyze stage on ONNX files ({@code blockbench analyze MODEL.onnx...}): each file's static
 * analysis ({@link GraphAnalyzer}) and, where asked, its data metrics measured in a child JVM
 * ({@link DataMetricsTask}), with the JSON of them all. Here, below the static analysis it
 * builds on, because the data metrics are a child of it.
 */
public final class FileAnalysis {

    private FileAnalysis() {
    }

    /**
     * One analysis of files.
     *
     * @param models      the ONNX files
     * @param inputShapes static shapes of graph inputs by name (symbolic dims not set are taken as 1)
     * @param data        also measure data metrics in ONNX Runtime
     * @param samples     generated input samples for the data metrics
     * @param seed        the seed of the generated standard-normal inputs
     */
    public record Request(List<Path> models, Map<String, long[]> inputShapes, boolean data, int samples, long seed) {

        public Request {
            models = List.copyOf(models);
            inputShapes = Map.copyOf(inputShapes);
        }
    }

    /**
     * One file's analysis.
     *
     * @param file     the file
     * @param analysis its static analysis
     * @param data     its data metrics, or null when not asked for
     */
    public record Analysed(Path file, GraphAnalysis analysis, DataMetricsReport data) {
    }

    /**
     * The files' analyses, in order.
     *
     * @param analysed each file's
     */
    public record Result(List<Analysed> analysed) {

        public Result {
            analysed = List.copyOf(analysed);
        }

        /** Whether any analysis is incomplete (unsupported operators, unknown shapes). */
        public boolean incomplete() {
            return analysed.stream().anyMatch(a -> !a.analysis().complete());
        }

        /** The JSON: one object for one file, {@code {"models": [...]}} for several. */
        public byte[] json() {
            List<SortedMap<String, Object>> trees = new ArrayList<>();
            for (Analysed a : analysed) {
                SortedMap<String, Object> tree = AnalysisJson.tree(a.analysis());
                if (a.data() != null) {
                    tree.put("data", a.data().tree());
                }
                trees.add(tree);
            }
            return AnalysisJson.bytes(trees.size() == 1 ? trees.get(0) : AnalysisJson.set(trees));
        }
    }

    /** Analyses {@code request}'s files one by one; {@code each} sees each file's analysis as it is done. */
    public static Result run(Request request, java.util.function.Consumer<Analysed> each) {
        List<Analysed> analysed = new ArrayList<>();
        for (Path model : request.models()) {
            GraphAnalysis a = GraphAnalyzer.analyzeFile(model, request.inputShapes());
            DataMetricsReport d = request.data()
                    ? DataMetricsTask.measure(model, a.inputShapes(), request.samples(), request.seed(), DataMetricsTask.TIME_LIMIT)
                    : null;
            Analysed done = new Analysed(model, a, d);
            analysed.add(done);
            each.accept(done);
        }
        return new Result(analysed);
    }
}
