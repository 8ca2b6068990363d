package org.blockbench.gwo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.blockbench.BadInputException;
import org.junit.jupiter.api.Test;

class GwoScoreTest {

    @Test
    void tierBoundariesBelongToTheUpperTier() {
        assertEquals(GwoTier.S, GwoTier.of(1800));
        assertEquals(GwoTier.A, GwoTier.of(1799.999));
        assertEquals(GwoTier.A, GwoTier.of(1250));
        assertEquals(GwoTier.B, GwoTier.of(1249.99));
        assertEquals(GwoTier.B, GwoTier.of(900));
        assertEquals(GwoTier.C, GwoTier.of(899.99));
        assertEquals(GwoTier.C, GwoTier.of(500));
        assertEquals(GwoTier.D, GwoTier.of(499.99));
        assertEquals(GwoTier.D, GwoTier.of(0));
        assertThrows(IllegalArgumentException.class, () -> GwoTier.of(Double.NaN));
    }

    @Test
    void alphaWeighsParametricComplexity() {
        GwoComplexity c = new GwoComplexity(4, 2_500_000);
        assertEquals(2.5, c.parametricComplexityMillions(), 0);
        assertEquals(6.5, c.omega(1.0), 0);
        assertEquals(4.0, c.omega(0.0), 0);
        assertEquals(9.0, c.omega(2.0), 0);
        // 100 * 90 / (1 + 9) = 900 -> B exactly at the bound
        GwoScore s = GwoScore.of(c, 90, 2.0);
        assertEquals(900.0, s.score(), 1e-9);
        assertEquals(GwoTier.B, s.tier());
    }

    @Test
    void accuracyMustBeAPercentage() {
        GwoComplexity c = new GwoComplexity(6, 0);
        BadInputException e = assertThrows(BadInputException.class, () -> GwoScore.of(c, 100.5, 1));
        assertTrue(e.getMessage().contains("[0, 100]"), e.getMessage());
        assertThrows(BadInputException.class, () -> GwoScore.of(c, Double.NaN, 1));
        assertThrows(BadInputException.class, () -> GwoScore.of(c, 50, -1));
        assertThrows(BadInputException.class, () -> GwoScore.of(c, 50, Double.POSITIVE_INFINITY));
        assertEquals(0.0, GwoScore.of(c, 0, 1).score(), 0);
    }
}
