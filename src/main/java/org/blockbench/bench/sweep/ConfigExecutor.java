package org.blockbench.bench.sweep;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.blockbench.bench.BenchConfig;
import org.blockbench.bench.JmhSettings;
import org.blockbench.bench.jmh.ModelLocator;
import org.blockbench.bench.energy.EnergyCounters;
import org.blockbench.bench.energy.RaplEnergyProfiler;
import org.blockbench.bench.jmh.OrtInferenceBenchmark;
import org.blockbench.io.OutputWriteException;
import org.blockbench.io.ScratchDirectory;
import org.blockbench.ort.OrtNatives;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.runner.format.OutputFormatFactory;

/**
 * Runs JMH for one config through JMH's Runner API: {@link OrtInferenceBenchmark} with the
 * config's params, the sweep's {@link JmhSettings}, JMH's GC profiler (for
 * {@code gc.alloc.rate.norm}) and, where RAPL counters are readable, the energy profiler.
 * JMH's own human output goes to a log file (and to the console too when verbose).
 *
 * <p>Every fork has a wall-clock limit ({@link #forkLimit}): JMH's own timeout interrupts the
 * benchmark thread, which native code (session creation, an inference) ignores, so a fork stuck
 * there would hold the sweep for ever. A {@link ForkWatchdog} kills a fork past its limit; the
 * config fails in one line and the sweep goes on.
 */
public final class ConfigExecutor {

    /** JMH's lock file message, which means another JMH run is active on this machine. */
    private static final String LOCK_MESSAGE = "Unable to acquire the JMH lock";

    private final JmhSettings settings;
    private final List<String> jvmArgs;
    private final boolean energy;
    private final PrintStream echo;
    private final Duration forkLimit;
    private final ForkClassArchive classArchive;

    /**
     * @param settings JMH options
     * @param jvmArgs  extra arguments for the forked JVMs
     * @param echo     where JMH's output is echoed besides the log, or null for the log only
     */
    public ConfigExecutor(JmhSettings settings, List<String> jvmArgs, PrintStream echo) {
        this(settings, jvmArgs, echo, forkLimit(settings));
    }

    private ConfigExecutor(JmhSettings settings, List<String> jvmArgs, PrintStream echo, Duration forkLimit) {
        this.settings = settings;
        this.jvmArgs = List.copyOf(jvmArgs);
        this.energy = EnergyCounters.discover().available();
        this.echo = echo;
        this.forkLimit = forkLimit;
        // a user who sets the forks' class sharing (or turns it off) keeps their choice
        this.classArchive = jvmArgs.stream().anyMatch(a -> a.startsWith("-Xshare") || a.contains("SharedArchiveFile")
                || a.contains("ArchiveClassesAtExit")) ? null : ForkClassArchive.ofThisBuild().orElse(null);
    }

    /** This executor with another wall-clock limit per fork. */
    public ConfigExecutor withForkLimit(Duration limit) {
        return new ConfigExecutor(settings, jvmArgs, echo, limit);
    }

    /** Slack per fork for JVM start, session creation and the first inference, beyond its iterations' time. */
    static final Duration FORK_SLACK = Duration.ofMinutes(5);

    /**
     * A fork's wall-clock limit: twice the time its warm-up and measured iterations are planned
     * to take (JMH's defaults where unset: 5 × 10 s each), plus {@link #FORK_SLACK}.
     */
    public static Duration forkLimit(JmhSettings settings) {
        long iterationMillis = settings.warmupIterations().orElse(5) * settings.warmupTime().map(ConfigExecutor::millis).orElse(10_000L)
                + settings.measurementIterations().orElse(5) * settings.measurementTime().map(ConfigExecutor::millis).orElse(10_000L);
        return Duration.ofMillis(2 * iterationMillis).plus(FORK_SLACK);
    }

    private static long millis(org.openjdk.jmh.runner.options.TimeValue t) {
        return t.convertTo(java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Whether results carry the energy secondary metric. */
    public boolean measuresEnergy() {
        return energy;
    }

    /**
     * Runs {@code config}, whose model resolves against {@code modelsDir}, with extra system
     * properties for the forks; JMH's log goes to {@code log}.
     *
     * @throws ConfigFailure when JMH reports an error for the benchmark
     */
    public Collection<RunResult> run(BenchConfig config, Path modelsDir, Map<String, String> forkProperties, Path log) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(OrtInferenceBenchmark.class.getName() + ".run") + "$")
                .shouldFailOnError(true)
                .addProfiler(GCProfiler.class);
        if (energy) {
            options.addProfiler(RaplEnergyProfiler.class);
        }
        config.jmhParams().forEach(options::param);
        List<String> args = new ArrayList<>(jvmArgs);
        args.add("-D" + ModelLocator.MODELS_DIR_PROPERTY + "=" + modelsDir.toAbsolutePath());
        forkProperties.forEach((k, v) -> args.add("-D" + k + "=" + v));
        settings.applyTo(options);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new OutputWriteException(log.getParent(), e);
        }
        // the forks' temporary directory is ours, deleted after the config, killed forks included
        try (ScratchDirectory forkTmp = ScratchDirectory.create("blockbench-fork");
             PrintStream out = new PrintStream(new Tee(new FileOutputStream(log.toFile()), echo), true, StandardCharsets.UTF_8);
             ForkWatchdog watchdog = new ForkWatchdog(forkLimit).start()) {
            if (classArchive != null) {
                args.addAll(classArchive.jvmArgs());
            }
            options.jvmArgsAppend(withTmpdir(args, forkTmp.path()));
            Collection<RunResult> results;
            boolean completed = false;
            try {
                results = new Runner(options.build(), OutputFormatFactory.createFormatInstance(out, VerboseMode.NORMAL)).run();
                completed = !results.isEmpty();
            } catch (RunnerException e) {
                if (watchdog.killed()) {
                    throw new ConfigFailure("a JMH fork ran past its wall-clock limit of " + forkLimit.toSeconds()
                            + " s (stuck in session creation or an inference?) and was killed (JMH log: " + log + ")", e);
                }
                throw e;
            } finally {
                if (classArchive != null) {
                    classArchive.forkEnded(completed);
                }
            }
            if (results.isEmpty()) {
                throw new ConfigFailure("JMH produced no result (see " + log + ")", null);
            }
            return results;
        } catch (RunnerException e) {
            if (String.valueOf(e.getMessage()).contains(LOCK_MESSAGE)) {
                throw new JmhLockHeldException();
            }
            throw new ConfigFailure(reason(e) + " (JMH log: " + log + ")", e);
        } catch (IOException e) {
            throw new OutputWriteException(log, e);
        }
    }

    private static String[] withTmpdir(List<String> args, Path tmp) {
        List<String> all = new ArrayList<>(args);
        all.add(OrtNatives.tmpdirArgument(tmp));
        System.getProperties().stringPropertyNames().stream().sorted().filter(k -> k.startsWith("onnxruntime."))
                .forEach(k -> all.add("-D" + k + "=" + System.getProperty(k)));
        return all.toArray(String[]::new);
    }

    /**
     * The message of the first exception in {@code e}'s causes and suppressed exceptions that
     * is not JMH's own wrapper: the benchmark's exception, sent back from the fork.
     */
    public static String reason(Throwable e) {
        Deque<Throwable> todo = new ArrayDeque<>(List.of(e));
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (!t.getClass().getName().startsWith("org.openjdk.jmh.")) {
                String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
                return org.blockbench.text.OneLine.firstLine(m);
            }
            todo.addAll(List.of(t.getSuppressed()));
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
        }
        return org.blockbench.text.OneLine.firstLine(String.valueOf(e.getMessage()));
    }

    /** Writes to a file and, optionally, echoes to a console stream it does not close. */
    private static final class Tee extends OutputStream {
        private final OutputStream file;
        private final PrintStream echo;

        Tee(OutputStream file, PrintStream echo) {
            this.file = file;
            this.echo = echo;
        }

        @Override
        public void write(int b) throws IOException {
            file.write(b);
            if (echo != null) {
                echo.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            file.write(b, off, len);
            if (echo != null) {
                echo.write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            file.flush();
            if (echo != null) {
                echo.flush();
            }
        }

        @Override
        public void close() throws IOException {
            file.close();
            if (echo != null) {
                echo.flush();
            }
        }
    }
}
