package org.blockbench.fuzz;

import java.util.List;

/**
 * The judged result of one case, as the campaign read it from a driver's journal.
 *
 * @param exitCode the exit code, or -1 when the case hung or crashed the JVM
 */
public record CaseResult(int index, String id, Target target, String command, List<String> mutations, int exitCode,
                         List<Violation> violations, String keptIn) {

    public CaseResult {
        mutations = List.copyOf(mutations);
        violations = List.copyOf(violations);
    }

    boolean broke(String rule) {
        return violations.stream().anyMatch(v -> v.rule().equals(rule));
    }

    /** One line per broken rule: case, rule, detail, command, where the files are kept. */
    String describe() {
        StringBuilder s = new StringBuilder();
        for (Violation v : violations) {
            s.append(id).append(" [").append(v.rule()).append("] ").append(v.detail()).append('\n');
        }
        s.append("    command: ").append(command).append('\n');
        s.append("    mutations: ").append(String.join("; ", mutations.stream().map(Oracle::clip).toList())).append('\n');
        s.append("    kept in: ").append(keptIn).append('\n');
        return s.toString();
    }
}
