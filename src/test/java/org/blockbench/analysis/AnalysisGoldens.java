package org.blockbench.analysis;

import static org.blockbench.analysis.RawGraph.i;
import static org.blockbench.analysis.RawGraph.is;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny network's analysis in each output format (JSON, table), keyed by golden file
 * (class-path path). Shared by {@link AnalysisFormatGoldenTest} and
 * {@link org.blockbench.GoldenFiles}.
 */
public final class AnalysisGoldens {

    static final String DIR = "org/blockbench/analysis/";

    private AnalysisGoldens() {
    }

    static ModelProto tinyNet() {
        return new RawGraph().input("x", -1, 3, 8, 8)
                .floats("conv.weight", 0.25f, 4, 3, 3, 3).floats("bn.weight", 1f, 4).floats("bn.bias", 0f, 4)
                .floats("bn.running_mean", 0f, 4).floats("bn.running_var", 1f, 4)
                .floats("fc.weight", 0f, 2, 4).floats("fc.bias", 0.5f, 2)
                .node("Conv", List.of("x", "conv.weight"), List.of("c"), is("pads", 1, 1, 1, 1), is("strides", 2, 2))
                .node("BatchNormalization", List.of("c", "bn.weight", "bn.bias", "bn.running_mean", "bn.running_var"),
                        List.of("n"))
                .node("Relu", List.of("n"), List.of("r"))
                .node("GlobalAveragePool", List.of("r"), List.of("p"))
                .node("Flatten", List.of("p"), List.of("f"), i("axis", 1))
                .node("Gemm", List.of("f", "fc.weight", "fc.bias"), List.of("y"), i("transB", 1))
                .output("y").build(17);
    }

    /** Every format's golden. */
    public static Map<String, String> renderAll() {
        Map<String, String> out = new LinkedHashMap<>();
        GraphAnalysis json = GraphAnalyzer.analyze(tinyNet(), "tiny.onnx", Map.of());
        out.put(DIR + "tiny.analysis.json", new String(AnalysisJson.bytes(AnalysisJson.tree(json)), StandardCharsets.UTF_8));
        GraphAnalysis table = GraphAnalyzer.analyze(tinyNet(), "tiny.onnx", Map.of("x", new long[] {2, 3, 8, 8}));
        out.put(DIR + "tiny.analysis.txt", AnalysisTable.render(table, true));
        return out;
    }
}
