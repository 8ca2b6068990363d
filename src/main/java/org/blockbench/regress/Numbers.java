package org.blockbench.regress;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Number formatting shared by the reports: fixed rules, no locale, no exponent for medians. */
final class Numbers {

    private Numbers() {
    }

    /** {@code x} to 4 significant digits (trailing zeros kept), in plain notation; "n/a" when not finite. */
    static String sig4(double x) {
        if (!Double.isFinite(x)) {
            return "n/a";
        }
        BigDecimal d = new BigDecimal(x).round(new MathContext(4));
        if (d.precision() < 4) {
            d = d.setScale(d.scale() + 4 - d.precision());
        }
        return d.toPlainString();
    }

    /** Three decimals, e.g. a ratio; "n/a" when not finite. */
    static String fixed3(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.3f", x) : "n/a";
    }

    /** A p-value: three decimals down to 0.001, then scientific with two digits. */
    static String pValue(double p) {
        return Double.isFinite(p) ? RegressionCheck.fmtP(p) : "n/a";
    }

    /** A fraction as a percentage with one decimal: 0.05 gives "5.0 %". */
    static String percent(double fraction) {
        return Double.isFinite(fraction) ? RegressionCheck.pct(fraction) : "n/a";
    }
}
