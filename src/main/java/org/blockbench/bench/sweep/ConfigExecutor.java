package org.blockbench.bench.sweep;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.blockbench.bench.BenchConfig;
import org.blockbench.bench.JmhSettings;
import org.blockbench.bench.ModelLocator;
import org.blockbench.bench.energy.EnergyCounters;
import org.blockbench.bench.energy.RaplEnergyProfiler;
import org.blockbench.bench.jmh.OrtInferenceBenchmark;
import org.blockbench.io.OutputWriteException;
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
 */
public final class ConfigExecutor {

    /** JMH's lock file message, which means another JMH run is active on this machine. */
    private static final String LOCK_MESSAGE = "Unable to acquire the JMH lock";

    private final JmhSettings settings;
    private final List<String> jvmArgs;
    private final boolean energy;
    private final PrintStream echo;

    /**
     * @param settings JMH options
     * @param jvmArgs  extra arguments for the forked JVMs
     * @param echo     where JMH's output is echoed besides the log, or null for the log only
     */
    public ConfigExecutor(JmhSettings settings, List<String> jvmArgs, PrintStream echo) {
        this.settings = settings;
        this.jvmArgs = List.copyOf(jvmArgs);
        this.energy = EnergyCounters.discover().available();
        this.echo = echo;
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
        options.jvmArgsAppend(args.toArray(String[]::new));
        settings.applyTo(options);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new OutputWriteException(log.getParent(), e);
        }
        try (PrintStream out = new PrintStream(new Tee(new FileOutputStream(log.toFile()), echo), true, StandardCharsets.UTF_8)) {
            Collection<RunResult> results = new Runner(options.build(),
                    OutputFormatFactory.createFormatInstance(out, VerboseMode.NORMAL)).run();
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
