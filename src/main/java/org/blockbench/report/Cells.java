package org.blockbench.report;

import java.util.Locale;
import org.blockbench.stats.Stats;
import org.blockbench.text.NumberText;

/**
 * How numbers become cells, in the formats of {@link NumberText}. Machine-readable cells (CSV,
 * JSON) keep six significant digits and are empty for a value not measured; human cells
 * (Markdown, HTML) round per quantity and show {@link #MISSING} for a value not measured.
 */
final class Cells {

    /** What a human table shows for a value not measured. */
    static final String MISSING = "—";

    private Cells() {
    }

    /**
     * Whole numbers exactly, others to six significant digits, plain notation, no trailing
     * zeros; "" for null, NaN or infinite.
     */
    static String machine(Double v) {
        return v == null ? "" : NumberText.plain(v, 6);
    }

    static String machine(Long v) {
        return v == null ? "" : Long.toString(v);
    }

    /** Fixed decimals; {@link #MISSING} for null, NaN or infinite. */
    static String fixed(Double v, int decimals) {
        return v == null || v.isNaN() || v.isInfinite() ? MISSING : NumberText.fixed(v, decimals);
    }

    /** "mean ± std" with fixed decimals, or just the mean when there is no spread. */
    static String meanStd(Stats m, int decimals) {
        if (m == null) {
            return MISSING;
        }
        return m.hasSpread() ? fixed(m.mean(), decimals) + " ± " + fixed(m.sampleStandardDeviation(), decimals) : fixed(m.mean(), decimals);
    }

    /** Thousands separators: 4,505,866. */
    static String count(Long v) {
        return v == null ? MISSING : String.format(Locale.ROOT, "%,d", v);
    }

    /** Millions with two decimals: 556.10 M. */
    static String millions(Double v) {
        return v == null ? MISSING : NumberText.fixed(v / 1e6, 2) + " M";
    }

    /** "yes", "no", or "" when not judged. */
    static String yesNo(Boolean b) {
        return b == null ? "" : b ? "yes" : "no";
    }
}
