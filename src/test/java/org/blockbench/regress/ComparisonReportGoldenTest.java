package org.blockbench.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.blockbench.GoldenFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seals each comparison report format with its golden file, one test per format. The goldens
 * are read from the class path and never written here; regenerate them with
 * {@link GoldenFiles} (docs/testing.md).
 */
class ComparisonReportGoldenTest {

    private static Map<String, String> rendered;

    @BeforeAll
    static void render() {
        rendered = ComparisonGoldens.renderAll();
    }

    @Test
    void markdown() {
        String resource = ComparisonGoldens.DIR + "compare.md";
        assertEquals(GoldenFiles.read(resource), rendered.get(resource));
    }

    @Test
    void json() {
        String resource = ComparisonGoldens.DIR + "compare.json";
        assertEquals(GoldenFiles.read(resource), rendered.get(resource));
    }
}
