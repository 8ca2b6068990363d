package org.blockbench.cluster;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A real one-node Slurm cluster for a test class: {@code tools/slurm-up.sh} writes a munge key
 * and slurm.conf into a temporary directory and starts munged, slurmctld and slurmd (linuxproc
 * process tracking, no task plugin, cons_tres over cores, one node with this machine's CPUs),
 * then waits until {@code sinfo} shows the node idle. {@link #close} cancels the cluster's jobs
 * and stops exactly the three daemons the start reported, by process id; a JVM shutdown hook
 * does the same if the test JVM ends first. Start it in {@code @BeforeAll} and close it in
 * {@code @AfterAll}, which JUnit runs however the tests ended.
 *
 * <p>Where slurm-wlm and munge are missing (or the tests do not run as root) the test class is
 * skipped, unless {@value #REQUIRE} is set (.ci/run sets it): then it fails.
 */
public final class SlurmCluster implements AutoCloseable {

    /** Environment variable that turns a missing Slurm from a skip into a failure. */
    public static final String REQUIRE = "BLOCKBENCH_REQUIRE_SLURM";
    /** The node's name in the generated slurm.conf. */
    public static final String NODE = "bbnode";

    private static final Duration START_LIMIT = Duration.ofSeconds(150);
    private static final Set<String> FINAL_STATES = Set.of("COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL",
            "OUT_OF_MEMORY", "BOOT_FAIL", "DEADLINE", "PREEMPTED");
    private static final Pattern PIDS = Pattern.compile("(?m)^pids ((?:\\d+ ?)+)$");

    private final Path dir;
    private final List<Long> pids;
    private final Duration startTime;
    private final Thread hook;
    private boolean closed;

    private SlurmCluster(Path dir, List<Long> pids, Duration startTime) {
        this.dir = dir;
        this.pids = List.copyOf(pids);
        this.startTime = startTime;
        this.hook = new Thread(this::stopDaemons, "slurm-cluster-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Starts a cluster in {@code dir} (created if absent) and returns once its node is idle.
     * Skips the calling test class where Slurm is absent and {@value #REQUIRE} is unset.
     */
    public static SlurmCluster start(Path dir) throws IOException, InterruptedException {
        String absent = !Files.isExecutable(Path.of("/usr/sbin/slurmctld")) || !Files.isExecutable(Path.of("/usr/sbin/munged"))
                ? "slurm-wlm and munge are not installed (apt-get install slurm-wlm munge)"
                : !"root".equals(System.getProperty("user.name")) ? "the Slurm tests start slurmd and must run as root" : null;
        if (absent != null) {
            if (System.getenv(REQUIRE) != null) {
                fail(absent + ", and " + REQUIRE + " is set");
            }
            Assumptions.abort(absent);
        }
        long begin = System.nanoTime();
        Shell.Result up = Shell.run(Path.of("").toAbsolutePath(), Map.of(), START_LIMIT,
                "bash", "tools/slurm-up.sh", dir.toString());
        Duration took = Duration.ofNanos(System.nanoTime() - begin);
        Matcher m = PIDS.matcher(up.output());
        if (up.exit() != 0 || !m.find()) {
            fail("tools/slurm-up.sh " + dir + " exited " + up.exit() + ":\n" + up.output());
        }
        List<Long> pids = new ArrayList<>();
        for (String pid : m.group(1).strip().split(" ")) {
            pids.add(Long.parseLong(pid));
        }
        SlurmCluster cluster = new SlurmCluster(dir, pids, took);
        System.out.println("slurm cluster in " + dir + " up in " + took.toMillis() + " ms (daemons " + pids + ")");
        return cluster;
    }

    /** Wall time of {@link #start}, from launching the script to the idle node. */
    public Duration startTime() {
        return startTime;
    }

    /** The cluster's directory (slurm.conf, daemon logs). */
    public Path dir() {
        return dir;
    }

    /** What Slurm's clients need to reach this cluster: {@code SLURM_CONF}, and /usr/sbin on the path. */
    public Map<String, String> environment() {
        return Map.of("SLURM_CONF", dir.resolve("slurm.conf").toString(),
                "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin") + ":/usr/sbin");
    }

    /** Runs {@code bash -c script} in {@code cwd} against this cluster, {@code env} added to this JVM's environment. */
    public Shell.Result bash(Path cwd, Map<String, String> env, Duration limit, String script) throws IOException, InterruptedException {
        Map<String, String> all = new HashMap<>(env);
        all.putAll(environment());
        return Shell.run(cwd, all, limit, "bash", "-c", script);
    }

    /**
     * One job, or one task of an array ({@code 7_1}), as {@code scontrol show job} reports it.
     *
     * @param id       the job id as Slurm prints it ({@code 7} or {@code 7_1})
     * @param state    JobState (COMPLETED, FAILED, RUNNING, PENDING, ...)
     * @param exitCode ExitCode's first number: the batch script's exit status
     * @param restarts Restarts: how often it was requeued
     * @param start    StartTime (the node's local time), null before it started
     * @param end      EndTime, null before it ended
     */
    public record Job(String id, String state, int exitCode, int restarts, java.time.LocalDateTime start,
                      java.time.LocalDateTime end) {
        /** Whether Slurm is done with it. */
        public boolean isFinal() {
            return FINAL_STATES.contains(state);
        }
    }

    /** The job or array {@code jobId} as Slurm reports it now: one entry per task, by id. */
    public Map<String, Job> jobs(String jobId) throws IOException, InterruptedException {
        Shell.Result r = bash(dir, Map.of(), Duration.ofSeconds(30), "scontrol -o show job " + jobId);
        if (r.exit() != 0) {
            fail("scontrol show job " + jobId + " exited " + r.exit() + ": " + r.output());
        }
        Map<String, Job> jobs = new TreeMap<>();
        for (String line : r.output().lines().filter(l -> l.startsWith("JobId=")).toList()) {
            String array = field(line, "ArrayJobId").orElse(null);
            String task = field(line, "ArrayTaskId").orElse(null);
            String id = array != null && task != null ? array + "_" + task : field(line, "JobId").orElseThrow();
            String[] exit = field(line, "ExitCode").orElse("0:0").split(":");
            jobs.put(id, new Job(id, field(line, "JobState").orElseThrow(), Integer.parseInt(exit[0]),
                    Integer.parseInt(field(line, "Restarts").orElse("0")), time(line, "StartTime"), time(line, "EndTime")));
        }
        return jobs;
    }

    /**
     * Waits until every task of {@code jobId} is in a final state and returns them; fails the
     * test, naming the states, when that takes longer than {@code limit}.
     */
    public Map<String, Job> awaitFinal(String jobId, Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            Map<String, Job> jobs = jobs(jobId);
            if (!jobs.isEmpty() && jobs.values().stream().allMatch(Job::isFinal)) {
                return jobs;
            }
            if (System.nanoTime() > deadline) {
                fail("job " + jobId + " not finished within " + limit.toSeconds() + " s: " + jobs);
            }
            Thread.sleep(500);
        }
    }

    /**
     * Requeues {@code task} (a running job, or an array task {@code 7_1}) with
     * {@code scontrol requeue}, then lets it start again at once instead of after the hold Slurm
     * puts on a requeued job (its BeginTime, about 2 minutes): waits, at most 60 s, until Slurm
     * holds it and the first attempt's slurmstepd has exited, then sets its StartTime to now.
     * Waiting for the old step matters: an attempt released while the killed one is still being
     * cleaned up was marked FAILED without running (seen once here).
     */
    public void requeueAndRelease(String task) throws IOException, InterruptedException {
        Matcher id = Pattern.compile("^JobId=(\\d+)").matcher(bash(dir, Map.of(), Duration.ofSeconds(30),
                "scontrol -o show job " + task).output());
        if (!id.find()) {
            fail("no job " + task);
        }
        Shell.Result requeue = bash(dir, Map.of(), Duration.ofSeconds(30), "scontrol requeue " + task);
        if (requeue.exit() != 0) {
            fail("scontrol requeue " + task + ": " + requeue.output());
        }
        String held = "scontrol -o show job " + task + " | grep -q 'JobState=PENDING Reason=BeginTime'";
        String stepGone = "! pgrep -f '^slurmstepd: \\[" + id.group(1) + "\\.' >/dev/null";
        Shell.Result release = bash(dir, Map.of(), Duration.ofSeconds(70), "for i in $(seq 1 300); do " + held + " && "
                + stepGone + " && sleep 1 && exec scontrol update JobId=" + task + " StartTime=now; sleep 0.2; done;"
                + " echo 'not held, or its first attempt still runs, after 60 s'; exit 1");
        if (release.exit() != 0) {
            fail("releasing requeued " + task + ": " + release.output() + "\n" + jobs(task));
        }
    }

    private static java.time.LocalDateTime time(String line, String name) {
        return field(line, name).filter(t -> t.matches("\\d{4}-.*")).map(java.time.LocalDateTime::parse).orElse(null);
    }

    private static Optional<String> field(String line, String name) {
        Matcher m = Pattern.compile("(?:^| )" + name + "=(\\S+)").matcher(line);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Cancels every job of this cluster, then stops its daemons (newest first), each by its process id. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            // a job still running would outlive slurmd (linuxproc tracks, it does not contain)
            bash(dir, Map.of(), Duration.ofSeconds(30), "scancel --user=root --full");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline
                    && !bash(dir, Map.of(), Duration.ofSeconds(30), "squeue -h -o %i").output().isBlank()) {
                Thread.sleep(200);
            }
        } catch (IOException | InterruptedException | AssertionError e) {
            System.err.println("slurm cluster " + dir + ": could not cancel its jobs before stopping: " + e);
        } finally {
            stopDaemons();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: nothing left to remove
            }
        }
    }

    private synchronized void stopDaemons() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = pids.size() - 1; i >= 0; i--) {
            Optional<ProcessHandle> daemon = ProcessHandle.of(pids.get(i));
            if (daemon.isEmpty()) {
                continue;
            }
            daemon.get().destroy();
            try {
                daemon.get().onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception slow) {
                daemon.get().destroyForcibly();
            }
        }
    }

    /** Reads a file of the cluster's directory, or a line saying why it cannot be read (for failure messages). */
    public String log(String name) {
        try {
            return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no " + name + ": " + e.getMessage() + ")";
        }
    }
}
