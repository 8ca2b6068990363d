package org.blockbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.blockbench.bench.result.ResultsMetadata;
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
        ResultsMetadata partial = ResultsMetadata.read(run.resolve("results.meta.json"));
        assertEquals(2, partial.resultCount());
        assertEquals(List.of("1/4", "3/4"), partial.missingShards());

        // the partial merge re-wrote these records in JMH's own layout, not this test's: out of the next merge's way
        Files.delete(run.resolve("results.json"));
        Files.delete(run.resolve("results.meta.json"));
        shard(run, 1, 4);
        shard(run, 3, 4);
        assertEquals(ExitCodes.OK, CliRunner.execute(out, err, "merge", run.toString()), err.toString());
        ResultsMetadata complete = ResultsMetadata.read(run.resolve("results.meta.json"));
        assertEquals(4, complete.resultCount());
        assertNull(complete.missingShards());
    }
}
