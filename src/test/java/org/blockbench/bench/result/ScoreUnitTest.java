package org.blockbench.bench.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.blockbench.BadInputException;
import org.junit.jupiter.api.Test;

class ScoreUnitTest {

    @Test
    void timeUnitsConvert() {
        ScoreUnit ms = ScoreUnit.parse("ms/op");
        assertEquals(ScoreUnit.Kind.TIME_PER_OP, ms.kind());
        assertEquals(1000.0, ms.factorTo(ScoreUnit.parse("us/op")), 1e-9); // 1 ms/op = 1000 us/op
        assertEquals(1e-3, ms.factorTo(ScoreUnit.parse("s/op")), 1e-15);
        assertEquals(1e6, ms.factorTo(ScoreUnit.parse("ns/op")), 1e-6);
        assertEquals(60.0, ScoreUnit.parse("min/op").factorTo(ScoreUnit.parse("s/op")), 1e-12);
        assertEquals(1.0, ScoreUnit.parse("\u00b5s/op").factorTo(ScoreUnit.parse("us/op")), 0);
    }

    @Test
    void throughputUnitsConvert() {
        ScoreUnit perSecond = ScoreUnit.parse("ops/s");
        assertEquals(ScoreUnit.Kind.OPS_PER_TIME, perSecond.kind());
        assertEquals(1e-3, perSecond.factorTo(ScoreUnit.parse("ops/ms")), 1e-15); // 1000 ops/s = 1 ops/ms
        assertEquals(60.0, perSecond.factorTo(ScoreUnit.parse("ops/min")), 1e-12);
    }

    @Test
    void kindsNeverConvert() {
        assertThrows(IllegalArgumentException.class, () -> ScoreUnit.parse("ms/op").factorTo(ScoreUnit.parse("ops/ms")));
    }

    @Test
    void unknownUnitListsTheValidOnes() {
        BadInputException e = assertThrows(BadInputException.class, () -> ScoreUnit.parse("B/op"));
        assertTrue(e.getMessage().contains("unknown score unit 'B/op'") && e.getMessage().contains("ops/s"), e.getMessage());
    }
}
