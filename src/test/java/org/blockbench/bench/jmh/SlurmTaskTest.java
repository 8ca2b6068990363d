package org.blockbench.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a Slurm task keeps to itself: read from Slurm's variables and scontrol's answer (no cluster needed). */
class SlurmTaskTest {

    @TempDir
    Path dir;

    @Test
    void readsTheJobFromSlurmsVariables() {
        assertEquals(Optional.of(new SlurmTask("17", 2)),
                SlurmTask.fromEnvironment(Map.of("SLURM_JOB_ID", "17", "SLURM_CPUS_ON_NODE", "2", "SLURM_ARRAY_TASK_ID", "1")));
        assertEquals(Optional.empty(), SlurmTask.fromEnvironment(Map.of()));
        assertEquals(Optional.empty(), SlurmTask.fromEnvironment(Map.of("SLURM_JOB_ID", "17")));
        assertEquals(Optional.empty(), SlurmTask.fromEnvironment(Map.of("SLURM_JOB_ID", "x", "SLURM_CPUS_ON_NODE", "2")));
        assertEquals(Optional.empty(), SlurmTask.fromEnvironment(Map.of("SLURM_JOB_ID", "17", "SLURM_CPUS_ON_NODE", "0")));
    }

    @Test
    void tempDirectoryIsTheJobsOwnAndSurvivesARequeue() {
        Path first = new SlurmTask("17", 1).privateTempDir(dir);
        assertEquals(dir.resolve("blockbench-slurm-17"), first);
        assertTrue(Files.isDirectory(first));
        assertEquals(first, new SlurmTask("17", 1).privateTempDir(dir), "the requeued task (same job id) finds it again");
        assertEquals(dir.resolve("blockbench-slurm-18"), new SlurmTask("18", 1).privateTempDir(dir));
    }

    @Test
    void removesOnlyItsOwnTemporaryDirectory() throws Exception {
        String before = System.getProperty("java.io.tmpdir");
        try {
            SlurmTask task = new SlurmTask("17", 1);
            Path own = task.privateTempDir(dir);
            Files.writeString(Files.createDirectories(own.resolve("onnxruntime-java1")).resolve("lib.so"), "x");
            Files.writeString(own.resolve("jmh.lock"), "");
            System.setProperty("java.io.tmpdir", dir.toString());
            task.removeTemporaryFiles(); // the temporary directory is not the task's: kept
            assertTrue(Files.isDirectory(own));
            System.setProperty("java.io.tmpdir", own.toString());
            new SlurmTask("18", 1).removeTemporaryFiles(); // another job's: kept
            assertTrue(Files.isDirectory(own));
            task.removeTemporaryFiles();
            assertFalse(Files.exists(own));
            assertTrue(Files.isDirectory(dir));
        } finally {
            System.setProperty("java.io.tmpdir", before);
        }
    }

    @Test
    void cpuIdsFromScontrol() {
        String shown = """
                JobId=18 ArrayJobId=17 ArrayTaskId=1 JobName=blockbench
                   NumNodes=1 NumCPUs=1 NumTasks=1 CPUs/Task=1 ReqB:S:C:T=0:0:*:*
                     Nodes=bbnode CPU_IDs=1 Mem=4096 GRES=
                """;
        assertEquals(Optional.of(CpuSet.ofList("1")), SlurmTask.cpuIds(shown));
        assertEquals(Optional.of(CpuSet.ofList("0-3,8")), SlurmTask.cpuIds("     Nodes=n1 CPU_IDs=0-3,8 Mem=0 GRES="));
        assertEquals(Optional.empty(), SlurmTask.cpuIds("JobId=18 JobState=PENDING"));
    }

    @Test
    void aBoundTaskKeepsItsAffinity() {
        // Slurm bound the task (task/affinity, cgroups): the affinity is the allocation, scontrol is not asked
        CpuSet bound = CpuSet.ofList("3");
        assertEquals(bound, new SlurmTask("17", 1).allocatedCpus(bound));
        CpuSet two = CpuSet.ofList("2-3");
        assertEquals(two, new SlurmTask("17", 2).allocatedCpus(two));
    }
}
