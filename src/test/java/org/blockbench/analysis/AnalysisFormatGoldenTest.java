package org.blockbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.blockbench.GoldenFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seals the analysis JSON and table formats with golden files, one test per format: any
 * change to a key, a convention text, number formatting or ordering shows up here. The
 * goldens are read from the class path and never written here; regenerate them with
 * {@link GoldenFiles} (docs/testing.md).
 */
class AnalysisFormatGoldenTest {

    private static Map<String, String> rendered;

    @BeforeAll
    static void render() {
        rendered = AnalysisGoldens.renderAll();
    }

    @Test
    void jsonMatchesGolden() {
        String resource = AnalysisGoldens.DIR + "tiny.analysis.json";
        assertEquals(GoldenFiles.read(resource), rendered.get(resource));
    }

    @Test
    void tableMatchesGolden() {
        String resource = AnalysisGoldens.DIR + "tiny.analysis.txt";
        assertEquals(GoldenFiles.read(resource), rendered.get(resource));
    }
}
