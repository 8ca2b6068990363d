package org.blockbench.fuzz;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 reading of a CSV text into cells, and the test whether a cell is a spreadsheet formula. */
final class CsvCells {

    private CsvCells() {
    }

    /** Rows of cells; quoted cells may hold commas, doubled quotes and newlines. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(ch);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }

    /**
     * Whether a spreadsheet would evaluate the cell: it starts with {@code =}, {@code +},
     * {@code @}, a tab or carriage return, or with {@code -} not followed by a number.
     */
    static boolean isFormula(String cell) {
        if (cell.isEmpty()) {
            return false;
        }
        char c = cell.charAt(0);
        if (c == '=' || c == '+' || c == '@' || c == '\t' || c == '\r') {
            return true;
        }
        if (c == '-') {
            try {
                Double.parseDouble(cell);
                return false;
            } catch (NumberFormatException e) {
                return true;
            }
        }
        return false;
    }
}
