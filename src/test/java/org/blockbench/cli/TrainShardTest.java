package org.blockbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.blockbench.export.Exporter;
import org.blockbench.train.interp.TorchRuntime;
import org.blockbench.zoo.ModelId;
import org.blockbench.zoo.ScaffoldConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --shard} across processes: two shards started as two child JVMs (the real CLI),
 * one told its shard by Slurm array variables and one by Kubernetes Indexed Job variables,
 * writing into one shared output directory, give exactly the run records of one unsharded run
 * (same models, seeds, accuracies and trained-model bytes: training on 1 CPU thread is
 * deterministic). A shard killed with SIGKILL after its first epoch checkpoint resumes from it
 * with {@code --resume}. Also {@code --device}: cpu is the default's result, cuda on this CPU
 * build is refused in one line before anything is written.
 */
class TrainShardTest {

    /** Variables of batch schedulers that must not leak from the machine running the tests into the children. */
    private static final List<String> SCHEDULER_VARIABLES = List.of("SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_COUNT",
            "SLURM_ARRAY_TASK_MIN", "SLURM_ARRAY_TASK_STEP", "JOB_COMPLETION_INDEX", "BLOCKBENCH_SHARD_COUNT");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void slurmShardAndIndexedJobShardTogetherGiveTheUnshardedRuns() throws Exception {
        Path manifest = exportGwoNetworks();
        List<String> common = List.of("train", "-q", "--manifest", manifest.toString(), "--models",
                "StandardConv/gwo-net,DepthwiseConv/gwo-net", "--seeds", "0,1", "--recipe", "gwo", "--epochs", "1",
                "--train-size", "128", "--val-size", "64");
        Path shared = dir.resolve("sharded");
        List<String> args = new ArrayList<>(common);
        args.addAll(List.of("-o", shared.toString()));
        // a Slurm array 4-5: task 4 is shard 0 of 2; an Indexed Job of 2 completions: index 1 is shard 1 of 2
        Process slurm = child(args, Map.of("SLURM_ARRAY_TASK_ID", "4", "SLURM_ARRAY_TASK_MIN", "4",
                "SLURM_ARRAY_TASK_COUNT", "2"), dir.resolve("slurm.log"));
        Process indexed = child(args, Map.of("JOB_COMPLETION_INDEX", "1", "BLOCKBENCH_SHARD_COUNT", "2"),
                dir.resolve("indexed.log"));

        List<String> whole = new ArrayList<>(common);
        whole.addAll(List.of("--shard", "0/1", "-o", dir.resolve("unsharded").toString()));
        assertEquals(ExitCodes.OK, CliRunner.execute(out, err, whole.toArray(String[]::new)), err.toString());

        assertEquals(0, finish(slurm, dir.resolve("slurm.log")), Files.readString(dir.resolve("slurm.log")));
        assertEquals(0, finish(indexed, dir.resolve("indexed.log")), Files.readString(dir.resolve("indexed.log")));
        // the plan is models x seeds: (StandardConv, 0), (StandardConv, 1), (DepthwiseConv, 0), (DepthwiseConv, 1);
        // shard 0 takes positions 0 and 2, shard 1 positions 1 and 3
        String slurmLog = Files.readString(dir.resolve("slurm.log"));
        assertTrue(slurmLog.contains("shard 0/2: 2 of 4 runs"), slurmLog);
        assertTrue(slurmLog.contains("StandardConv/gwo-net gwo-synthetic seed 0:")
                && slurmLog.contains("DepthwiseConv/gwo-net gwo-synthetic seed 0:") && !slurmLog.contains("seed 1:"), slurmLog);
        String indexedLog = Files.readString(dir.resolve("indexed.log"));
        assertTrue(indexedLog.contains("shard 1/2: 2 of 4 runs"), indexedLog);
        assertTrue(indexedLog.contains("StandardConv/gwo-net gwo-synthetic seed 1:")
                && indexedLog.contains("DepthwiseConv/gwo-net gwo-synthetic seed 1:") && !indexedLog.contains("seed 0:"),
                indexedLog);

        Map<String, String> sharded = runs(shared);
        Map<String, String> unsharded = runs(dir.resolve("unsharded"));
        assertEquals(List.of("DepthwiseConv/gwo-net/gwo-synthetic/seed-0", "DepthwiseConv/gwo-net/gwo-synthetic/seed-1",
                "StandardConv/gwo-net/gwo-synthetic/seed-0", "StandardConv/gwo-net/gwo-synthetic/seed-1"),
                List.copyOf(unsharded.keySet()));
        assertEquals(unsharded, sharded, "same runs, same accuracies, same trained models");
    }

    @Test
    void killedShardResumesFromItsLastEpochCheckpoint() throws Exception {
        Path manifest = exportGwoNetworks();
        Path outDir = dir.resolve("out");
        List<String> args = List.of("train", "-q", "--manifest", manifest.toString(), "--models", "StandardConv/gwo-net",
                "--seeds", "0,1", "--recipe", "gwo", "--epochs", "3", "--train-size", "512", "--val-size", "64",
                "-o", outDir.toString());
        Path run = outDir.resolve("StandardConv/gwo-net/gwo-synthetic/seed-1");
        Path state = run.resolve("checkpoint/checkpoint.json");
        Process shard = child(args, Map.of("JOB_COMPLETION_INDEX", "1", "BLOCKBENCH_SHARD_COUNT", "2"), dir.resolve("kill.log"));
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.exists(state)) {
                assertTrue(shard.isAlive(), () -> "the shard ended before its first checkpoint: " + read(dir.resolve("kill.log")));
                assertTrue(System.nanoTime() < deadline, "no epoch checkpoint within 120 s");
                Thread.sleep(5);
            }
            shard.destroyForcibly(); // SIGKILL on Linux
            assertTrue(shard.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, shard.exitValue(), "killed by SIGKILL");
        } finally {
            shard.destroyForcibly();
        }
        assertFalse(Files.exists(run.resolve("run.json")), "killed before the run finished");
        int checkpointed = new ObjectMapper().readTree(state.toFile()).get("epochs_completed").asInt();
        assertTrue(checkpointed >= 1 && checkpointed < 3, "epochs checkpointed at the kill: " + checkpointed);

        // the same shard again (as a requeued task is), with --resume
        List<String> again = new ArrayList<>(args);
        again.addAll(List.of("--shard", "1/2", "--resume"));
        assertEquals(ExitCodes.OK, CliRunner.execute(out, err, again.toArray(String[]::new)), err.toString());
        JsonNode r = new ObjectMapper().readTree(run.resolve("run.json").toFile());
        assertEquals(3, r.get("epochs").size());
        assertEquals(checkpointed, r.get("provenance").get("resumed_at_epoch").asInt(),
                "resumed from the last checkpoint: only the epoch in progress at the kill was lost");
        assertFalse(Files.exists(outDir.resolve("StandardConv/gwo-net/gwo-synthetic/seed-0")), "seed 0 is shard 0's");

        // and it ends where an uninterrupted run ends
        List<String> uninterrupted = new ArrayList<>(args.subList(0, args.size() - 1));
        uninterrupted.addAll(List.of(dir.resolve("straight").toString(), "--shard", "1/2"));
        assertEquals(ExitCodes.OK, CliRunner.execute(out, err, uninterrupted.toArray(String[]::new)), err.toString());
        assertEquals(runs(dir.resolve("straight")), runs(outDir));
    }

    @Test
    void cudaOnTheCpuBuildIsRefusedInOneLineBeforeAnyWork() {
        Path outDir = dir.resolve("out");
        int code = CliRunner.execute(out, err, "train", "-q", "--manifest", dir.resolve("missing/manifest.json").toString(),
                "--models", "StandardConv/gwo-net", "--device", "cuda", "-o", outDir.toString());
        assertEquals(ExitCodes.BAD_INPUT, code);
        String message = err.toString().strip();
        assertEquals(1, message.lines().count(), message);
        TorchRuntime.initialize();
        assertTrue(message.contains("--device cuda needs LibTorch's CUDA build, but this build has only the CPU one (no"
                + " org/bytedeco/pytorch/" + org.bytedeco.javacpp.Loader.getPlatform() + "-gpu/libtorch_cuda.so on the class"
                + " path)") && message.contains("mvn -Pcuda package"), message);
        // checked before the manifest is read (it does not exist) and before anything is written
        assertFalse(message.contains("manifest"), message);
        assertFalse(Files.exists(outDir));
    }

    @Test
    void unknownDeviceListsTheValidOnes() {
        assertEquals(ExitCodes.BAD_INPUT, CliRunner.execute(out, err, "train", "-q", "--models", "StandardConv/gwo-net",
                "--device", "tpu"));
        assertEquals("blockbench: unknown device 'tpu', expected one of [cpu, cuda]", err.toString().strip());
    }

    @Test
    void deviceCpuGivesTheDefaultsResult() throws Exception {
        Path manifest = exportGwoNetworks();
        List<String> common = List.of("train", "-q", "--manifest", manifest.toString(), "--models", "DepthwiseConv/gwo-net",
                "--recipe", "gwo", "--epochs", "1", "--train-size", "128", "--val-size", "64", "--shard", "0/1");
        List<String> plain = new ArrayList<>(common);
        plain.addAll(List.of("-o", dir.resolve("default").toString()));
        List<String> cpu = new ArrayList<>(common);
        cpu.addAll(List.of("--device", "cpu", "-o", dir.resolve("cpu").toString()));
        assertEquals(ExitCodes.OK, CliRunner.execute(out, err, plain.toArray(String[]::new)), err.toString());
        assertEquals(ExitCodes.OK, CliRunner.execute(out, err, cpu.toArray(String[]::new)), err.toString());
        assertEquals(runs(dir.resolve("default")), runs(dir.resolve("cpu")));
        JsonNode r = new ObjectMapper().readTree(dir.resolve("cpu/DepthwiseConv/gwo-net/gwo-synthetic/seed-0/run.json").toFile());
        assertEquals("cpu", r.get("provenance").get("device").asText());
    }

    @Test
    void downloadOnlyPreparesTheDatasetOnceAndTrainsNothing() throws Exception {
        Path data = dir.resolve("data");
        Path batches = Files.createDirectories(data.resolve("cifar-10-batches-bin"));
        byte[] record = new byte[3073]; // label 0, black pixels: present data is not fetched again
        for (String f : List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
                "data_batch_5.bin", "test_batch.bin")) {
            Files.write(batches.resolve(f), record);
        }
        assertEquals(ExitCodes.OK, CliRunner.execute(out, err, "train", "--download-only", "--dataset", "cifar10", "--data-dir",
                data.toString(), "-q", "-o", dir.resolve("out").toString()), err.toString());
        assertEquals("cifar10 is ready in " + data, out.toString().strip());
        assertFalse(Files.exists(dir.resolve("out")));
        assertEquals(ExitCodes.BAD_INPUT, CliRunner.execute(out, err, "train", "--download-only"));
        assertTrue(err.toString().contains("--download-only fetches a CIFAR dataset: pass --dataset cifar10 or --dataset"
                + " cifar100"), err.toString());
    }

    private Path exportGwoNetworks() {
        Path models = dir.resolve("onnx-models");
        new Exporter(models, ScaffoldConfig.defaults()).export(List.of(new ModelId("StandardConv", ModelId.GWO_NETWORK),
                new ModelId("DepthwiseConv", ModelId.GWO_NETWORK)), id -> { });
        return models.resolve("manifest.json");
    }

    /** {@code blockbench ARGS} in a child JVM on this test's class path, with exactly these scheduler variables. */
    private static Process child(List<String> args, Map<String, String> env, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        String cache = System.getProperty(TorchRuntime.CACHE_DIR_PROPERTY);
        if (cache != null) {
            command.add("-D" + TorchRuntime.CACHE_DIR_PROPERTY + "=" + cache);
        }
        command.add("org.blockbench.cli.BlockBench");
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        SCHEDULER_VARIABLES.forEach(pb.environment()::remove);
        pb.environment().putAll(env);
        return pb.start();
    }

    private static int finish(Process p, Path log) throws Exception {
        try {
            assertTrue(p.waitFor(180, TimeUnit.SECONDS), () -> "shard did not finish in 180 s: " + read(log));
            return p.exitValue();
        } finally {
            p.destroyForcibly();
        }
    }

    /**
     * Every run.json under {@code root}: its directory relative to root → what must match between
     * sharded and unsharded training (model, seed, per-epoch and final accuracies, the trained
     * models' SHA-256).
     */
    static Map<String, String> runs(Path root) throws IOException {
        Map<String, String> runs = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.getFileName().toString().equals("run.json")).toList()) {
                JsonNode r = new ObjectMapper().readTree(f.toFile());
                List<String> epochs = new ArrayList<>();
                r.get("epochs").forEach(e -> epochs.add(e.get("val_accuracy").asText() + "/" + e.get("train_loss").asText()));
                runs.put(root.relativize(f.getParent()).toString(), r.get("model").get("id").asText() + " seed "
                        + r.get("seed").asLong() + " final " + r.get("final_val_accuracy").asText() + " epochs " + epochs
                        + " train " + r.get("artefacts").get("train_onnx").get("sha256").asText() + " deploy "
                        + r.get("artefacts").get("deploy_onnx").get("sha256").asText());
            }
        }
        return runs;
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
