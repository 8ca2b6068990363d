package org.blockbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.blockbench.bench.BenchConfig;
import org.blockbench.bench.jmh.ModelCatalog;
import org.blockbench.bench.result.JmhReader;
import org.blockbench.bench.result.JmhRecord;
import org.blockbench.bench.result.ResultsMetadata;
import org.blockbench.cluster.Checkout;
import org.blockbench.cluster.Shell;
import org.blockbench.cluster.SlurmCluster;
import org.blockbench.io.JsonFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The latency sweep of docs/slurm-array.sh on a real one-node Slurm cluster, run with the
 * commands printed in the script's own header (read from docs/, not copied): a 2-task array
 * over 2 blocks × 2 positions with one CPU per task, so both tasks share the 2-CPU node at
 * once, as tasks do on any node with more cores than a task asks for; then the dependent merge
 * job and the leaderboard. Both tasks finish (each with its own JMH lock and temporary
 * directory, pinned to a CPU of its own), the merge holds exactly the configs of the unsharded
 * sweep, each once, and a merge that lacks a shard exits 1. A task requeued while it measures
 * resumes and measures again only the config it was in.
 */
class SlurmLatencySweepTest {

    private static final String BLOCKS = "ResNetBasicBlock,MobileOneBlock";
    private static final String POSITIONS = "early,late";
    /** The test's subset and a short JMH budget, through the script's own BLOCKBENCH_ARGS. */
    private static final String ARGS = "--blocks " + BLOCKS + " --positions " + POSITIONS
            + " -f 1 -wi 1 -w 300ms -i 2 -r 300ms";
    /** Added to the documented array submission: 2 tasks of one CPU, so both share the node at once. */
    private static final String ARRAY_OPTIONS = "--array=0-1 --cpus-per-task=1 ";
    private static final Duration SWEEP_LIMIT = Duration.ofSeconds(240);

    @TempDir
    static Path dir;

    private static SlurmCluster cluster;
    private static Path models;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = SlurmCluster.start(dir.resolve("slurm"));
        models = dir.resolve("onnx-models");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(ExitCodes.OK, CliRunner.execute(out, err, "export", "--blocks", BLOCKS, "--positions", POSITIONS,
                "-o", models.toString(), "-q"), err.toString());
        assertEquals(ExitCodes.OK, CliRunner.execute(out, err, "analyze", "--manifest", models.resolve("manifest.json").toString(),
                "-q"), err.toString());
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** The three commands of docs/slurm-array.sh's header: export RUN, the array, the dependent merge. */
    static List<String> documentedCommands() throws IOException {
        List<String> commands = Files.readAllLines(Path.of("docs/slurm-array.sh")).stream()
                .filter(l -> l.startsWith("#   ")).map(l -> l.substring(4).strip()).toList();
        assertEquals(3, commands.size(), "docs/slurm-array.sh's header must print export RUN, the array and the merge: " + commands);
        assertTrue(commands.get(0).startsWith("export RUN="), commands.get(0));
        assertTrue(commands.get(1).startsWith("jobid=$(sbatch ") && commands.get(1).endsWith(")"), commands.get(1));
        assertTrue(commands.get(2).startsWith("sbatch ") && commands.get(2).contains("$jobid"), commands.get(2));
        return commands;
    }

    /**
     * Submits the documented array (and, when {@code withMerge}, the documented merge) from
     * {@code checkout}; returns the variables the script printed: run, array, merge.
     */
    private static Map<String, String> submit(Path checkout, boolean withMerge, Map<String, String> env) throws Exception {
        List<String> c = documentedCommands();
        StringBuilder script = new StringBuilder("set -euo pipefail\n");
        script.append(c.get(0)).append('\n');
        script.append(c.get(1).replaceFirst("sbatch ", "sbatch " + ARRAY_OPTIONS)).append('\n');
        script.append("echo \"array=$jobid\"\necho \"run=$RUN\"\n");
        if (withMerge) {
            script.append("echo \"merge=$(").append(c.get(2).replaceFirst("sbatch ", "sbatch --parsable ")).append(")\"\n");
        }
        Files.createDirectories(checkout.resolve("jmh-results"));
        Shell.Result r = cluster.bash(checkout, env, Duration.ofSeconds(60), script.toString());
        assertEquals(0, r.exit(), r.output());
        Map<String, String> printed = new HashMap<>();
        Matcher m = Pattern.compile("(?m)^(array|run|merge)=(\\S+)$").matcher(r.output());
        while (m.find()) {
            printed.put(m.group(1), m.group(2));
        }
        return printed;
    }

    private static Map<String, String> sweepEnvironment() {
        return Map.of("BLOCKBENCH_ARGS", ARGS, "MODELS", models.toString());
    }

    @Test
    void documentedArrayOnOneNodeThenMergeAndLeaderboard() throws Exception {
        Path checkout = Checkout.create(dir.resolve("checkout"));
        Map<String, String> ids = submit(checkout, true, sweepEnvironment());
        String array = ids.get("array");
        Map<String, SlurmCluster.Job> tasks = cluster.awaitFinal(array, SWEEP_LIMIT);
        SlurmCluster.Job merge = cluster.awaitFinal(ids.get("merge"), Duration.ofSeconds(120)).values().iterator().next();
        Path results = checkout.resolve("jmh-results");
        Path run = results.resolve(ids.get("run"));
        String log0 = read(results.resolve("slurm-" + array + "_0.out"));
        String log1 = read(results.resolve("slurm-" + array + "_1.out"));
        System.out.println("array " + array + " task 0:\n" + log0 + "\ntask 1:\n" + log1 + "\ntasks " + tasks.values());

        assertEquals(List.of("COMPLETED", "COMPLETED"), tasks.values().stream().map(SlurmCluster.Job::state).toList(),
                tasks + "\n" + log0 + "\n" + log1);
        assertTrue(log0.contains("(shard 0/2)") && log1.contains("(shard 1/2)"), log0 + log1);
        assertFalse((log0 + log1).contains("JMH's lock"), log0 + log1);
        SlurmCluster.Job t0 = tasks.get(array + "_0");
        SlurmCluster.Job t1 = tasks.get(array + "_1");
        assertTrue(t0.start().isBefore(t1.end()) && t1.start().isBefore(t0.end()),
                "the two tasks ran side by side on the one node: " + tasks.values());

        // each task's forks: pinned to a CPU of their own, temporary files (and JMH's lock) in the task's own directory
        Map<String, String> pinnedBy = new TreeMap<>();
        for (int shard = 0; shard < 2; shard++) {
            Path shardResults = run.resolve("results-shard-" + shard + "-of-2.json");
            List<String> jvmArgs = new ArrayList<>();
            for (JmhRecord r : JmhReader.read(shardResults).records()) {
                r.tree().path("jvmArgs").forEach(a -> jvmArgs.add(a.asText()));
            }
            String taskDir = "/blockbench-slurm-" + slurmJobId((shard == 0 ? t0 : t1).id());
            String tmpdir = jvmArgs.stream().filter(a -> a.startsWith("-Djava.io.tmpdir=")).findFirst().orElse("none");
            assertTrue(tmpdir.endsWith(taskDir), "shard " + shard + " forks: " + jvmArgs);
            assertFalse(Files.exists(Path.of(tmpdir.substring("-Djava.io.tmpdir=".length()))), "removed when the task ended");
            pinnedBy.put("shard " + shard, jvmArgs.stream().filter(a -> a.startsWith("-Dblockbench.cpus=")).findFirst()
                    .orElse("not pinned"));
        }
        assertNotEquals(pinnedBy.get("shard 0"), pinnedBy.get("shard 1"), "tasks pinned to their own CPUs: " + pinnedBy);
        assertFalse(pinnedBy.containsValue("not pinned"), pinnedBy.toString());

        String mergeLog = read(checkout.resolve("slurm-" + merge.id() + ".out"));
        assertEquals("COMPLETED", merge.state(), mergeLog);
        assertTrue(mergeLog.contains("merged 4 results from 1 input(s)"), mergeLog);
        assertEquals(unshardedPlanKeys(), keysOf(run.resolve("results.json")), "exactly the unsharded sweep's configs, each once");

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(ExitCodes.OK, CliRunner.execute(out, err, "leaderboard", "--model-dir", models.toString(), "--jmh-results",
                results.toString(), "-o", checkout.resolve("analysis").toString()), err.toString());
        assertFalse(out.toString().contains("PARTIAL"), out.toString());
        JsonNode board = JsonFiles.mapper().readTree(checkout.resolve("analysis/leaderboard.json").toFile());
        assertEquals(List.of("MobileOneBlock/early", "MobileOneBlock/late", "ResNetBasicBlock/early", "ResNetBasicBlock/late"),
                modelsWithLatency(board), board.toPrettyString());

        // the same merge job over the run without shard 1: exit 1, naming the shard; --allow-partial merges and the board says so
        Path partial = results.resolve("partial");
        copyWithout(run, partial, "results-shard-1-of-2");
        Shell.Result submitted = cluster.bash(checkout, Map.of("RUN", "partial"), Duration.ofSeconds(60),
                documentedCommands().get(2).replace("$jobid", array).replaceFirst("sbatch ", "sbatch --parsable "));
        String partialMerge = submitted.output().strip();
        SlurmCluster.Job failed = cluster.awaitFinal(partialMerge, Duration.ofSeconds(120)).values().iterator().next();
        String failedLog = read(checkout.resolve("slurm-" + partialMerge + ".out"));
        assertEquals("FAILED", failed.state(), failedLog);
        assertEquals(1, failed.exitCode(), failedLog);
        assertTrue(failedLog.contains("shard(s) 1/2 of 2 are missing"), failedLog);
        assertFalse(Files.exists(partial.resolve("results.json")), "nothing merged");

        assertEquals(ExitCodes.OK, CliRunner.execute(out, err, "merge", "--allow-partial", partial.toString()), err.toString());
        assertEquals(List.of("1/2"), ResultsMetadata.read(partial.resolve("results.meta.json")).missingShards());
        StringWriter boardOut = new StringWriter();
        assertEquals(ExitCodes.OK, CliRunner.execute(boardOut, err, "leaderboard", "--model-dir", models.toString(), "--jmh-results",
                partial.toString(), "-o", checkout.resolve("analysis-partial").toString()), err.toString());
        assertTrue(boardOut.toString().contains("note: PARTIAL sweep: " + partial + " lacks shard(s) 1/2"), boardOut.toString());
        assertTrue(read(checkout.resolve("analysis-partial/leaderboard.md")).contains("PARTIAL sweep"));
    }

    @Test
    void requeuedTaskResumesLosingAtMostTheConfigInProgress() throws Exception {
        Path checkout = Checkout.create(dir.resolve("requeue"));
        Map<String, String> ids = submit(checkout, false, sweepEnvironment());
        String array = ids.get("array");
        Path run = checkout.resolve("jmh-results").resolve(ids.get("run"));
        List<String> plan = unshardedPlanKeys();
        List<String> shard1 = List.of(plan.get(1), plan.get(3));
        // requeue task 1 once its first config is written and while its second is measured
        long deadline = System.nanoTime() + SWEEP_LIMIT.toNanos();
        List<String> doneAtKill;
        while ((doneAtKill = finished(run, shard1)).isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "task 1 finished no config within " + SWEEP_LIMIT.toSeconds() + " s");
            Thread.sleep(100);
        }
        cluster.requeueAndRelease(array + "_1");
        Map<String, SlurmCluster.Job> tasks = cluster.awaitFinal(array, SWEEP_LIMIT);
        String log1 = read(checkout.resolve("jmh-results/slurm-" + array + "_1.out"));
        System.out.println("requeue of " + array + "_1 with " + doneAtKill + " finished: " + tasks.values() + "\n" + log1);

        SlurmCluster.Job t1 = tasks.get(array + "_1");
        String ctld = cluster.log("slurmctld.log");
        assertEquals("COMPLETED", t1.state(), () -> tasks + "\n" + log1 + "\nslurmctld.log:\n"
                + ctld.substring(Math.max(0, ctld.length() - 4000)));
        assertEquals(1, t1.restarts(), tasks.toString());
        ResultsMetadata.Sweep sweep = ResultsMetadata.read(run.resolve("results-shard-1-of-2.meta.json")).sweep();
        long earlier = sweep.finishedEarlier();
        long now = sweep.measuredNow();
        assertEquals(2, earlier + now, sweep.toString());
        assertTrue(earlier >= doneAtKill.size(), "every config finished before the requeue was kept: " + sweep);
        assertTrue(now <= 2 - doneAtKill.size(), "only configs unfinished at the requeue were measured again: " + sweep);
        assertEquals(2, Pattern.compile("bench: 2 configs \\(shard 1/2\\)").matcher(log1).results().count(),
                "both attempts in the task's log: " + log1);
        for (String key : doneAtKill) {
            assertTrue(log1.contains("done already " + key), log1);
        }
        assertEquals(shard1, keysOf(run.resolve("results-shard-1-of-2.json")));
    }

    /** The configs the unsharded sweep of the same selection plans, in plan order (through bench's own options). */
    private static List<String> unshardedPlanKeys() {
        BenchCommand bench = new BenchCommand();
        new CommandLine(bench).parseArgs(("--models " + models + " " + ARGS).split(" "));
        return bench.selection.toSelection().plan(ModelCatalog.open(bench.selection.models())).stream()
                .map(p -> p.config().key()).toList();
    }

    private static List<String> keysOf(Path jmhJson) {
        return JmhReader.read(jmhJson).records().stream().map(r -> BenchConfig.fromJmhParams(r.params()).key()).toList();
    }

    private static List<String> finished(Path run, List<String> keys) {
        return keys.stream().filter(k -> Files.isRegularFile(run.resolve("configs").resolve(k + ".json"))).toList();
    }

    /** The board's models that have a measured mean latency, sorted. */
    private static List<String> modelsWithLatency(JsonNode board) {
        List<String> models = new ArrayList<>();
        for (JsonNode dataset : board.path("boards")) {
            for (JsonNode row : dataset.path("rows")) {
                if (row.path("latency").path("mean_ms").isNumber()) {
                    models.add(row.path("model").asText());
                }
            }
        }
        return models.stream().sorted().toList();
    }

    /** {@code 7_1} → the task's own SLURM_JOB_ID, which scontrol reports as JobId. */
    private static String slurmJobId(String arrayTask) throws IOException, InterruptedException {
        Shell.Result r = cluster.bash(cluster.dir(), Map.of(), Duration.ofSeconds(30), "scontrol -o show job " + arrayTask);
        Matcher m = Pattern.compile("^JobId=(\\d+)").matcher(r.output());
        assertTrue(m.find(), r.output());
        return m.group(1);
    }

    private static void copyWithout(Path from, Path to, String prefix) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (!f.getFileName().toString().startsWith(prefix) && !f.getFileName().toString().startsWith("results.")) {
                    Files.copy(f, target);
                }
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no " + file + ": " + e.getMessage() + ")";
        }
    }
}
