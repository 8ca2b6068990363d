package org.blockbench.analysis.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.blockbench.analysis.AnalysisJson;
import org.blockbench.bench.TinyModels;
import org.blockbench.io.JsonFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analyze stage on files: each file told as it is done, one JSON object for one file, a set for several. */
class FileAnalysisTest {

    @TempDir
    Path dir;

    @Test
    void oneFileIsOneObjectAndSeveralAreASet() throws Exception {
        Path a = TinyModels.convNet(dir.resolve("a.onnx"), 4, 2, 0);
        Path b = TinyModels.convNet(dir.resolve("b.onnx"), 4, 3, 0);
        List<Path> told = new ArrayList<>();
        FileAnalysis.Result both = FileAnalysis.run(new FileAnalysis.Request(List.of(a, b), Map.of(), false, 4, 0),
                done -> told.add(done.file()));
        assertEquals(List.of(a, b), told);
        assertFalse(both.incomplete());
        assertNull(both.analysed().get(0).data());
        JsonNode set = JsonFiles.mapper().readTree(both.json());
        assertEquals(AnalysisJson.SET_FORMAT, set.get("format").asText());
        assertEquals(2, set.get("models").size());
        JsonNode one = JsonFiles.mapper().readTree(
                FileAnalysis.run(new FileAnalysis.Request(List.of(b), Map.of(), false, 4, 0), done -> { }).json());
        assertEquals(AnalysisJson.FORMAT, one.get("format").asText());
        assertEquals(set.get("models").get(1), one);
    }
}
