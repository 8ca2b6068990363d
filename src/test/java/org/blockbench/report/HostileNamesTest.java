package org.blockbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Users' model files named to attack each output ({@link LeaderboardGoldens#HOSTILE_NAMES}):
 * no CSV cell a spreadsheet would run, no markup in Markdown or HTML, no row split by a
 * newline or a {@code |}.
 */
class HostileNamesTest {

    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    @TempDir
    static Path dir;

    private static Leaderboard lb;

    @BeforeAll
    static void build() throws IOException {
        lb = LeaderboardGoldens.leaderboard(dir);
    }

    private static String render(LeaderboardFormat f) {
        return new String(f.render(lb), StandardCharsets.UTF_8);
    }

    /** RFC 4180 cells of every row. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        return rows;
    }

    @Test
    void noCsvCellIsAFormula() {
        int defused = 0;
        for (LeaderboardFormat f : List.of(new BlockZooCsv(), new GwoCsv(), new FullCsv(), new BlockSummaryCsv())) {
            List<List<String>> rows = parse(render(f));
            int width = rows.get(0).size();
            for (List<String> row : rows) {
                assertEquals(width, row.size(), f.getClass().getSimpleName() + ": a name split a row: " + row);
                for (String cell : row) {
                    boolean risky = !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0;
                    assertFalse(risky && !NUMBER.matcher(cell).matches(),
                            f.getClass().getSimpleName() + ": formula cell " + cell);
                    if (cell.startsWith("'") && cell.length() > 1 && "=+-@".indexOf(cell.charAt(1)) >= 0) {
                        defused++;
                    }
                }
            }
        }
        // every formula name appears (as block or model name) in the four CSVs, defused
        assertTrue(defused >= 5 * 3, "defused cells: " + defused);
    }

    @Test
    void markdownRowsStayRowsAndCarryNoMarkup() {
        String md = render(new LeaderboardMarkdown());
        assertFalse(md.contains("<img"), "raw HTML tag in Markdown");
        assertTrue(md.contains("&lt;img src=x onerror=alert(1)&gt; \\`tick\\` \\[a\\](b) \\#h"), "escaped name missing");
        assertTrue(md.contains("two lines"), "a newline in a name becomes a space");
        for (String line : md.split("\n")) {
            if (line.startsWith("|")) {
                assertTrue(line.endsWith("|"), "row split: " + line);
            }
        }
        long unescapedPipes = md.lines().filter(l -> l.contains("my, \"odd\" | *net*")).count();
        assertEquals(0, unescapedPipes, "a | in a name must not split a cell");
    }

    @Test
    void htmlCarriesNoMarkupFromNames() {
        String html = render(new LeaderboardHtml(List.of()));
        assertFalse(html.contains("<img src=x"), "raw tag in HTML");
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), "escaped name missing");
        assertFalse(html.contains("=HYPERLINK(\"evil"), "quotes in a name must be entities (attribute values)");
    }
}
