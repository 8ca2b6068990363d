package org.blockbench.bench.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.blockbench.host.BoundedProcess;

/**
 * The Slurm job (one array task is one job) this process runs in, read from the variables
 * Slurm exports to it. Tasks of an array share their node's {@code /tmp} and, when the
 * cluster's TaskPlugin does not bind them ({@code task/none}), its whole CPU affinity mask;
 * this is what a benchmark needs to keep to itself: its own temporary directory (JMH's lock
 * {@code <java.io.tmpdir>/jmh.lock} among it) and the CPUs Slurm allocated to it.
 *
 * @param jobId      {@code SLURM_JOB_ID}: unique per array task, and kept when the task is requeued
 * @param cpusOnNode {@code SLURM_CPUS_ON_NODE}: how many CPUs the job was given on this node
 */
public record SlurmTask(String jobId, int cpusOnNode) {

    private static final Pattern JOB_ID = Pattern.compile("\\d+");
    /** {@code scontrol show job -d}'s line of one node: {@code Nodes=n1 CPU_IDs=0-1,4 Mem=...}. */
    private static final Pattern CPU_IDS = Pattern.compile("\\bCPU_IDs=([0-9,\\-]+)");

    public SlurmTask {
        if (!JOB_ID.matcher(jobId).matches() || cpusOnNode < 1) {
            throw new IllegalArgumentException("Slurm job " + jobId + " with " + cpusOnNode + " CPUs");
        }
    }

    /** The job named by {@code env}, or empty outside Slurm (or when Slurm's variables are malformed). */
    public static Optional<SlurmTask> fromEnvironment(Map<String, String> env) {
        String id = env.getOrDefault("SLURM_JOB_ID", "").strip();
        String cpus = env.getOrDefault("SLURM_CPUS_ON_NODE", "").strip();
        if (!JOB_ID.matcher(id).matches() || !cpus.matches("\\d+") || Integer.parseInt(cpus) < 1) {
            return Optional.empty();
        }
        return Optional.of(new SlurmTask(id, Integer.parseInt(cpus)));
    }

    /** The job this process runs in, if any. */
    public static Optional<SlurmTask> current() {
        return fromEnvironment(System.getenv());
    }

    /**
     * This task's own temporary directory under {@code base}, created if absent:
     * {@code base/blockbench-slurm-<jobId>}. Named by the job id, so a requeued task finds
     * its own again and no other task of the node shares it.
     *
     * @throws IllegalStateException when it cannot be created
     */
    public Path privateTempDir(Path base) {
        Path dir = base.resolve("blockbench-slurm-" + jobId);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the task's temporary directory " + dir + ": " + e, e);
        }
    }

    /**
     * Points {@code java.io.tmpdir} of this JVM at {@link #privateTempDir} under the current
     * one, and returns the JVM argument that does the same for JMH's forks. JMH's lock
     * ({@code <java.io.tmpdir>/jmh.lock}) then belongs to this task alone: the tasks sharing a
     * node are kept apart by the CPUs Slurm gives each, not by one lock that lets only one of
     * them run. Call it before JMH's {@code Runner} is first used, which reads the lock's place once.
     */
    public String isolateTemporaryFiles() {
        Path dir = privateTempDir(Path.of(System.getProperty("java.io.tmpdir")));
        System.setProperty("java.io.tmpdir", dir.toString());
        return "-Djava.io.tmpdir=" + dir;
    }

    /**
     * Removes the directory {@link #isolateTemporaryFiles} made this JVM's {@code java.io.tmpdir},
     * with what JMH and its forks left in it; nothing when the temporary directory is another.
     * Best effort: a file that cannot be removed is named on stderr and left.
     */
    public void removeTemporaryFiles() {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        if (!dir.getFileName().toString().equals("blockbench-slurm-" + jobId) || !Files.isDirectory(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            System.err.println("blockbench: left the task's temporary directory " + dir + " (" + e + ")");
        }
    }

    /**
     * The CPUs Slurm allocated to this job on this node, where the process's affinity does not
     * already say it: with {@code TaskPlugin=task/none} every task may run on every CPU, and
     * only the controller knows the split ({@code scontrol show job -d}, its {@code CPU_IDs}).
     * {@code allowed} is the process's affinity; when it holds no more CPUs than
     * {@link #cpusOnNode} Slurm has bound the task and {@code allowed} is the answer.
     *
     * @return the allocation within {@code allowed}; {@code allowed} itself when it is already
     *         bound, or when scontrol cannot tell (with a line on stderr saying why)
     */
    public CpuSet allocatedCpus(CpuSet allowed) {
        if (allowed.size() <= cpusOnNode) {
            return allowed;
        }
        BoundedProcess.Result scontrol = BoundedProcess.captured("scontrol", "show", "job", "-d", jobId)
                .run(Duration.ofSeconds(10));
        switch (scontrol.status()) {
            case NOT_STARTED -> {
                return unknown(allowed, "scontrol is not available (" + scontrol.output() + ")");
            }
            case INTERRUPTED -> {
                return unknown(allowed, "interrupted while asking scontrol");
            }
            case TIMED_OUT, EXITED -> {
                if (!scontrol.succeeded()) {
                    return unknown(allowed, "scontrol show job -d " + jobId + " failed: "
                            + org.blockbench.text.OneLine.firstLine(scontrol.output()));
                }
            }
        }
        Optional<CpuSet> ids = cpuIds(scontrol.output());
        if (ids.isEmpty()) {
            return unknown(allowed, "scontrol show job -d " + jobId + " names no CPU_IDs");
        }
        CpuSet given = ids.get();
        if (!allowed.cpus().containsAll(given.cpus())) {
            return unknown(allowed, "Slurm's CPU_IDs " + given + " lie outside this process's CPUs " + allowed);
        }
        return given;
    }

    /**
     * The CPU_IDs of {@code scontrol show job -d}'s output (one node: the job's only node here).
     * Slurm numbers CPUs as the node's abstract core ids, which are the OS's CPU numbers on
     * nodes whose cores each have one thread (CR_Core) and are numbered in order.
     */
    static Optional<CpuSet> cpuIds(String scontrolOutput) {
        Matcher m = CPU_IDS.matcher(scontrolOutput);
        return m.find() ? Optional.of(CpuSet.ofList(m.group(1))) : Optional.empty();
    }

    private CpuSet unknown(CpuSet allowed, String why) {
        System.err.println("blockbench: Slurm job " + jobId + " was given " + cpusOnNode + " CPU(s) but may run on "
                + allowed + ", and its allocation is unknown: " + why + "; using " + allowed);
        return allowed;
    }
}
