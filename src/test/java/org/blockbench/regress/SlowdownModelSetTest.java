package org.blockbench.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlowdownModelSetTest {

    @Test
    void writesTheBaseEachVariantAndTheirTable(@TempDir Path dir) throws Exception {
        SlowdownModelSet.Result result = SlowdownModelSet.write(new SlowdownModelSet.Request(dir, List.of(16), List.of(2)));
        assertEquals(List.of(dir.resolve("base.onnx"), dir.resolve("wider-w16.onnx"), dir.resolve("deeper-d2.onnx")),
                result.models());
        assertTrue(result.models().stream().allMatch(Files::isRegularFile), result.models().toString());
        assertEquals("""
                | file | extra channels | extra layers | MACs (batch 1) | extra compute |
                |---|---:|---:|---:|---:|
                | base.onnx | 0 | 0 | 23,814,464 | +0.00 % |
                | wider-w16.onnx | 16 | 0 | 26,173,760 | +9.91 % |
                | deeper-d2.onnx | 0 | 2 | 24,994,112 | +4.95 % |
                """, result.markdown());
        assertEquals(dir.resolve("models.md"), result.table());
        assertEquals(result.markdown(), Files.readString(result.table()));
    }
}
