package org.blockbench.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Each format on hand-picked values, the edges (zero, the magnitude limits, NaN and infinities) included. */
class NumberTextTest {

    @Test
    void fixedDecimals() {
        assertEquals("1.235", NumberText.fixed(1.23456, 3));
        assertEquals("-0.50", NumberText.fixed(-0.5, 2));
        assertEquals("1234567", NumberText.fixed(1234567.4, 0));
        assertEquals("n/a", NumberText.fixed(Double.NaN, 3));
        assertEquals("n/a", NumberText.fixed(Double.NEGATIVE_INFINITY, 3));
    }

    @Test
    void significantDigitsKeepTrailingZerosInPlainNotation() {
        assertEquals("1235", NumberText.significant(1234.5, 4));
        assertEquals("12350", NumberText.significant(12345, 4));
        assertEquals("1.200", NumberText.significant(1.2, 4));
        assertEquals("0.001234", NumberText.significant(0.001234, 4));
        assertEquals("0.000", NumberText.significant(0, 4));
        assertEquals("n/a", NumberText.significant(Double.POSITIVE_INFINITY, 4));
    }

    @Test
    void plainForMachinesStripsZerosAndKeepsWholeNumbersExact() {
        assertEquals("4505866", NumberText.plain(4505866, 6));
        assertEquals("0.123457", NumberText.plain(0.1234567, 6));
        assertEquals("2.5", NumberText.plain(2.50000, 6));
        assertEquals("-3", NumberText.plain(-3.0, 6));
        assertEquals("", NumberText.plain(Double.NaN, 6));
    }

    @Test
    void compactSwitchesToExponentOutsideAThousandthToAMillion() {
        assertEquals("123.5", NumberText.compact(123.456));
        assertEquals("1.000", NumberText.compact(1));
        assertEquals("0.001000", NumberText.compact(0.001));
        assertEquals("9.990e-04", NumberText.compact(0.000999));
        assertEquals("1.000e+06", NumberText.compact(1e6));
        assertEquals("999999", NumberText.compact(999999));
        assertEquals("0", NumberText.compact(0));
        assertEquals("-", NumberText.compact(Double.NaN));
        assertEquals("inf", NumberText.compact(Double.POSITIVE_INFINITY));
        assertEquals("-inf", NumberText.compact(Double.NEGATIVE_INFINITY));
    }

    @Test
    void pValuesAndPercentages() {
        assertEquals("0.049", NumberText.pValue(0.0494));
        assertEquals("0.001", NumberText.pValue(0.001));
        assertEquals("9.9e-04", NumberText.pValue(0.00099));
        assertEquals("< 1e-300", NumberText.pValue(0));
        assertEquals("n/a", NumberText.pValue(Double.NaN));
        assertEquals("5.0 %", NumberText.percent(0.05));
        assertEquals("99.9 %", NumberText.percent(0.999));
        assertEquals("n/a", NumberText.percent(Double.NaN));
    }
}
