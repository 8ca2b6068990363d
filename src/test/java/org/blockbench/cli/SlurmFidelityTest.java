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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.blockbench.cluster.Checkout;
import org.blockbench.cluster.Shell;
import org.blockbench.cluster.SlurmCluster;
import org.blockbench.io.JsonFiles;
import org.blockbench.onnx.OnnxModelFile;
import org.blockbench.train.FidelityResult;
import org.blockbench.train.TrainingProtocol;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fidelity reference of docs/cluster.md §Fidelity on Slurm on a real one-node Slurm cluster:
 * the {@code slurm-fidelity.sh} the docs print (read from docs/cluster.md at test time) and the
 * submission commands after it, over the 3 GWO networks (a ranking needs 3 models) × 2 seeds on a 32nd
 * of each protocol's images, the array as 2 tasks of one CPU sharing the node. The {@code rho} job trains
 * nothing (every run.json is byte for byte and timestamp for timestamp the one the array wrote),
 * its fidelity.json is computed from exactly those runs' accuracies, and it equals an unsharded
 * {@code fidelity} of the same subset in this JVM, whose runs are bit-identical to the array's.
 */
class SlurmFidelityTest {

    /** The 3 GWO networks (a ranking needs 3 models; these train fastest), on a 32nd of each protocol's images. */
    private static final String MODELS = "StandardConv/gwo-net,DeformableConv/gwo-net,DepthwiseConv/gwo-net";
    private static final String FRACTION = "0.03125";

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

    @Test
    void documentedFidelityArrayGivesTheUnshardedRho() throws Exception {
        Path checkout = Checkout.create(dir.resolve("checkout"));
        List<String> doc = Files.readAllLines(Path.of("docs/cluster.md"));
        Files.write(checkout.resolve("slurm-fidelity.sh"),
                SlurmTrainingSweepTest.fencedBlock(doc, "## Fidelity on Slurm", "```bash"));
        List<String> submit = SlurmTrainingSweepTest.fencedBlock(doc,
                "Submit it (16 tasks: one (model, seed) of the defaults each):", "```sh");
        assertEquals(3, submit.size(), "docs/cluster.md's fidelity submission: " + submit);
        assertTrue(submit.get(0).startsWith("prep=$(sbatch ") && submit.get(0).endsWith(" slurm-fidelity.sh prepare)"),
                submit.get(0));
        assertTrue(submit.get(1).startsWith("runs=$(sbatch ") && submit.get(1).contains("--array=0-15 ")
                && submit.get(1).contains("$prep") && submit.get(1).endsWith(" slurm-fidelity.sh runs)"), submit.get(1));
        assertTrue(submit.get(2).startsWith("sbatch ") && submit.get(2).contains("$runs")
                && submit.get(2).endsWith(" slurm-fidelity.sh rho"), submit.get(2));
        Map<String, String> env = Map.of("MODELS", MODELS, "SEEDS", "0,1", "EXPORT_ARGS", "--gwo-network",
                "BLOCKBENCH_ARGS", "--image-fraction " + FRACTION);

        // prepare and the array (2 shards of one CPU each, side by side on the 2-CPU node) ...
        Map<String, String> ids = submit(checkout, env, "set -euo pipefail\n" + submit.get(0) + "\n"
                + submit.get(1).replace("--array=0-15 ", "--array=0-1 --cpus-per-task=1 ") + "\n"
                + "echo \"prep=$prep\"; echo \"runs=$runs\"\n");
        SlurmCluster.Job prep = SlurmTrainingSweepTest.only(cluster.awaitFinal(ids.get("prep"), Duration.ofSeconds(120)));
        assertEquals("COMPLETED", prep.state(), SlurmTrainingSweepTest.log(checkout, logName(prep.id(), "4294967294")));
        String array = ids.get("runs");
        Map<String, SlurmCluster.Job> tasks = cluster.awaitFinal(array, Duration.ofSeconds(240));
        String log0 = SlurmTrainingSweepTest.log(checkout, logName(array, "0"));
        String log1 = SlurmTrainingSweepTest.log(checkout, logName(array, "1"));
        System.out.println("fidelity array " + array + " " + tasks.values() + "\ntask 0:\n" + log0 + "\ntask 1:\n" + log1);
        assertEquals(List.of("COMPLETED", "COMPLETED"), tasks.values().stream().map(SlurmCluster.Job::state).toList(),
                tasks + "\n" + log0 + "\n" + log1);
        // models x seeds: shard 0 takes every model's seed 0, shard 1 every seed 1, each under both protocols
        assertTrue(log0.contains("shard 0/2: 3 of 6 runs, each under the quick and the long protocol"), log0);
        assertTrue(log1.contains("shard 1/2: 3 of 6 runs, each under the quick and the long protocol"), log1);
        assertEquals(6, count(log0, "seed 0: val acc .* \\(trained"), log0);
        assertEquals(6, count(log1, "seed 1: val acc .* \\(trained"), log1);
        Path out = checkout.resolve("sweeps/fidelity/analysis/fidelity");
        assertFalse(Files.exists(out.resolve(FidelityResult.FILE_NAME)), "a shard computes no rho");
        Map<String, String> written = fingerprints(out);
        assertEquals(12, written.size(), written.toString());

        // ... then the rho job, after the array, as the docs submit it
        ids = submit(checkout, env, "set -euo pipefail\nruns=" + array + "\n"
                + "rho=$(" + submit.get(2).replaceFirst("sbatch ", "sbatch --parsable ") + ")\necho \"rho=$rho\"\n");
        SlurmCluster.Job rho = SlurmTrainingSweepTest.only(cluster.awaitFinal(ids.get("rho"), Duration.ofSeconds(120)));
        String rhoLog = SlurmTrainingSweepTest.log(checkout, logName(rho.id(), "4294967294"));
        System.out.println("fidelity rho job " + rho + ":\n" + rhoLog);
        assertEquals("COMPLETED", rho.state(), rhoLog);
        assertEquals(12, count(rhoLog, "seed \\d: val acc .* \\(kept"), rhoLog);
        assertEquals(0, count(rhoLog, "\\(trained"), rhoLog);
        assertEquals(written, fingerprints(out), "the rho job trained nothing: every run.json is the array's, unchanged");
        FidelityResult sharded = FidelityResult.read(out.resolve(FidelityResult.FILE_NAME)).orElseThrow();
        // rho and the spreads are those of the array's runs, every one of them (at this budget a tie, even a NaN rho, is possible)
        double fraction = Double.parseDouble(FRACTION);
        assertEquals(withoutTime(FidelityResult.of(TrainingProtocol.QUICK.withImageFraction(fraction),
                TrainingProtocol.LONG.withImageFraction(fraction), sharded.dataset(), List.of(0L, 1L),
                accuracies(out.resolve("quick")), accuracies(out.resolve("long")))), withoutTime(sharded));
        assertEquals(List.of(MODELS.split(",")), sharded.models().stream().map(FidelityResult.ModelAccuracy::id).toList());

        // the same subset unsharded, in this JVM: the same runs, bit for bit, and the same rho
        Path whole = dir.resolve("unsharded");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        assertEquals(ExitCodes.OK, CliRunner.execute(stdout, stderr, "fidelity", "--manifest",
                checkout.resolve("sweeps/fidelity/onnx-models/manifest.json").toString(), "--models", MODELS, "--seeds", "0,1",
                "--image-fraction", FRACTION, "--shard", "0/1", "-q", "-o", whole.toString()), stderr.toString());
        FidelityResult unsharded = FidelityResult.read(whole.resolve(FidelityResult.FILE_NAME)).orElseThrow();
        assertEquals(TrainShardTest.runs(whole), TrainShardTest.runs(out), "bit-identical runs, sharded on Slurm or not");
        assertEquals(withoutTime(unsharded), withoutTime(sharded));
        System.out.println("fidelity on Slurm = unsharded: rho " + sharded.spearmanRho() + ", " + sharded.models());
    }

    private static String logName(String job, String task) {
        return "slurm-blockbench-fidelity-" + job + "_" + task + ".out";
    }

    /** Runs {@code script} against the cluster in {@code checkout}; returns the {@code name=id} lines it printed. */
    private static Map<String, String> submit(Path checkout, Map<String, String> env, String script) throws Exception {
        Shell.Result submitted = cluster.bash(checkout, env, Duration.ofSeconds(60), script);
        assertEquals(0, submitted.exit(), submitted.output());
        Map<String, String> ids = new HashMap<>();
        Matcher m = Pattern.compile("(?m)^(prep|runs|rho)=(\\S+)$").matcher(submitted.output());
        while (m.find()) {
            ids.put(m.group(1), m.group(2));
        }
        return ids;
    }

    private static long count(String log, String regex) {
        return log.lines().filter(Pattern.compile(regex).asPredicate()).count();
    }

    /** Every run.json under {@code root}: its path → its SHA-256 and modification time. */
    private static Map<String, String> fingerprints(Path root) throws IOException {
        Map<String, String> runs = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.getFileName().toString().equals("run.json")).toList()) {
                runs.put(root.relativize(f).toString(), OnnxModelFile.sha256(Files.readAllBytes(f)) + " "
                        + Files.getLastModifiedTime(f));
            }
        }
        return runs;
    }

    /** Per model id, in MODELS order, the final validation accuracies of seeds 0 and 1 as their run.json files under {@code root} record them. */
    private static Map<String, List<Double>> accuracies(Path root) throws IOException {
        Map<String, List<Double>> byModel = new LinkedHashMap<>();
        for (String model : MODELS.split(",")) {
            List<Double> seeds = new ArrayList<>();
            for (long seed : List.of(0L, 1L)) {
                try (Stream<Path> files = Files.walk(root.resolve(model))) {
                    List<Path> run = files.filter(p -> p.endsWith(Path.of("seed-" + seed, "run.json"))).toList();
                    assertEquals(1, run.size(), model + " seed " + seed + ": " + run);
                    JsonNode r = JsonFiles.mapper().readTree(run.get(0).toFile());
                    assertEquals(model, r.get("model").get("id").asText());
                    seeds.add(r.get("final_val_accuracy").asDouble());
                }
            }
            byModel.put(model, seeds);
        }
        return byModel;
    }

    private static FidelityResult withoutTime(FidelityResult r) {
        return new FidelityResult(r.format(), r.quick(), r.longer(), r.dataset(), r.seeds(), r.models(), r.spearmanRho(),
                r.quickSpread(), r.longSpread(), null);
    }
}
