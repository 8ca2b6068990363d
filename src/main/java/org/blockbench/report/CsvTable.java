package org.blockbench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The one CSV writer: RFC 4180 (comma-separated, "\n" line ends, fields quoted when they
 * must be), safe to open in a spreadsheet.
 *
 * <p>A cell is typed by what the caller hands over, not guessed from its text:
 * <ul>
 * <li>a {@link Number} is a number BlockBench computed: written as a number (whole numbers
 *     exactly, others to six significant digits, see {@link Cells#machine(Double)}; NaN and
 *     infinities empty) and never altered, so {@code -1.5} and {@code 1e-3} stay numbers;</li>
 * <li>{@code null} is a value not measured: an empty cell;</li>
 * <li>anything else is text. Text that begins with {@code =}, {@code +}, {@code -},
 *     {@code @}, tab or carriage return would be run as a formula by Excel, LibreOffice and
 *     Google Sheets (CSV injection, OWASP), so it is written quoted with a leading single
 *     quote ({@code "'=1+1"}), which spreadsheets show as the text it is.</li>
 * </ul>
 */
final class CsvTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    CsvTable(List<String> header) {
        this.header = header.stream().map(CsvTable::text).toList();
    }

    /** Adds a row of cells: {@link Number}s, {@code null}s and text (see the class comment). */
    void add(List<?> row) {
        if (row.size() != header.size()) {
            throw new IllegalArgumentException("row has " + row.size() + " cells, header " + header.size());
        }
        List<String> cells = new ArrayList<>(row.size());
        for (Object cell : row) {
            cells.add(cell(cell));
        }
        rows.add(List.copyOf(cells));
    }

    String render() {
        StringBuilder out = new StringBuilder();
        line(out, header);
        rows.forEach(r -> line(out, r));
        return out.toString();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            return Cells.machine(((Number) value).doubleValue());
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        return text(value.toString());
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cells.get(i));
        }
        out.append('\n');
    }

    /** A text cell, quoted when it must be and defused when a spreadsheet would run it. */
    static String text(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return '"' + "'" + cell.replace("\"", "\"\"") + '"';
        }
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }
}
