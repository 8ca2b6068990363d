package org.blockbench.bench.jmh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.blockbench.BadInputException;
import org.blockbench.host.BoundedProcess;

/**
 * A set of logical CPUs that a benchmark JVM is pinned to, written as Linux writes CPU lists
 * ({@code 1}, {@code 0-3}, {@code 0,2-3}).
 *
 * <p>Why pin: the scheduler then cannot move a fork between CPUs, so every fork and every run
 * meets the same placement, and a multi-threaded session gets exactly the CPUs it was given.
 * Pinning did not remove the slow state that some forks settle in on the development VM
 * (interleaved, as many forks were slow pinned as unpinned; docs/regress.md), which is why the
 * verdict also looks at the fastest fork. A fork pins itself at trial set-up when the system
 * property {@value #PROPERTY} holds a CPU list (the {@code --cpus} option of {@code bench} and
 * {@code ab} sets it, see {@link #choose}); threads the fork starts later, ONNX Runtime's
 * included, inherit the set.
 *
 * @param cpus the CPU numbers, ascending, at least one
 */
public record CpuSet(SortedSet<Integer> cpus) {

    /** System property of a forked benchmark JVM: pin this process to this CPU list. */
    public static final String PROPERTY = "blockbench.cpus";

    private static final Pattern LIST = Pattern.compile("\\d+(-\\d+)?(,\\d+(-\\d+)?)*");

    public CpuSet {
        if (cpus.isEmpty()) {
            throw new IllegalArgumentException("empty CPU set");
        }
        cpus = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(cpus));
    }

    /** {@link #choose} word: the highest-numbered CPUs, as many as the benchmark's threads. */
    public static final String AUTO = "auto";
    /** {@link #choose} word: do not pin. */
    public static final String NONE = "none";

    /**
     * The CPUs for a benchmark whose sessions run up to {@code threads} ORT intra-op threads
     * (0 = ORT's default, taken as every CPU this process was {@linkplain #granted() granted}):
     * {@value #NONE} gives none, {@value #AUTO} the {@code threads} highest-numbered granted CPUs
     * (CPU 0 tends to take more interrupts), anything else is parsed as a CPU list and must hold
     * at least {@code threads} CPUs.
     *
     * @throws BadInputException for a malformed or foreign list, or one with too few CPUs
     */
    public static Optional<CpuSet> choose(String spec, int threads) {
        String word = spec.strip();
        if (word.equals(NONE)) {
            return Optional.empty();
        }
        CpuSet allowed = granted();
        int wanted = threads <= 0 ? allowed.size() : threads;
        if (word.equals(AUTO)) {
            if (wanted > allowed.size()) {
                throw new BadInputException(threads + " threads need " + threads + " CPUs, but this process may use only "
                        + allowed + "; give --cpus none or fewer threads");
            }
            List<Integer> ascending = List.copyOf(allowed.cpus);
            return Optional.of(new CpuSet(new TreeSet<>(ascending.subList(ascending.size() - wanted, ascending.size()))));
        }
        return Optional.of(parse(word).requireThreads(threads));
    }

    /**
     * This set, when it has a CPU for each of {@code threads} threads (0 = ORT's default, not checked).
     *
     * @throws BadInputException when it has fewer
     */
    public CpuSet requireThreads(int threads) {
        if (threads > size()) {
            throw new BadInputException(threads + " threads need at least " + threads + " CPUs, but CPU list " + this
                    + " has " + size() + "; give --cpus more CPUs, auto or none");
        }
        return this;
    }

    /**
     * Parses a CPU list and checks that this process may run on every CPU in it.
     *
     * @throws BadInputException for a malformed list or a CPU outside {@link #allowed()}
     */
    public static CpuSet parse(String text) {
        String list = text.strip();
        if (!LIST.matcher(list).matches()) {
            throw new BadInputException("CPU list '" + text + "' is malformed; write it as Linux does, e.g. 1, 0-3 or 0,2-3"
                    + " (this process may use " + allowed() + ")");
        }
        CpuSet set = new CpuSet(expand(list, text));
        CpuSet allowed = allowed();
        if (!allowed.cpus.containsAll(set.cpus)) {
            throw new BadInputException("CPU list '" + text + "' names CPUs this process may not use; it may use " + allowed);
        }
        return set;
    }

    /**
     * The CPUs the calling thread may run on ({@code Cpus_allowed_list} of
     * /proc/thread-self/status); where there is no /proc, CPUs 0 to the JVM's processor count - 1.
     */
    public static CpuSet allowed() {
        try {
            return ofTask(Path.of("/proc/thread-self/status"));
        } catch (IOException e) {
            TreeSet<Integer> all = new TreeSet<>();
            for (int cpu = 0; cpu < Runtime.getRuntime().availableProcessors(); cpu++) {
                all.add(cpu);
            }
            return new CpuSet(all);
        }
    }

    /**
     * The CPUs this process was granted: {@link #allowed()}, narrowed to the CPUs Slurm
     * allocated to the job when it runs as a Slurm task that Slurm did not bind
     * ({@link SlurmTask#allocatedCpus}). Tasks that share a node then pin to their own CPUs
     * instead of all choosing the same highest-numbered ones.
     */
    public static CpuSet granted() {
        CpuSet allowed = allowed();
        return SlurmTask.current().map(task -> task.allocatedCpus(allowed)).orElse(allowed);
    }

    /**
     * A well-formed Linux CPU list as a set, without checking that this process may use it.
     *
     * @throws BadInputException for a malformed list
     */
    public static CpuSet ofList(String list) {
        if (!LIST.matcher(list.strip()).matches()) {
            throw new BadInputException("CPU list '" + list + "' is malformed; write it as Linux does, e.g. 1, 0-3 or 0,2-3");
        }
        return new CpuSet(expand(list.strip(), list));
    }

    /**
     * The CPUs process {@code pid} (its main thread) may run on.
     *
     * @throws IllegalStateException when the process does not exist or /proc is unreadable
     */
    public static CpuSet ofProcess(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            return ofTask(status);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the CPUs of process " + pid + " from " + status + ": " + e, e);
        }
    }

    private static CpuSet ofTask(Path status) throws IOException {
        for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
            if (line.startsWith("Cpus_allowed_list:")) {
                String list = line.substring(line.indexOf(':') + 1).strip();
                return new CpuSet(expand(list, list));
            }
        }
        throw new IOException("no Cpus_allowed_list line");
    }

    /** The CPUs of a well-formed list; {@code text} is what the user wrote, for the message. */
    private static TreeSet<Integer> expand(String list, String text) {
        TreeSet<Integer> cpus = new TreeSet<>();
        for (String part : list.split(",")) {
            String[] ends = part.split("-");
            int first = Integer.parseInt(ends[0]);
            int last = ends.length == 2 ? Integer.parseInt(ends[1]) : first;
            if (last < first) {
                throw new BadInputException("CPU range '" + part + "' in '" + text + "' runs backwards");
            }
            for (int cpu = first; cpu <= last; cpu++) {
                cpus.add(cpu);
            }
        }
        return cpus;
    }

    /**
     * Pins every thread of process {@code pid} to this set with util-linux's {@code taskset -a -p}
     * (the JDK has no affinity API), then checks that the process reports the new set.
     *
     * @throws IllegalStateException when taskset is missing or fails, or the set did not take
     */
    public void pin(long pid) {
        BoundedProcess.Result taskset = BoundedProcess.captured("taskset", "-a", "-p", "-c", toString(),
                Long.toString(pid)).run(Duration.ofSeconds(10));
        switch (taskset.status()) {
            case NOT_STARTED -> throw new BadInputException("cannot pin to CPUs " + this
                    + ": taskset (util-linux) is not available: " + taskset.output());
            case TIMED_OUT -> throw new IllegalStateException("taskset did not answer within 10 s");
            case INTERRUPTED -> throw new IllegalStateException("interrupted while pinning to CPUs " + this);
            case EXITED -> {
                if (taskset.exitCode() != 0) {
                    throw new BadInputException("taskset could not pin process " + pid + " to CPUs " + this + ": "
                            + taskset.output());
                }
            }
        }
        CpuSet now = ofProcess(pid);
        if (!now.equals(this)) {
            throw new IllegalStateException("process " + pid + " still runs on CPUs " + now + " after pinning to " + this);
        }
    }

    /**
     * In a forked benchmark JVM: pins this process to the CPU list in {@value #PROPERTY}, if
     * the property is set. Called from the benchmarks' trial set-up; a list this process may
     * not use fails the trial.
     */
    public static void pinFromProperty() {
        String list = System.getProperty(PROPERTY);
        if (list != null && !list.isBlank()) {
            parse(list).pin(ProcessHandle.current().pid());
        }
    }

    /** The JVM argument that makes a forked benchmark JVM pin itself to this set. */
    public String forkArgument() {
        return "-D" + PROPERTY + "=" + this;
    }

    /** The Linux CPU-list form, ranges collapsed: {@code 0-2,5}. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        Integer start = null;
        Integer previous = null;
        for (int cpu : cpus) {
            if (previous != null && cpu == previous + 1) {
                previous = cpu;
                continue;
            }
            if (start != null) {
                parts.add(range(start, previous));
            }
            start = cpu;
            previous = cpu;
        }
        parts.add(range(start, previous));
        return String.join(",", parts);
    }

    private static String range(int first, int last) {
        return first == last ? Integer.toString(first) : first + "-" + last;
    }

    /** Number of CPUs in the set. */
    public int size() {
        return cpus.size();
    }
}
