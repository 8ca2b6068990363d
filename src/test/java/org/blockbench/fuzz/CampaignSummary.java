package org.blockbench.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a campaign found: cases tried, JVM crashes, exit-70 count, hangs, cases that opened a
 * file outside the model's directory, the exit codes per command, and the failing cases.
 */
public record CampaignSummary(long seed, int casesTried, long wallMillis, List<CaseResult> results) {

    public CampaignSummary {
        results = List.copyOf(results);
    }

    public List<CaseResult> failures() {
        return results.stream().filter(r -> !r.violations().isEmpty()).toList();
    }

    public long count(String rule) {
        return results.stream().filter(r -> r.broke(rule)).count();
    }

    public long exit70() {
        return results.stream().filter(r -> r.exitCode() == 70).count();
    }

    /** command → exit code ("0", "1", "2", "3", "70", "hang/crash") → cases. */
    public Map<String, Map<String, Integer>> exitCodesByCommand() {
        Map<String, Map<String, Integer>> m = new TreeMap<>();
        for (CaseResult r : results) {
            String code = r.exitCode() < 0 ? "hang/crash" : Integer.toString(r.exitCode());
            m.computeIfAbsent(r.target().label(), k -> new TreeMap<>()).merge(code, 1, Integer::sum);
        }
        return m;
    }

    /** rule → cases that broke it. */
    public Map<String, Long> casesByRule() {
        Map<String, Long> m = new TreeMap<>();
        for (CaseResult r : results) {
            r.violations().stream().map(Violation::rule).distinct().forEach(rule -> m.merge(rule, 1L, Long::sum));
        }
        return m;
    }

    /** "target [rule]" → the cases of that failure class, in index order. */
    public Map<String, List<CaseResult>> failureClasses() {
        Map<String, List<CaseResult>> m = new TreeMap<>();
        for (CaseResult r : failures()) {
            r.violations().stream().map(Violation::rule).distinct().forEach(rule -> m.computeIfAbsent(
                    r.target().label() + " [" + rule + "]", k -> new java.util.ArrayList<>()).add(r));
        }
        return m;
    }

    /** Each failure class with its count and its first case in full. */
    public String renderClasses() {
        StringBuilder s = new StringBuilder();
        failureClasses().forEach((cls, cases) -> {
            s.append(String.format("%s: %d case(s), e.g.%n", cls, cases.size()));
            s.append(cases.get(0).describe().indent(4));
        });
        return s.toString();
    }

    /** The human summary the campaign prints. */
    public String render() {
        StringBuilder s = new StringBuilder();
        s.append(String.format("fuzz campaign seed %d: %d cases tried in %.1f s%n", seed, casesTried, wallMillis / 1000.0));
        s.append(String.format("  JVM crashes: %d%n", count(Oracle.CRASH)));
        s.append(String.format("  exit 70: %d%n", exit70()));
        s.append(String.format("  hangs: %d%n", count(Oracle.HANG)));
        s.append(String.format("  files opened outside the model directory: %d case(s)%n", count(Oracle.OUTSIDE_OPEN)));
        s.append(String.format("  failing cases: %d%n", failures().size()));
        s.append("  exit codes per command:\n");
        exitCodesByCommand().forEach((cmd, codes) -> s.append(String.format("    %-16s %s%n", cmd, codes)));
        s.append("  cases per broken rule:\n");
        casesByRule().forEach((rule, n) -> s.append(String.format("    %-32s %d%n", rule, n)));
        return s.toString();
    }

    /** The summary file: the counts above and every failing case. */
    public ObjectNode json() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode().put("format", "blockbench-fuzz-summary/1").put("seed", seed)
                .put("cases_tried", casesTried).put("wall_seconds", wallMillis / 1000.0)
                .put("jvm_crashes", count(Oracle.CRASH)).put("exit_70", exit70()).put("hangs", count(Oracle.HANG))
                .put("outside_dir_opens", count(Oracle.OUTSIDE_OPEN)).put("failing_cases", failures().size());
        root.set("exit_codes_by_command", json.valueToTree(exitCodesByCommand()));
        root.set("cases_by_rule", json.valueToTree(casesByRule()));
        var arr = root.putArray("failures");
        for (CaseResult r : failures()) {
            ObjectNode f = arr.addObject().put("id", r.id()).put("index", r.index()).put("command", r.command())
                    .put("exit", r.exitCode()).put("kept_in", r.keptIn());
            r.mutations().forEach(f.putArray("mutations")::add);
            var v = f.putArray("violations");
            r.violations().forEach(x -> v.addObject().put("rule", x.rule()).put("detail", x.detail()));
        }
        return root;
    }
}
