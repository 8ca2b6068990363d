package org.blockbench.bench.overhead;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.blockbench.BadInputException;
import org.blockbench.bench.BenchConfig;
import org.blockbench.bench.JmhSettings;
import org.blockbench.bench.SweepSelection.PlannedConfig;
import org.blockbench.bench.jmh.OrtInferenceBenchmark;
import org.blockbench.bench.profile.MeasurementWindows;
import org.blockbench.bench.profile.NodeBreakdown;
import org.blockbench.bench.profile.OrtProfile;
import org.blockbench.bench.result.JmhJson;
import org.blockbench.bench.sweep.ConfigExecutor;
import org.blockbench.bench.sweep.ConfigFailure;
import org.blockbench.bench.sweep.JmhLockHeldException;
import org.blockbench.bench.sweep.Preflight;
import org.blockbench.bench.result.PreflightFacts;
import org.blockbench.io.AtomicFile;
import org.blockbench.stats.Stats;
import org.blockbench.io.JsonFiles;
import org.blockbench.io.OutputWriteException;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;

/**
 * Measures harness overhead config by config: a JMH SampleTime run with ONNX Runtime
 * profiling on (JMH samples and native {@code model_run} times of the same calls, matched by
 * the measured iterations' time windows), then an ordinary JMH run for the unprofiled median
 * and {@code gc.alloc.rate.norm}. Writes {@code <key>.json} (the measurement and node
 * breakdown) and both runs' JMH JSON into the output directory.
 */
public final class OverheadRunner {

    private static final ObjectMapper JSON = JsonFiles.snakeCase();

    private final JmhSettings settings;
    private final ConfigExecutor executor;
    private final int topNodes;
    private final boolean keepProfiles;

    /**
     * @param settings     JMH options; the mode is forced to SampleTime (percentiles are compared)
     * @param jvmArgs      extra arguments for forked JVMs
     * @param topNodes     how many nodes the breakdown lists
     * @param keepProfiles keep ONNX Runtime's profile files (they can be large)
     * @param echo         where JMH output is echoed, or null
     */
    public OverheadRunner(JmhSettings settings, List<String> jvmArgs, int topNodes, boolean keepProfiles, PrintStream echo) {
        this.settings = new JmhSettings(settings.forks(), settings.warmupIterations(), settings.warmupTime(),
                settings.measurementIterations(), settings.measurementTime(), List.of(Mode.SampleTime), settings.timeUnit());
        this.executor = new ConfigExecutor(this.settings, jvmArgs, echo);
        this.topNodes = topNodes;
        this.keepProfiles = keepProfiles;
    }

    /** Measures one config; failures are thrown as one-line exceptions. */
    public OverheadMeasurement measure(PlannedConfig planned, Path dir) {
        BenchConfig config = planned.config();
        String key = config.key();
        PreflightFacts facts = Preflight.check(planned, dir.resolve("scratch"));
        Path modelsDir = planned.model().fromManifest() ? planned.model().origin() : planned.model().origin().getParent();
        Path profileDir = dir.resolve("profiles").resolve(key).toAbsolutePath();
        deleteProfiles(profileDir);
        RunResult profiled = single(executor.run(config, modelsDir,
                Map.of(OrtInferenceBenchmark.PROFILE_DIR_PROPERTY, profileDir.toString()), dir.resolve("logs").resolve(key + ".profiled.log")));
        AtomicFile.writeString(dir.resolve(key + ".profiled.jmh.json"), JmhJson.write(List.of(profiled)));
        RunResult plain = single(executor.run(config, modelsDir, Map.of(), dir.resolve("logs").resolve(key + ".log")));
        AtomicFile.writeString(dir.resolve(key + ".jmh.json"), JmhJson.write(List.of(plain)));

        List<Path> profiles = profiles(profileDir);
        if (profiles.isEmpty()) {
            throw new ConfigFailure("the profiled JMH run left no ONNX Runtime profile in " + profileDir, null);
        }
        List<long[]> runs = new ArrayList<>();
        OrtProfile first = null;
        for (Path p : profiles) {
            OrtProfile profile = OrtProfile.read(p);
            first = first == null ? profile : first;
            runs.add(profile.modelRunsWithin(MeasurementWindows.readBeside(p)));
        }
        long[] nativeRuns = runs.stream().flatMapToLong(java.util.Arrays::stream).toArray();
        if (nativeRuns.length == 0) {
            throw new ConfigFailure("no model_run event of the profile lies inside JMH's measured iterations"
                    + " (profile clock and JVM clock disagree?); profiles in " + profileDir, null);
        }
        Stats nativeStats = Stats.of(nativeRuns);
        double toMicros = settings.timeUnit().toNanos(1) / 1000.0;
        Statistics jmh = profiled.getPrimaryResult().getStatistics();
        double jmhP50 = jmh.getPercentile(50.0) * toMicros;
        double jmhMean = jmh.getMean() * toMicros;
        Result<?> alloc = plain.getSecondaryResults().get("gc.alloc.rate.norm");
        OverheadMeasurement m = new OverheadMeasurement(key, config.params(), jmh.getN(), jmhP50, jmhMean,
                nativeStats.count(), nativeStats.median(), nativeStats.mean(), jmhP50 / nativeStats.median(),
                jmhMean / nativeStats.mean(), plain.getPrimaryResult().getStatistics().getPercentile(50.0) * toMicros,
                alloc == null ? Double.NaN : alloc.getScore(), facts.nodesByProvider(), NodeBreakdown.of(first, topNodes));
        try {
            AtomicFile.writeString(dir.resolve(key + ".json"), JSON.writeValueAsString(m));
        } catch (IOException e) {
            throw new IllegalStateException("the overhead of " + key + " does not serialise", e);
        }
        if (!keepProfiles) {
            deleteProfiles(profileDir);
        }
        return m;
    }


    private static RunResult single(Collection<RunResult> results) {
        return results.iterator().next();
    }

    private static List<Path> profiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("ort-profile")
                    && f.getFileName().toString().endsWith(".json")
                    && !f.getFileName().toString().endsWith(".windows.json")).sorted().toList();
        } catch (IOException e) {
            throw new BadInputException("cannot list the profiles in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void deleteProfiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new OutputWriteException("cannot clear " + dir + ": " + OutputWriteException.describe(e), e);
        }
    }
}
