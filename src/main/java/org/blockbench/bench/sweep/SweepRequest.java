package org.blockbench.bench.sweep;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.blockbench.zoo.Form;
import org.blockbench.bench.JmhSettings;
import org.blockbench.bench.Shard;
import org.blockbench.bench.SweepSelection;
import org.blockbench.bench.result.ResultsMetadata;
import org.blockbench.ort.OptimizationLevel;
import org.blockbench.ort.Provider;

/**
 * Everything one {@code blockbench bench} invocation was asked to do.
 *
 * @param modelSources models directories (with a manifest) or .onnx files/directories
 * @param selection    which configs
 * @param jmh          JMH options
 * @param shard        which part of the plan this process runs
 * @param output       the results root (jmh-results)
 * @param run          the run's name, if given
 * @param resume       skip configs the run has already finished
 * @param jvmArgs      extra arguments for JMH's forked JVMs
 * @param verbose      echo JMH's output to the console
 * @param progress     show a progress bar
 * @param rounds       passes over the plan, each running every config's forks once (1: each config
 *                     measured in one go; N: the configs' forks interleaved, so that machine drift
 *                     during the sweep hits every config alike, as {@code ab}'s ABBA order does)
 */
public record SweepRequest(List<Path> modelSources, SweepSelection selection, JmhSettings jmh, Shard shard, Path output,
                           Optional<String> run, boolean resume, List<String> jvmArgs, boolean verbose, boolean progress,
                           int rounds) {

    public SweepRequest {
        modelSources = List.copyOf(modelSources);
        jvmArgs = List.copyOf(jvmArgs);
        if (rounds < 1) {
            throw new org.blockbench.BadInputException("rounds must be >= 1, found " + rounds);
        }
    }

    /** A sweep measuring each config in one go (one round). */
    public SweepRequest(List<Path> modelSources, SweepSelection selection, JmhSettings jmh, Shard shard, Path output,
                        Optional<String> run, boolean resume, List<String> jvmArgs, boolean verbose, boolean progress) {
        this(modelSources, selection, jmh, shard, output, run, resume, jvmArgs, verbose, progress, 1);
    }

    /** This request with {@code arg} added to the forks' JVM arguments. */
    public SweepRequest withJvmArg(String arg) {
        List<String> args = new java.util.ArrayList<>(jvmArgs);
        args.add(arg);
        return new SweepRequest(modelSources, selection, jmh, shard, output, run, resume, args, verbose, progress, rounds);
    }

    /** The JMH options and, with more than one round, the rounds: what a resumed run must repeat. */
    public Map<String, String> measurementOptions() {
        Map<String, String> d = new LinkedHashMap<>(jmh.describe());
        if (rounds > 1) {
            d.put("rounds", Integer.toString(rounds));
        }
        // --jvm-arg and --cpus change the numbers as much as the JMH options do (absent when none, as before);
        // which CPUs a shard was pinned to, and a Slurm task's own temporary directory, differ from task to task
        // of one sweep and change nothing, so only "pinned" is compared
        List<String> compared = jvmArgs.stream().filter(a -> !a.startsWith(TMPDIR_ARGUMENT))
                .map(a -> a.startsWith(PINNING_ARGUMENT) ? PINNING_ARGUMENT + "pinned" : a).toList();
        if (!compared.isEmpty()) {
            d.put("jvm_args", String.join(" ", compared));
        }
        return d;
    }

    private static final String TMPDIR_ARGUMENT = "-Djava.io.tmpdir=";
    private static final String PINNING_ARGUMENT = "-D" + org.blockbench.bench.jmh.CpuSet.PROPERTY + "=";

    /** The full option set, as recorded in the metadata sidecar. */
    public ResultsMetadata.Options describe() {
        return new ResultsMetadata.Options(modelSources.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList(),
                selection.models().stream().map(org.blockbench.model.ModelRef::text).toList(),
                selection.blocks(), selection.positions(), selection.forms().stream().map(Form::id).toList(), selection.batches(),
                selection.providers().stream().map(Provider::cliName).toList(), selection.intraOpThreads(),
                selection.optLevels().stream().map(OptimizationLevel::cliName).toList(), jmh.describe(), rounds,
                shard.toString(), output.toAbsolutePath().normalize().toString(), resume, jvmArgs);
    }
}
