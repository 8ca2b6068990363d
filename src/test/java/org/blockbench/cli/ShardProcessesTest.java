package org.blockbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.blockbench.host.BoundedProcess;
import org.junit.jupiter.api.Test;

/**
 * The shard runner's wait on tiny shell children standing in for {@code train --shard i/N}: the
 * worst exit code wins, a shard killed by a signal is a defect, and a shard that hangs is
 * stopped at the limit with the one-line message and exit 1.
 */
class ShardProcessesTest {

    private final StringWriter err = new StringWriter();

    private int runAll(Duration limit, String... scripts) {
        List<BoundedProcess> shards = java.util.Arrays.stream(scripts)
                .map(s -> new BoundedProcess(List.of("sh", "-c", s), new BoundedProcess.Output.Inherited())).toList();
        return ShardProcesses.runAll("train", shards, limit, new PrintWriter(err, true));
    }

    @Test
    void theWorstExitCodeOfTheShardsIsTheCommands() {
        assertEquals(ExitCodes.OK, runAll(Duration.ofSeconds(30), "exit 0", "exit 0"));
        assertEquals(ExitCodes.BAD_INPUT, runAll(Duration.ofSeconds(30), "exit 1", "exit 2", "exit 0"));
        assertEquals(ExitCodes.INTERNAL_ERROR, runAll(Duration.ofSeconds(30), "exit 3", "kill -9 $$"));
        assertEquals("", err.toString());
    }

    @Test
    void aHangingShardIsStoppedAtTheLimit() {
        long start = System.nanoTime();
        int code = runAll(Duration.ofSeconds(1), "exit 0", "sleep 60");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(ExitCodes.FINDINGS, code);
        assertEquals("blockbench: train stopped after its limit of 0 min: shard 1/2 was still running; finished runs are kept"
                + " and --resume continues the rest" + System.lineSeparator(), err.toString());
        assertTrue(seconds >= 1 && seconds < 6, "returned after " + seconds + " s");
    }
}
