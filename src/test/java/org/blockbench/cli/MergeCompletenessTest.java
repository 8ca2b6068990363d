package org.blockbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code merge} of a run directory that lacks a shard: exit 1 with one line naming the missing
 * shards and nothing written; with {@code --allow-partial} the rest is merged and said to be partial.
 */
class MergeCompletenessTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private void shard(Path run, int index, int count) throws Exception {
        Files.createDirectories(run);
        Files.writeString(run.resolve("results-shard-" + index + "-of-" + count + ".json"), """
                [{"benchmark": "a.B.c", "mode": "avgt", "params": {"n": "%d"},
                  "primaryMetric": {"score": 2.0, "scoreError": 0.1, "scoreUnit": "ms/op", "rawData": [[2.0]]}}]
                """.formatted(index));
    }

    @Test
    void missingShardIsExitOneUnlessPartialIsAllowed() throws Exception {
        Path run = dir.resolve("nightly");
        shard(run, 0, 4);
        shard(run, 2, 4);
        assertEquals(ExitCodes.FINDINGS, CliRunner.execute(out, err, "merge", run.toString()));
        String message = err.toString().strip();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains("the sweep is incomplete: shard(s) 1/4, 3/4 of 4 are missing (no results-shard-i-of-4.json);"
                + " rerun them (bench --shard i/4 --resume), or merge the rest with --allow-partial"), message);
        assertFalse(Files.exists(run.resolve("results.json")));

        assertEquals(ExitCodes.OK, CliRunner.execute(out, err, "merge", "--allow-partial", run.toString()), err.toString());
        assertTrue(out.toString().contains("merged 2 results from 1 input(s)") && out.toString().contains(
                "PARTIAL sweep, shard(s) 1/4, 3/4 missing"), out.toString());

        shard(run, 1, 4);
        shard(run, 3, 4);
        out.getBuffer().setLength(0);
        assertEquals(ExitCodes.OK, CliRunner.execute(out, err, "merge", run.toString()), err.toString());
        assertTrue(out.toString().contains("merged 4 results") && !out.toString().contains("PARTIAL"), out.toString());
    }
}
