package org.blockbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fidelity.json: ρ and the spreads worked out by hand, written and read back. */
class FidelityResultTest {

    @TempDir
    Path dir;

    @Test
    void rhoAndSpreadsByHandAndRoundTrip() {
        Map<String, List<Double>> quick = new LinkedHashMap<>();
        Map<String, List<Double>> longer = new LinkedHashMap<>();
        // quick means 0.40, 0.35, 0.30, 0.45 (ranks 3 2 1 4); long means 0.60, 0.62, 0.50, 0.70 (ranks 2 3 1 4)
        // d² = 1 + 1 + 0 + 0 = 2 -> ρ = 1 − 6·2 / (4·15) = 0.8
        quick.put("A/late", List.of(0.38, 0.42));
        quick.put("B/late", List.of(0.35, 0.35));
        quick.put("C/late", List.of(0.28, 0.32));
        quick.put("D/late", List.of(0.45, 0.45));
        longer.put("A/late", List.of(0.60, 0.60));
        longer.put("B/late", List.of(0.61, 0.63));
        longer.put("C/late", List.of(0.50, 0.50));
        longer.put("D/late", List.of(0.70, 0.70));
        FidelityResult r = FidelityResult.of(TrainingProtocol.QUICK, TrainingProtocol.LONG, "synthetic", List.of(0L, 1L),
                quick, longer);
        assertEquals(0.8, r.spearmanRho(), 1e-12);
        // seed variances: A 0.0008, B 0, C 0.0008, D 0 -> pooled std √(0.0016/4) = 0.02
        assertEquals(0.02, r.quickSpread().seedStd(), 1e-12);
        // means 0.40 0.35 0.30 0.45: deviations ±0.025, ±0.075 -> sample var (2·0.000625 + 2·0.005625)/3
        double between = Math.sqrt((2 * 0.000625 + 2 * 0.005625) / 3);
        assertEquals(between, r.quickSpread().betweenStd(), 1e-12);
        assertEquals(0.15, r.quickSpread().range(), 1e-12);
        assertEquals(between / 0.02, r.quickSpread().ratio(), 1e-9);
        Path file = dir.resolve("fidelity.json");
        r.write(file);
        FidelityResult back = FidelityResult.read(file).orElseThrow();
        assertEquals(r.spearmanRho(), back.spearmanRho(), 0.0);
        assertEquals(4, back.models().size());
        assertEquals(List.of(0.38, 0.42), back.models().get(0).quick());
        assertTrue(back.quick().startsWith("quick protocol: base_channels=16, blocks/stage=1"), back.quick());
    }

    @Test
    void absentFileIsEmptyAndAnotherFormatIsRefused() throws Exception {
        assertTrue(FidelityResult.read(dir.resolve("none.json")).isEmpty());
        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"format\": \"something-else/1\"}");
        assertThrows(org.blockbench.BadInputException.class, () -> FidelityResult.read(other));
    }
}
