package org.blockbench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV text as RFC 4180 defines it, the reading side of {@link CsvTable}: fields separated
 * by commas, records by CRLF or LF; a field in double quotes may hold commas, quotes (doubled)
 * and line breaks. A leading UTF-8 byte-order mark is dropped; a last line without a line
 * break is a record; blank lines are skipped. Cells are returned as written (no trimming, no
 * type conversion): the caller knows what each column means.
 */
final class CsvReader {

    /** One record: its cells, and the line of the text it starts on (1-based), for messages. */
    record Row(int line, List<String> cells) {
        Row {
            cells = List.copyOf(cells);
        }
    }

    private CsvReader() {
    }

    /**
     * Every record of {@code text}.
     *
     * @param origin names the text in messages (a file name)
     * @throws org.blockbench.BadInputException for a quote that is never closed, or text after a closing quote
     */
    static List<Row> parse(String text, String origin) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        boolean afterQuote = false; // a quoted field ended: only a separator may follow
        boolean recordHasContent = false;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        cell.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                    afterQuote = true;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
                i++;
                continue;
            }
            if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                afterQuote = false;
                recordHasContent = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                if (recordHasContent || cell.length() > 0 || afterQuote) {
                    cells.add(cell.toString());
                    rows.add(new Row(recordLine, cells));
                }
                cells = new ArrayList<>();
                cell.setLength(0);
                afterQuote = false;
                recordHasContent = false;
                line++;
                recordLine = line;
            } else if (afterQuote) {
                throw new org.blockbench.BadInputException(origin + ": line " + line
                        + ": text after a closing quote; a quoted CSV field must end at a comma or the end of the line");
            } else if (c == '"' && cell.length() == 0) {
                quoted = true;
                recordHasContent = true;
            } else {
                cell.append(c);
            }
            i++;
        }
        if (quoted) {
            throw new org.blockbench.BadInputException(origin + ": line " + recordLine
                    + ": a quoted CSV field is never closed (missing '\"')");
        }
        if (recordHasContent || cell.length() > 0 || afterQuote) {
            cells.add(cell.toString());
            rows.add(new Row(recordLine, cells));
        }
        return rows;
    }
}
