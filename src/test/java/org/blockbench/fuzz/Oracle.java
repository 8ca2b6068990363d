package org.blockbench.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The rules every case must keep, whatever its input. General: the exit code is 0, 1 or 2; no
 * stack trace text is printed; a failing command prints exactly one error line, and every line
 * it prints on stderr is a {@code blockbench:} message (a message quoting a name that holds a
 * newline would otherwise spill onto a second line); no file outside the model's directory is
 * opened (the canary); the case finishes within its time limit; the JVM survives (the last two
 * are judged by the driver and the campaign). Per case: an input the mutator made invalid for
 * any reader is refused. Per target: a complete analysis reports no negative size, and no CSV
 * the leaderboard writes holds a formula cell or a row broken by a raw newline.
 */
final class Oracle {

    static final String EXIT_CODE = "exit-code";
    static final String STACK_TRACE = "stack-trace";
    static final String ONE_LINE = "one-line-error";
    static final String OUTSIDE_OPEN = "file-outside-model-dir";
    static final String MUST_REFUSE = "invalid-input-accepted";
    static final String NEGATIVE_COMPLETE = "negative-size-called-complete";
    static final String CSV_FORMULA = "csv-formula-cell";
    static final String CSV_ROW = "csv-broken-row";
    static final String HANG = "hang";
    static final String CRASH = "jvm-crash";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Oracle() {
    }

    static List<Violation> judge(FuzzCase c, Outcome o, Canary.Evidence canary) {
        List<Violation> v = new ArrayList<>();
        int code = o.exitCode();
        if (code != 0 && code != 1 && code != 2) {
            v.add(new Violation(EXIT_CODE, "exit " + code + (o.thrown().isEmpty() ? "" : " (" + o.thrown() + ")")
                    + ", expected 0, 1 or 2"));
        }
        String all = o.stdout() + "\n" + o.stderr();
        if (all.contains("\tat ") || all.contains("Exception in thread") || all.contains("Caused by: ")) {
            v.add(new Violation(STACK_TRACE, "output holds stack trace text: " + firstLine(o.stderr())));
        }
        List<String> errLines = o.stderr().strip().isEmpty() ? List.of() : o.stderr().strip().lines().toList();
        if (code != 0 && errLines.size() != 1) {
            v.add(new Violation(ONE_LINE, "exit " + code + " with " + errLines.size() + " stderr lines, expected exactly 1: "
                    + firstLine(o.stderr())));
        } else {
            errLines.stream().filter(l -> !l.startsWith("blockbench: ")).findFirst().ifPresent(l -> v.add(new Violation(
                    ONE_LINE, "stderr line is not a 'blockbench: ' message (a message spilled over lines?): "
                            + GraphMutator.quoted(clip(l)))));
        }
        if (canary.touched()) {
            v.add(new Violation(OUTSIDE_OPEN, "a file outside the model's directory was opened: " + canary));
        }
        if (c.mustRefuse() != null) {
            int wanted = c.target() == Target.COMPARE ? 2 : -1;
            if (wanted > 0 ? code != wanted : code == 0) {
                v.add(new Violation(MUST_REFUSE, c.mustRefuse() + ": exit " + code + ", expected "
                        + (wanted > 0 ? Integer.toString(wanted) : "a refusal (non-zero)")));
            }
        }
        if (c.target() == Target.ANALYZE && code == 0) {
            analysis(o.stdout(), v);
        }
        if (c.target() == Target.LEADERBOARD) {
            csvs(c.dir().resolve("out"), v);
        }
        return v;
    }

    /** A complete analysis has no negative shape dim or total. */
    private static void analysis(String stdout, List<Violation> v) {
        JsonNode root;
        try {
            root = JSON.readTree(stdout);
        } catch (IOException e) {
            v.add(new Violation(NEGATIVE_COMPLETE, "exit 0 but --json output is not JSON: " + clip(firstLine(stdout))));
            return;
        }
        if (root == null || !root.path("complete").asBoolean(false)) {
            return;
        }
        List<String> negative = new ArrayList<>();
        root.path("input_shapes").fields().forEachRemaining(e -> e.getValue().forEach(d -> {
            if (d.isNumber() && d.asLong() < 0) {
                negative.add("input " + e.getKey() + " " + e.getValue());
            }
        }));
        for (JsonNode n : root.path("nodes")) {
            for (JsonNode out : n.path("outputs")) {
                for (JsonNode d : out.path("shape")) {
                    if (d.isNumber() && d.asLong() < 0) {
                        negative.add("node " + n.path("name").asText() + " output " + out.path("shape"));
                        break;
                    }
                }
            }
            for (String f : List.of("macs", "param_elements", "output_bytes")) {
                if (n.path(f).isNumber() && n.path(f).asLong() < 0) {
                    negative.add("node " + n.path("name").asText() + " " + f + " " + n.path(f).asLong());
                }
            }
        }
        for (String p : List.of("/macs/total", "/params/elements", "/memory/activation_bytes_total",
                "/memory/peak_live_activation_bytes")) {
            if (root.at(p).isNumber() && root.at(p).asLong() < 0) {
                negative.add(p + " " + root.at(p).asLong());
            }
        }
        if (!negative.isEmpty()) {
            v.add(new Violation(NEGATIVE_COMPLETE, "\"complete\": true with " + negative.size() + " negative size(s), first "
                    + GraphMutator.quoted(clip(negative.get(0)))));
        }
    }

    /** No CSV cell a spreadsheet would run as a formula; every row as wide as the header. */
    private static void csvs(Path dir, List<Violation> v) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                List<List<String>> rows = CsvCells.parse(Files.readString(f, StandardCharsets.UTF_8));
                for (List<String> row : rows) {
                    for (String cell : row) {
                        if (CsvCells.isFormula(cell)) {
                            v.add(new Violation(CSV_FORMULA, f.getFileName() + " cell " + GraphMutator.quoted(clip(cell))));
                            return;
                        }
                    }
                    if (!rows.isEmpty() && row.size() != rows.get(0).size()) {
                        v.add(new Violation(CSV_ROW, f.getFileName() + " row of " + row.size() + " cells under a header of "
                                + rows.get(0).size() + ": " + GraphMutator.quoted(clip(String.join(",", row)))));
                        return;
                    }
                }
            }
        } catch (IOException e) {
            v.add(new Violation(CSV_ROW, "cannot read the CSVs under " + dir + ": " + e));
        }
    }

    static String firstLine(String s) {
        String t = s.strip();
        return t.isEmpty() ? "(empty)" : clip(t.lines().findFirst().orElse(""));
    }

    static String clip(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
