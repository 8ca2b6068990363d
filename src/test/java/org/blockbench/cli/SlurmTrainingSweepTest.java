package org.blockbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.blockbench.cluster.Checkout;
import org.blockbench.cluster.Shell;
import org.blockbench.cluster.SlurmCluster;
import org.blockbench.io.JsonFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training sweep of docs/cluster.md §Slurm on a real one-node Slurm cluster: the
 * {@code slurm-train.sh} the docs print (read from docs/cluster.md at test time, saved where the
 * docs say) and the submission commands printed after it, with {@code SWEEP=smoke} (GWO networks,
 * synthetic data), 2 models × 2 seeds, one epoch on 128 images, as a 2-task array sharing the
 * node. The prepare job, both train tasks and the dependent leaderboard job finish, and the
 * sharded runs are bit-identical to the same runs trained unsharded in this JVM (same seeds,
 * one training thread). A task requeued mid-run resumes from its last epoch checkpoint.
 */
class SlurmTrainingSweepTest {

    private static final String MODELS = "StandardConv/gwo-net,DepthwiseConv/gwo-net";
    private static final String BUDGET = "--models " + MODELS + " --epochs 1 --train-size 128 --val-size 64";

    @TempDir
    static Path dir;

    private static SlurmCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = SlurmCluster.start(dir.resolve("slurm"));
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** The fenced block of docs/cluster.md that follows {@code heading}'s first {@code fence} line. */
    static List<String> fencedBlock(List<String> doc, String heading, String fence) {
        int at = doc.indexOf(heading);
        assertTrue(at >= 0, "docs/cluster.md has no '" + heading + "'");
        int open = at;
        while (!doc.get(open).equals(fence)) {
            open++;
        }
        int close = open + 1;
        while (!doc.get(close).equals("```")) {
            close++;
        }
        return doc.subList(open + 1, close);
    }

    /**
     * Saves the documented slurm-train.sh in {@code checkout} and runs the documented submission
     * (prepare, the array as 2 tasks of one CPU, and, when {@code withBoard}, the leaderboard)
     * with {@code SWEEP=smoke}; returns the job ids it printed: prep, train, board.
     */
    private static Map<String, String> submit(Path checkout, Map<String, String> env, boolean withBoard) throws Exception {
        List<String> doc = Files.readAllLines(Path.of("docs/cluster.md"));
        Files.write(checkout.resolve("slurm-train.sh"), fencedBlock(doc, "## Slurm (job array)", "```bash"));
        List<String> submit = fencedBlock(doc, "Submit a sweep (the array size is the shard count: 42 for BlockZoo, 5 for GWO):",
                "```sh").subList(0, 4);
        assertEquals("export SWEEP=blockzoo", submit.get(0), "docs/cluster.md's submission: " + submit);
        assertTrue(submit.get(1).startsWith("prep=$(sbatch ") && submit.get(1).endsWith(" slurm-train.sh prepare)"), submit.get(1));
        assertTrue(submit.get(2).startsWith("train=$(sbatch ") && submit.get(2).contains("--array=0-41 ")
                && submit.get(2).contains("$prep"), submit.get(2));
        assertTrue(submit.get(3).startsWith("sbatch ") && submit.get(3).contains("$train")
                && submit.get(3).endsWith(" slurm-train.sh leaderboard"), submit.get(3));
        String script = "set -euo pipefail\n"
                + "export SWEEP=smoke\n"
                + submit.get(1) + "\n"
                // 2 shards of one CPU each, so both tasks share the 2-CPU node at once
                + submit.get(2).replace("--array=0-41 ", "--array=0-1 --cpus-per-task=1 ") + "\n"
                + (withBoard ? "board=$(" + submit.get(3).replaceFirst("sbatch ", "sbatch --parsable ") + ")\n" : "board=none\n")
                + "echo \"prep=$prep\"; echo \"train=$train\"; echo \"board=$board\"\n";
        Shell.Result submitted = cluster.bash(checkout, env, Duration.ofSeconds(60), script);
        assertEquals(0, submitted.exit(), submitted.output());
        Map<String, String> ids = new HashMap<>();
        Matcher m = Pattern.compile("(?m)^(prep|train|board)=(\\S+)$").matcher(submitted.output());
        while (m.find()) {
            ids.put(m.group(1), m.group(2));
        }
        return ids;
    }

    @Test
    void documentedTrainingArrayMatchesTheUnshardedRuns() throws Exception {
        Path checkout = Checkout.create(dir.resolve("checkout"));
        Map<String, String> ids = submit(checkout, Map.of("SEEDS", "0,1", "BLOCKBENCH_ARGS", BUDGET), true);

        SlurmCluster.Job prep = only(cluster.awaitFinal(ids.get("prep"), Duration.ofSeconds(180)));
        assertEquals("COMPLETED", prep.state(), log(checkout, "slurm-blockbench-train-" + prep.id() + "_4294967294.out"));
        Map<String, SlurmCluster.Job> tasks = cluster.awaitFinal(ids.get("train"), Duration.ofSeconds(300));
        SlurmCluster.Job board = only(cluster.awaitFinal(ids.get("board"), Duration.ofSeconds(120)));
        String array = ids.get("train");
        String log0 = log(checkout, "slurm-blockbench-train-" + array + "_0.out");
        String log1 = log(checkout, "slurm-blockbench-train-" + array + "_1.out");
        System.out.println("training array " + array + " " + tasks.values() + "\ntask 0:\n" + log0 + "\ntask 1:\n" + log1);
        assertEquals(List.of("COMPLETED", "COMPLETED"), tasks.values().stream().map(SlurmCluster.Job::state).toList(),
                tasks + "\n" + log0 + "\n" + log1);
        assertTrue(log0.contains("shard 0/2: 2 of 4 runs") && log1.contains("shard 1/2: 2 of 4 runs"), log0 + log1);
        SlurmCluster.Job t0 = tasks.get(array + "_0");
        SlurmCluster.Job t1 = tasks.get(array + "_1");
        assertTrue(t0.start().isBefore(t1.end()) && t1.start().isBefore(t0.end()), "side by side: " + tasks.values());
        assertEquals("COMPLETED", board.state(), log(checkout, "slurm-blockbench-train-" + board.id() + "_4294967294.out"));

        Path root = checkout.resolve("sweeps/smoke");
        assertTrue(Files.readString(root.resolve("analysis/results.csv")).lines().count() >= 5, "a row per run");
        // the same runs, unsharded, in this JVM
        List<String> whole = new ArrayList<>(List.of("train", "--recipe", "gwo", "--manifest",
                root.resolve("onnx-models/manifest.json").toString(), "--dataset", "synthetic", "--seeds", "0,1", "-q",
                "--shard", "0/1", "-o", dir.resolve("unsharded").toString()));
        whole.addAll(List.of(BUDGET.split(" ")));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(ExitCodes.OK, CliRunner.execute(out, err, whole.toArray(String[]::new)), err.toString());
        Map<String, String> unsharded = TrainShardTest.runs(dir.resolve("unsharded"));
        assertEquals(4, unsharded.size(), unsharded.toString());
        assertEquals(unsharded, TrainShardTest.runs(root.resolve("training")), "bit-identical runs, sharded on Slurm or not");
        System.out.println("unsharded = sharded: " + unsharded);
    }

    @Test
    void requeuedTrainingTaskResumesFromItsLastEpochCheckpoint() throws Exception {
        Path checkout = Checkout.create(dir.resolve("requeue"));
        // one model, 3 epochs of 512 images: shard 0 trains seed 0, shard 1 seed 1
        Map<String, String> ids = submit(checkout, Map.of("SEEDS", "0,1", "BLOCKBENCH_ARGS",
                "--models StandardConv/gwo-net --epochs 3 --train-size 512 --val-size 64"), false);
        String array = ids.get("train");
        Path run = checkout.resolve("sweeps/smoke/training/StandardConv/gwo-net/gwo-synthetic/seed-1");
        Path state = run.resolve("checkpoint/checkpoint.json");
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (!Files.exists(state)) {
            assertTrue(System.nanoTime() < deadline, "task 1 wrote no epoch checkpoint within 240 s: " + cluster.jobs(array));
            Thread.sleep(50);
        }
        // the checkpoint read before the requeue: the kill can only come later, so the resume must start at or after it
        int checkpointed = JsonFiles.mapper().readTree(state.toFile()).get("epochs_completed").asInt();
        boolean finishedFirst = Files.exists(run.resolve("run.json"));
        cluster.requeueAndRelease(array + "_1");
        Map<String, SlurmCluster.Job> tasks = cluster.awaitFinal(array, Duration.ofSeconds(240));
        String log1 = log(checkout, "slurm-blockbench-train-" + array + "_1.out");
        JsonNode record = JsonFiles.mapper().readTree(run.resolve("run.json").toFile());
        System.out.println("training requeue of " + array + "_1 after " + checkpointed + " checkpointed epoch(s): " + tasks.values()
                + ", resumed at epoch " + record.path("provenance").path("resumed_at_epoch") + "\n" + log1);

        assertFalse(finishedFirst, "the run was still training at the requeue");
        assertEquals(List.of("COMPLETED", "COMPLETED"), tasks.values().stream().map(SlurmCluster.Job::state).toList(), log1);
        assertEquals(1, tasks.get(array + "_1").restarts());
        assertEquals(3, record.get("epochs").size());
        int resumedAt = record.path("provenance").path("resumed_at_epoch").asInt(-1);
        assertTrue(resumedAt >= checkpointed && resumedAt >= 1 && resumedAt < 3,
                "resumed from the last checkpoint (" + checkpointed + " epoch(s) when requeued), losing at most the epoch in"
                        + " progress: resumed at " + resumedAt);
    }

    static SlurmCluster.Job only(Map<String, SlurmCluster.Job> jobs) {
        assertEquals(1, jobs.size(), jobs.toString());
        return jobs.values().iterator().next();
    }

    static String log(Path checkout, String name) {
        try {
            return Files.readString(checkout.resolve(name));
        } catch (IOException e) {
            try (var files = Files.list(checkout)) {
                return "(no " + name + "; the checkout holds " + files.map(p -> p.getFileName().toString()).toList() + ")";
            } catch (IOException again) {
                return "(no " + name + ")";
            }
        }
    }
}
