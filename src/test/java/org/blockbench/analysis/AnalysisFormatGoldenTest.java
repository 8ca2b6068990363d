package org.blockbench.analysis;

import static org.blockbench.analysis.RawGraph.i;
import static org.blockbench.analysis.RawGraph.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Seals the JSON and table formats with golden files: any change to a key, a convention text,
 * number formatting or ordering shows up here. To accept an intended change, run with
 * {@code -Dblockbench.updateGolden=true} and review the diff of the golden files.
 */
class AnalysisFormatGoldenTest {

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

    @Test
    void jsonMatchesGolden() throws IOException {
        GraphAnalysis a = GraphAnalyzer.analyze(tinyNet(), "tiny.onnx", Map.of());
        check("tiny.analysis.json", new String(AnalysisJson.bytes(AnalysisJson.tree(a)), StandardCharsets.UTF_8));
    }

    @Test
    void tableMatchesGolden() throws IOException {
        GraphAnalysis a = GraphAnalyzer.analyze(tinyNet(), "tiny.onnx", Map.of("x", new long[] {2, 3, 8, 8}));
        check("tiny.analysis.txt", AnalysisTable.render(a, true));
    }

    private void check(String name, String actual) throws IOException {
        if (Boolean.getBoolean("blockbench.updateGolden")) {
            Files.writeString(Path.of("src/test/resources/org/blockbench/analysis", name), actual);
        }
        try (InputStream in = getClass().getResourceAsStream(name)) {
            String expected = in == null ? "<missing golden file " + name + ">"
                    : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(expected, actual);
        }
    }
}
