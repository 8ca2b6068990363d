package org.blockbench.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The one binary16 conversion: numpy's rounding one way, exact values the other. */
class HalfFloatTest {

    @Test
    void fromFloatRoundsToNearestEven() {
        assertEquals((short) 0x3c00, HalfFloat.fromFloat(1f));
        assertEquals((short) 0x7bff, HalfFloat.fromFloat(65504f));
        assertEquals((short) 0x7c00, HalfFloat.fromFloat(65520f));
        assertEquals((short) 0x2e66, HalfFloat.fromFloat(0.1f));
        assertEquals((short) 0x0001, HalfFloat.fromFloat(0x1p-24f));
        assertEquals((short) 0x0000, HalfFloat.fromFloat(0x1p-25f)); // a tie goes to the even 0
        assertEquals((short) 0xc000, HalfFloat.fromFloat(-2f));
    }

    @Test
    void toFloatReadsNormalSubnormalAndSpecialValues() {
        assertEquals(0.0999755859375f, HalfFloat.toFloat((short) 0x2e66));
        assertEquals(1f, HalfFloat.toFloat((short) 0x3c00));
        assertEquals(65504f, HalfFloat.toFloat((short) 0x7bff));
        assertEquals(0x1p-24f, HalfFloat.toFloat((short) 0x0001));
        assertEquals(0x1.ff8p-15f, HalfFloat.toFloat((short) 0x03ff)); // the largest subnormal
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(HalfFloat.toFloat((short) 0x8000)));
        assertEquals(Float.POSITIVE_INFINITY, HalfFloat.toFloat((short) 0x7c00));
        assertEquals(Float.NEGATIVE_INFINITY, HalfFloat.toFloat((short) 0xfc00));
        assertTrue(Float.isNaN(HalfFloat.toFloat((short) 0x7e00)));
    }

    @Test
    void everyHalfSurvivesTheRoundTrip() {
        for (int h = 0; h <= 0xffff; h++) {
            short half = (short) h;
            float f = HalfFloat.toFloat(half);
            if (!Float.isNaN(f)) {
                assertEquals(half, HalfFloat.fromFloat(f), () -> "half 0x" + Integer.toHexString(half & 0xffff));
            }
        }
    }
}
