package org.blockbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.blockbench.BadInputException;
import org.junit.jupiter.api.Test;

/** RFC 4180 reading, including what {@link CsvTable} writes. */
class CsvReaderTest {

    @Test
    void quotedCellsKeepCommasQuotesAndLineBreaks() {
        String text = "\uFEFFa,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"two\nlines\",\r\n\n3,,\"\"";
        List<CsvReader.Row> rows = CsvReader.parse(text, "t.csv");
        assertEquals(List.of("a", "b", "c"), rows.get(0).cells());
        assertEquals(List.of("1", "x, y", "say \"hi\""), rows.get(1).cells());
        assertEquals(List.of("2", "two\nlines", ""), rows.get(2).cells());
        assertEquals(List.of("3", "", ""), rows.get(3).cells());
        assertEquals(4, rows.size(), "the blank line is skipped");
        assertEquals(List.of(1, 2, 3, 6), rows.stream().map(CsvReader.Row::line).toList(), "lines where each record starts");
    }

    @Test
    void readsWhatCsvTableWrites() {
        CsvTable t = new CsvTable(List.of("name", "value"));
        t.add(List.of("=cmd, \"quoted\"\nnext", -1.5));
        List<CsvReader.Row> rows = CsvReader.parse(t.render(), "t.csv");
        assertEquals(List.of("'=cmd, \"quoted\"\nnext", "-1.5"), rows.get(1).cells());
    }

    @Test
    void malformedQuotingIsOneLineNamingTheLine() {
        assertEquals("t.csv: line 2: a quoted CSV field is never closed (missing '\"')",
                assertThrows(BadInputException.class, () -> CsvReader.parse("a\n\"open", "t.csv")).getMessage());
        assertEquals("t.csv: line 1: text after a closing quote; a quoted CSV field must end at a comma or the end of the line",
                assertThrows(BadInputException.class, () -> CsvReader.parse("\"a\"b,c", "t.csv")).getMessage());
    }
}
