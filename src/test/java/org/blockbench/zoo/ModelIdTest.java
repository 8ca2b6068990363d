package org.blockbench.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.blockbench.BadInputException;
import org.blockbench.analysis.Conventions;
import org.junit.jupiter.api.Test;

/** The one parser of "Block/position" ids, and the one spelling of FLOPs = 2 × MACs. */
class ModelIdTest {

    @Test
    void parsesBlockSlashPositionAndRoundTrips() {
        assertEquals(new ModelId("ResNetBasicBlock", "mid"), ModelId.parse("ResNetBasicBlock/mid"));
        assertEquals(new ModelId("A", "gwo-net"), ModelId.parse(" A/gwo-net\n"));
        assertEquals("A/early", ModelId.parse("A/early").toString());
    }

    @Test
    void refusesEverythingElseOnOneLine() {
        for (String bad : new String[] {"", "A", "/mid", "A/", "A/b/c"}) {
            BadInputException e = assertThrows(BadInputException.class, () -> ModelId.parse(bad));
            assertEquals("model id '" + bad + "' should be BLOCK/POSITION, e.g. ResNetBasicBlock/mid", e.getMessage());
        }
        assertEquals("model id 'A\\nB' should be BLOCK/POSITION, e.g. ResNetBasicBlock/mid",
                assertThrows(BadInputException.class, () -> ModelId.parse("A\nB")).getMessage());
    }

    @Test
    void flopsAreTwiceTheMacsAndOverflowFails() {
        assertEquals(0L, Conventions.flopsTwoTimesMacs(0));
        assertEquals(3_627_000_000L, Conventions.flopsTwoTimesMacs(1_813_500_000L));
        assertThrows(ArithmeticException.class, () -> Conventions.flopsTwoTimesMacs(Long.MAX_VALUE / 2 + 1));
    }
}
