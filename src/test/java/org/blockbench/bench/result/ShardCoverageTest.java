package org.blockbench.bench.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.blockbench.BadInputException;
import org.blockbench.report.LatencyResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep's completeness: which shards' results are present, what a merge of a partial sweep
 * records, and the leaderboard's note on it.
 */
class ShardCoverageTest {

    @TempDir
    Path dir;

    private Path shard(Path run, int index, int count) throws Exception {
        Files.createDirectories(run);
        return Files.writeString(run.resolve("results-shard-" + index + "-of-" + count + ".json"),
                JmhReaderTest.array(JmhReaderTest.record(Integer.toString(index), "2.0", "0.1", "[[2.0]]")));
    }

    @Test
    void namesTheShardsThatAreMissing() throws Exception {
        Path run = dir.resolve("nightly");
        shard(run, 0, 3);
        shard(run, 2, 3);
        Files.writeString(run.resolve("results.json"), "[]"); // an earlier merge's output is no shard
        ShardCoverage coverage = ShardCoverage.of(List.of(run));
        assertEquals(3, coverage.count());
        assertEquals(List.of(0, 2), List.copyOf(coverage.present()));
        assertEquals(List.of("1/3"), coverage.missing());
        assertFalse(coverage.complete());

        shard(run, 1, 3);
        assertTrue(ShardCoverage.of(List.of(run)).complete());
        // files count by their own names
        assertEquals(List.of("0/3", "2/3"), ShardCoverage.of(List.of(run.resolve("results-shard-1-of-3.json"))).missing());
    }

    @Test
    void unshardedInputsAreComplete() throws Exception {
        Path file = Files.writeString(dir.resolve("a.json"), JmhReaderTest.array(JmhReaderTest.record("1", "2.0", "0.1", "[[2.0]]")));
        ShardCoverage coverage = ShardCoverage.of(List.of(file, dir));
        assertEquals(0, coverage.count());
        assertTrue(coverage.complete());
    }

    @Test
    void shardsOfTwoSweepsAreRefused() throws Exception {
        Path a = shard(dir.resolve("a"), 0, 2);
        Path b = shard(dir.resolve("b"), 0, 3);
        BadInputException e = assertThrows(BadInputException.class, () -> ShardCoverage.of(List.of(dir.resolve("a"), dir.resolve("b"))));
        assertEquals("shards of two sweeps: " + a + " is a shard of 2, " + b + " of 3; merge each sweep on its own", e.getMessage());
    }

    @Test
    void partialMergeIsRecordedAndTheBoardSaysSo() throws Exception {
        Path run = dir.resolve("nightly");
        shard(run, 0, 2);
        assertEquals(List.of("PARTIAL sweep: " + run + " lacks shard(s) 1/2; the configs of those shards are not on this board"),
                LatencyResults.readDirectory(dir).notes().stream().filter(n -> n.startsWith("PARTIAL")).toList());

        ResultMerger.mergeInto(List.of(run), run.resolve("results.json"), List.of("1/2"));
        assertEquals(List.of("1/2"), ResultsMetadata.read(run.resolve("results.meta.json")).missingShards());
        // the merged file alone (copied elsewhere, without the shard files) still says it is partial
        Path copy = Files.createDirectories(dir.resolve("elsewhere/nightly"));
        Files.copy(run.resolve("results.json"), copy.resolve("results.json"));
        Files.copy(run.resolve("results.meta.json"), copy.resolve("results.meta.json"));
        assertTrue(LatencyResults.readDirectory(dir.resolve("elsewhere")).notes().contains("PARTIAL sweep: " + copy
                + " lacks shard(s) 1/2; the configs of those shards are not on this board"));

        ResultMerger.mergeInto(List.of(run), run.resolve("complete.json"));
        // (its sources still carry the partial merge's own sidecar, missingShards and all)
        assertNull(ResultsMetadata.read(run.resolve("complete.meta.json")).missingShards(), "a complete merge has no such field");
    }
}
