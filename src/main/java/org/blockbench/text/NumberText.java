package org.blockbench.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Numbers as text, the one home of their formats: fixed rules, {@link Locale#ROOT} (a decimal
 * point on every machine), and {@value #NOT_AVAILABLE} for a value that is not finite unless a
 * method says otherwise. Each report picks the format that suits its quantity; a table that
 * marks missing values its own way (the leaderboard's "—") checks for them before it asks here.
 */
public final class NumberText {

    /** What a number that is NaN or infinite reads as. */
    public static final String NOT_AVAILABLE = "n/a";

    private NumberText() {
    }

    /** {@code decimals} digits after the point: {@code fixed(1.23456, 3)} is "1.235". */
    public static String fixed(double x, int decimals) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%." + decimals + "f", x) : NOT_AVAILABLE;
    }

    /**
     * {@code digits} significant digits in plain notation, trailing zeros kept: a median for
     * people, {@code significant(1234.5, 4)} is "1235", {@code significant(12345, 4)} is "12350",
     * {@code significant(1.2, 4)} is "1.200".
     */
    public static String significant(double x, int digits) {
        if (!Double.isFinite(x)) {
            return NOT_AVAILABLE;
        }
        BigDecimal d = new BigDecimal(x).round(new MathContext(digits));
        if (d.precision() < digits) {
            d = d.setScale(d.scale() + digits - d.precision());
        }
        return d.toPlainString();
    }

    /**
     * A number for machines (CSV and JSON cells): whole numbers exactly, others to
     * {@code digits} significant digits, plain notation, no trailing zeros; "" when not finite.
     */
    public static String plain(double x, int digits) {
        if (!Double.isFinite(x)) {
            return "";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return new BigDecimal(x).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    }

    /**
     * Four significant digits in a column of any magnitude: plain from 0.001 to a million,
     * {@code %.3e} outside; "-" for NaN, "inf" and "-inf" for the infinities.
     */
    public static String compact(double x) {
        if (Double.isNaN(x)) {
            return "-";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        double abs = Math.abs(x);
        if (abs != 0 && (abs >= 1e6 || abs < 1e-3)) {
            return String.format(Locale.ROOT, "%.3e", x);
        }
        int decimals = abs == 0 ? 0 : Math.max(0, 3 - (int) Math.floor(Math.log10(abs)));
        return String.format(Locale.ROOT, "%." + decimals + "f", x);
    }

    /** A p-value: three decimals down to 0.001, then scientific with two digits; "< 1e-300" where it underflowed to 0. */
    public static String pValue(double p) {
        if (!Double.isFinite(p)) {
            return NOT_AVAILABLE;
        }
        if (p == 0) {
            return "< 1e-300"; // the normal approximation underflowed
        }
        return p >= 0.001 ? String.format(Locale.ROOT, "%.3f", p) : String.format(Locale.ROOT, "%.1e", p);
    }

    /** A fraction as a percentage with one decimal: 0.05 gives "5.0 %". */
    public static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.1f %%", 100 * fraction) : NOT_AVAILABLE;
    }
}
