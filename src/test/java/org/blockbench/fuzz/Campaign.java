package org.blockbench.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs cases [from, to) in child {@link FuzzDriver} JVMs and judges what the drivers could not:
 * a driver that died with a case started and not ended crashed the JVM on that case; a driver
 * silent for longer than the time limit is killed and its case counted as a hang. After a crash
 * or hang a new driver continues with the next case. Each target has its own lane of drivers
 * (LibTorch is loaded only in the train lane; a crash in one target does not restart the
 * others); {@code jobs} lanes run at once.
 */
public final class Campaign {

    /**
     * @param seed     campaign seed: with a case's index it fixes the case
     * @param from     first case index
     * @param to       one past the last case index
     * @param targets  the targets, case {@code i} feeding {@code targets[i % size]}
     * @param jobs     driver JVMs at once
     * @param limitMs  time limit of one case
     * @param work     scratch directory (driver roots, journals, logs)
     * @param failures where failing cases are kept
     */
    public record Config(long seed, int from, int to, List<Target> targets, int jobs, long limitMs, Path work,
                         Path failures) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SILENCE_GRACE_MS = 60_000;

    private Campaign() {
    }

    public static CampaignSummary run(Config config) throws Exception {
        long start = System.nanoTime();
        FuzzFiles.deleteTree(config.work());
        Files.createDirectories(config.work());
        Files.createDirectories(config.failures());
        int lanes = config.targets().size();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, config.jobs()));
        List<Future<List<CaseResult>>> futures = new ArrayList<>();
        for (int lane = 0; lane < lanes; lane++) {
            int phase = lane;
            futures.add(pool.submit(() -> lane(config, phase)));
        }
        List<CaseResult> results = new ArrayList<>();
        try {
            for (Future<List<CaseResult>> f : futures) {
                results.addAll(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        results.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return new CampaignSummary(config.seed(), results.size(), (System.nanoTime() - start) / 1_000_000, results);
    }

    private static List<CaseResult> lane(Config config, int phase) throws Exception {
        int stride = config.targets().size();
        Path laneDir = config.work().resolve("lane-" + config.targets().get(phase).label());
        if (config.from() + Math.floorMod(phase - config.from(), stride) >= config.to()) {
            return List.of(); // no case of this lane's target in [from, to)
        }
        Files.createDirectories(laneDir);
        List<CaseResult> results = new ArrayList<>();
        int next = config.from() + Math.floorMod(phase - config.from(), stride);
        for (int driver = 0; next < config.to(); driver++) {
            Path journal = laneDir.resolve("journal-" + driver + ".jsonl");
            Path log = laneDir.resolve("driver-" + driver + ".log");
            Process p = start(config, phase, next, laneDir, journal, log);
            boolean killed = watch(p, journal, config.limitMs());
            int exit = p.exitValue();
            Map<Integer, JsonNode> starts = new LinkedHashMap<>();
            Map<Integer, JsonNode> ends = new LinkedHashMap<>();
            for (String line : Files.exists(journal) ? Files.readAllLines(journal, StandardCharsets.UTF_8) : List.<String>of()) {
                JsonNode n = JSON.readTree(line);
                (n.path("event").asText().equals("start") ? starts : ends).put(n.path("index").asInt(), n);
            }
            int last = -1;
            for (Map.Entry<Integer, JsonNode> e : starts.entrySet()) {
                last = e.getKey();
                JsonNode s = e.getValue();
                JsonNode end = ends.get(e.getKey());
                Violation died = null;
                if (end == null) {
                    died = killed ? new Violation(Oracle.HANG, "driver silent for " + (config.limitMs() + SILENCE_GRACE_MS)
                            + " ms, killed") : new Violation(Oracle.CRASH, "the JVM died running this case (exit " + exit
                            + ")" + fatalError(laneDir, p.pid()) + "; driver log " + log);
                    keepDead(s, died, config.failures());
                }
                results.add(result(s, end, died, config.failures()));
            }
            if (last < 0) {
                throw new IllegalStateException("fuzz driver started no case (exit " + exit + "); its log " + log + ":\n"
                        + tail(log));
            }
            if (exit == 0 && !killed) {
                break;
            }
            if (exit != FuzzDriver.HALT_AFTER_HANG && !killed && ends.containsKey(last)) {
                throw new IllegalStateException("fuzz driver failed after case " + last + " (exit " + exit + "); its log "
                        + log + ":\n" + tail(log));
            }
            next = last + stride;
        }
        return results;
    }

    private static Process start(Config config, int phase, int from, Path laneDir, Path journal, Path log) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx1g");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-XX:ErrorFile=" + laneDir.resolve("hs_err_pid%p.log"));
        cmd.add("-XX:-CreateCoredumpOnCrash");
        String cache = System.getProperty("org.bytedeco.javacpp.cachedir");
        if (cache != null) {
            cmd.add("-Dorg.bytedeco.javacpp.cachedir=" + cache);
        }
        cmd.add("-cp");
        cmd.add(classpath());
        cmd.add(FuzzDriver.class.getName());
        cmd.addAll(List.of("--seed", Long.toString(config.seed()), "--targets",
                config.targets().stream().map(Target::label).collect(Collectors.joining(",")),
                "--from", Integer.toString(from), "--to", Integer.toString(config.to()),
                "--stride", Integer.toString(config.targets().size()), "--phase", Integer.toString(phase),
                "--root", laneDir.resolve("root").toString(), "--journal", journal.toString(),
                "--failures", config.failures().toString(), "--limit-ms", Long.toString(config.limitMs())));
        // ONNX Runtime resolves the external data of a model loaded from bytes against the working
        // directory: the driver works four levels below the canaries, beside links to them, so that
        // those escapes reach a canary too
        Path cwd = laneDir.resolve("root").resolve(CaseFactory.CWD);
        Files.createDirectories(cwd);
        return new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** The test classpath: surefire's real one when run under surefire (its own is a manifest-only jar). */
    static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        String cp = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
        // absolute: the driver runs in another working directory
        return java.util.Arrays.stream(cp.split(java.io.File.pathSeparator)).filter(e -> !e.isEmpty())
                .map(e -> Path.of(e).toAbsolutePath().toString()).collect(Collectors.joining(java.io.File.pathSeparator));
    }

    /** Waits for the driver; kills it when its journal stays unchanged for longer than a case may take. Returns whether it was killed. */
    private static boolean watch(Process p, Path journal, long limitMs) throws Exception {
        long lastSize = -1;
        long lastChange = System.nanoTime();
        while (!p.waitFor(200, TimeUnit.MILLISECONDS)) {
            long size = Files.exists(journal) ? Files.size(journal) : 0;
            if (size != lastSize) {
                lastSize = size;
                lastChange = System.nanoTime();
            } else if ((System.nanoTime() - lastChange) / 1_000_000 > limitMs + SILENCE_GRACE_MS) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
                return true;
            }
        }
        return false;
    }

    private static CaseResult result(JsonNode s, JsonNode end, Violation died, Path failures) {
        List<String> mutations = new ArrayList<>();
        s.path("mutations").forEach(m -> mutations.add(m.asText()));
        List<Violation> v = new ArrayList<>();
        if (end != null) {
            end.path("violations").forEach(x -> v.add(new Violation(x.path("rule").asText(), x.path("detail").asText())));
        } else {
            v.add(died);
        }
        String id = s.path("id").asText();
        return new CaseResult(s.path("index").asInt(), id, Target.byLabel(s.path("target").asText()),
                s.path("command").asText(), mutations, end == null ? -1 : end.path("exit").asInt(),
                Collections.unmodifiableList(v), v.isEmpty() ? "" : failures.resolve(id).toString());
    }

    /** Keeps the files of a case whose driver died (the driver could not). */
    private static void keepDead(JsonNode s, Violation died, Path failures) throws IOException {
        String id = s.path("id").asText();
        Path dir = failures.resolve(id);
        FuzzFiles.deleteTree(dir);
        Path caseDir = Path.of(s.path("dir").asText());
        if (Files.isDirectory(caseDir)) {
            FuzzFiles.copyTree(caseDir, dir);
        }
        Files.createDirectories(dir);
        List<String> mutations = new ArrayList<>();
        s.path("mutations").forEach(m -> mutations.add(m.asText()));
        Files.writeString(dir.resolve("case.txt"), CaseReport.describe(id, s.path("command").asText(),
                s.path("seedInput").asText(), mutations, List.of(died), "", caseDir), StandardCharsets.UTF_8);
    }

    /** ": SIGSEGV in libonnxruntime.so+0x..., see hs_err_pid123.log" from the JVM's fatal error log, if it wrote one. */
    private static String fatalError(Path laneDir, long pid) {
        Path hsErr = laneDir.resolve("hs_err_pid" + pid + ".log");
        if (!Files.exists(hsErr)) {
            return "";
        }
        try {
            List<String> lines = Files.readAllLines(hsErr, StandardCharsets.ISO_8859_1);
            String signal = lines.stream().filter(l -> l.matches("#\\s+SIG\\w+.*")).findFirst().orElse("#  fatal error").substring(1).strip();
            int frame = lines.indexOf("# Problematic frame:");
            String where = frame >= 0 && frame + 1 < lines.size() ? lines.get(frame + 1).substring(1).strip() : "";
            return ": " + signal.replaceAll(",? pid=.*", "") + (where.isEmpty() ? "" : " in " + where) + ", see " + hsErr;
        } catch (IOException e) {
            return ": see " + hsErr;
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }
}
