package org.blockbench.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.blockbench.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one rule for numbers in our JSON: not finite is null, and null reads back as NaN. */
class JsonFilesTest {

    record Figures(double mean, Double optional, float ratio, int count) {
    }

    private final ObjectMapper json = JsonFiles.mapper();

    @Test
    void nonFiniteNumbersAreWrittenAsNullInRecordsMapsAndTrees() throws Exception {
        assertEquals("{\"mean\":null,\"optional\":null,\"ratio\":null,\"count\":3}",
                json.writeValueAsString(new Figures(Double.NaN, Double.POSITIVE_INFINITY, Float.NaN, 3)));
        assertEquals("{\"a\":null,\"b\":-1.5,\"c\":0.001}",
                json.writeValueAsString(new java.util.TreeMap<>(Map.of("a", Double.NEGATIVE_INFINITY, "b", -1.5, "c", 1e-3))));
        ObjectNode tree = json.createObjectNode().put("x", Double.NaN).put("y", 2.5);
        assertEquals("{\"x\":null,\"y\":2.5}", json.writeValueAsString(tree));
    }

    @Test
    void nullAndAbsentReadBackAsNaNForPrimitivesAndNullForBoxed() throws Exception {
        Figures f = json.readValue("{\"mean\":null,\"optional\":null,\"count\":3}", Figures.class);
        assertTrue(Double.isNaN(f.mean()));
        assertNull(f.optional());
        assertEquals(3, f.count());
        Figures absent = json.readValue("{\"count\":1}", Figures.class);
        assertTrue(Double.isNaN(absent.mean()), "absent primitive double is NaN, not 0");
    }

    @Test
    void olderFilesWithNaNStringsOrTokensStillRead() throws Exception {
        assertTrue(Double.isNaN(json.readValue("{\"mean\":\"NaN\"}", Figures.class).mean()));
        assertTrue(Double.isNaN(json.readValue("{\"mean\":NaN}", Figures.class).mean()));
        assertEquals(Double.POSITIVE_INFINITY, json.readValue("{\"mean\":\"Infinity\"}", Figures.class).mean());
        assertEquals(-1.5, json.readValue("{\"mean\":-1.5}", Figures.class).mean());
    }

    /** A record of ours, as {@link JsonFiles#snakeCase()} and {@link JsonFiles#readVersioned} see it. */
    record Versioned(String format, double measurementShare, Map<String, Integer> nodesByProvider) {
    }

    @Test
    void ourRecordsHaveSnakeCaseKeysAndMapKeysStayData(@TempDir Path dir) throws Exception {
        Versioned v = new Versioned("x/2", 0.5, Map.of("CPUExecutionProvider", 3));
        String text = JsonFiles.snakeCase().writeValueAsString(v);
        assertEquals("{\n  \"format\" : \"x/2\",\n  \"measurement_share\" : 0.5,\n  \"nodes_by_provider\" : {\n"
                + "    \"CPUExecutionProvider\" : 3\n  }\n}", text);
        Path file = dir.resolve("v.json");
        Files.writeString(file, text);
        assertEquals(v, JsonFiles.readVersioned(file, "x/2", Versioned.class, "`x`"));
        BadInputException e = assertThrows(BadInputException.class, () -> JsonFiles.readVersioned(file, "x/3", Versioned.class, "`x`"));
        assertEquals(file + ": format 'x/2', expected 'x/3' (written by `x` of this version; run it again)", e.getMessage());
        Files.writeString(file, "{\"format\": \"x/2\", \"measurement_share\": ");
        e = assertThrows(BadInputException.class, () -> JsonFiles.readVersioned(file, "x/2", Versioned.class, "`x`"));
        assertTrue(e.getMessage().startsWith(file + ": not readable JSON ("), e.getMessage());
    }
}
