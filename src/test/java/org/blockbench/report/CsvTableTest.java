package org.blockbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one CSV writer: formulas defused (OWASP CSV injection), numbers left as numbers. */
class CsvTableTest {

    private static String row(Object... cells) {
        CsvTable t = new CsvTable(Arrays.stream(cells).map(c -> "h").toList());
        t.add(Arrays.asList(cells));
        String text = t.render();
        return text.substring(text.indexOf('\n') + 1, text.length() - 1);
    }

    @Test
    void textThatASpreadsheetWouldRunIsQuotedWithALeadingApostrophe() {
        assertEquals("\"'=1+1\"", row("=1+1"));
        assertEquals("\"'+cmd\"", row("+cmd"));
        assertEquals("\"'-2+3\"", row("-2+3"));
        assertEquals("\"'@SUM(A1:A9)\"", row("@SUM(A1:A9)"));
        assertEquals("\"'\tx\"", row("\tx"));
        assertEquals("\"'\rx\"", row("\rx"));
        assertEquals("\"'=HYPERLINK(\"\"evil.example\"\";\"\"click\"\")\"", row("=HYPERLINK(\"evil.example\";\"click\")"));
    }

    @Test
    void numbersStayNumbersEvenNegativeOrTiny() {
        assertEquals("-1.5,0.001,-3,12345678901,", row(-1.5, 1e-3, -3, 12_345_678_901L, Double.NaN));
        assertEquals("0.333333", row(1.0 / 3));
    }

    @Test
    void textANumberCouldBeMistakenForIsStillDefused() {
        // a model named "-1.5" is text, not a number BlockBench measured
        assertEquals("\"'-1.5\"", row("-1.5"));
    }

    @Test
    void ordinaryTextIsQuotedOnlyWhenItMust() {
        assertEquals("plain,,\"a, b\",\"say \"\"hi\"\"\",\"two\nlines\",x=1", row("plain", null, "a, b", "say \"hi\"", "two\nlines", "x=1"));
    }

    @Test
    void headerCellsAreTextToo() {
        CsvTable t = new CsvTable(List.of("=evil", "ok"));
        assertEquals("\"'=evil\",ok\n", t.render());
    }
}
