package org.blockbench.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A seeded fuzz run over every target: {@value #CASES_PER_TARGET} mutated inputs per command
 * (ONNX graphs for analyze, the bench pre-check and train's loader; JMH JSON for compare and
 * leaderboard), each in a child JVM so that a native crash is reported, not fatal. Every case
 * must keep every rule of {@link Oracle}. A failure lists each failing case: id, broken rule,
 * command, mutations, and the directory under target/fuzz-failures/ holding its files.
 */
@Tag("fuzz")
class FuzzTest {

    static final int CASES_PER_TARGET = 200;
    static final long SEED = 20261129L;

    @Test
    void mutatedInputsAreRefusedCleanlyByEveryCommand() throws Exception {
        List<Target> targets = List.of(Target.values());
        Path target = Path.of("target").toAbsolutePath();
        CampaignSummary s = Campaign.run(new Campaign.Config(SEED, 0, CASES_PER_TARGET * targets.size(), targets, 2, 10_000,
                target.resolve("fuzz-work"), target.resolve("fuzz-failures")));
        assertEquals(CASES_PER_TARGET * targets.size(), s.casesTried(), "every case ran and was judged");
        Map<String, Map<String, Integer>> codes = s.exitCodesByCommand();
        assertEquals(targets.size(), codes.size(), "every command was exercised: " + codes);
        assertTrue(s.failures().isEmpty(), s.failures().size() + " of " + s.casesTried() + " fuzz cases broke a rule\n"
                + s.render() + "failure classes (command [rule]), each with its first case; every failing case is kept in "
                + "target/fuzz-failures/<id>/case.txt\n" + s.renderClasses());
    }
}
