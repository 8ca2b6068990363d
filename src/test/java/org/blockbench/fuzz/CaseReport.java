package org.blockbench.fuzz;

import java.nio.file.Path;
import java.util.List;

/** The text kept beside a failing case's files ({@code case.txt}) and quoted in the test's failure message. */
final class CaseReport {

    private CaseReport() {
    }

    static String describe(String id, String command, String seedInput, List<String> mutations, List<Violation> violations,
                           String stderr, Path originalDir) {
        StringBuilder s = new StringBuilder();
        s.append("case ").append(id).append('\n');
        violations.forEach(v -> s.append("broke ").append(v).append('\n'));
        s.append("command: ").append(command).append('\n');
        s.append("seed input: ").append(seedInput).append('\n');
        mutations.forEach(m -> s.append("mutation: ").append(m).append('\n'));
        s.append("ran in: ").append(originalDir).append(" (relative external-data paths resolve from there)\n");
        s.append("replay: see docs/fuzz.md (FuzzCampaign --only ").append(indexOf(id)).append(" with the same --seed)\n");
        if (!stderr.isBlank()) {
            s.append("stderr:\n").append(stderr.strip()).append('\n');
        }
        return s.toString();
    }

    static int indexOf(String id) {
        return Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
    }
}
