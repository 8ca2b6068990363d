package org.blockbench.bench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.blockbench.bench.Shard;
import org.junit.jupiter.api.Test;

class SweepRequestTest {

    private static SweepRequest request(List<String> forkArgs) {
        return new SweepRequest(List.of(), null, TestSweeps.TINY, Shard.ALL, Path.of("out"), Optional.of("r"), false, forkArgs,
                false, false, 2);
    }

    @Test
    void twoSlurmTasksOfOneSweepAskForTheSameMeasurement() {
        // each task has its own temporary directory and its own CPUs: neither changes the numbers
        var task0 = request(List.of("-Xmx1g", "-Djava.io.tmpdir=/tmp/blockbench-slurm-1", "-Dblockbench.cpus=0"));
        var task1 = request(List.of("-Xmx1g", "-Djava.io.tmpdir=/tmp/blockbench-slurm-2", "-Dblockbench.cpus=1"));
        assertEquals(task0.measurementOptions(), task1.measurementOptions());
        assertEquals("-Xmx1g -Dblockbench.cpus=pinned", task0.measurementOptions().get("jvm_args"));
    }

    @Test
    void pinnedAndUnpinnedForksNeverMix() {
        assertNotEquals(request(List.of("-Dblockbench.cpus=0")).measurementOptions(), request(List.of()).measurementOptions());
        assertFalse(request(List.of("-Djava.io.tmpdir=/tmp/x")).measurementOptions().containsKey("jvm_args"));
    }
}
