package org.blockbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.blockbench.BadInputException;
import org.blockbench.RunFailedException;
import org.blockbench.bench.result.ShardCoverage;
import org.blockbench.bench.result.ResultMerger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code blockbench merge}: one JMH JSON from the shards of a sweep (or several result files). */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Merges JMH JSON results (shard results, run directories) into one JMH JSON file plus a",
            "metadata sidecar (<output>.meta.json) that carries the inputs' own metadata.",
            "Inputs are read as one result set (docs/bench.md, Reading results): a measurement found twice with different numbers is an error."})
public final class MergeCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "JMH JSON files or run directories (jmh-results/<run>).")
    List<Path> inputs;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
            description = "Merged JMH JSON (default: <run>/results.json when the only input is a run directory).")
    Path output;

    @Spec
    CommandSpec spec;

    @Option(names = "--output", hidden = true, paramLabel = "FILE")
    Path oldOutput;

    @Option(names = "--allow-partial",
            description = "Merge even when shards of the sweep are missing (their results-shard-i-of-N.json absent);"
                    + " the sidecar and the leaderboard then say the sweep is partial. Without it a missing shard is exit 1.")
    boolean allowPartial;

    @Override
    public Integer call() {
        Path target = OldSpelling.pick(spec, "--output", oldOutput, "--out", output);
        if (target == null) {
            if (inputs.size() != 1 || !Files.isDirectory(inputs.get(0))) {
                throw new BadInputException("give --out FILE when merging files or several directories");
            }
            target = inputs.get(0).resolve("results.json");
        }
        ShardCoverage coverage = ShardCoverage.of(inputs);
        List<String> missing = coverage.missing();
        if (!missing.isEmpty() && !allowPartial) {
            // an afterany merge job must not publish half a sweep as if it were the whole one
            throw new RunFailedException("the sweep is incomplete: shard(s) " + String.join(", ", missing) + " of "
                    + coverage.count() + " are missing (no results-shard-i-of-" + coverage.count() + ".json); rerun them"
                    + " (bench --shard i/" + coverage.count() + " --resume), or merge the rest with --allow-partial");
        }
        int count = ResultMerger.mergeInto(inputs, target, missing);
        System.out.println("merged " + count + " results from " + inputs.size() + " input(s) into " + target
                + " (metadata: " + ResultMerger.sidecarOf(target) + ")"
                + (missing.isEmpty() ? "" : "; PARTIAL sweep, shard(s) " + String.join(", ", missing) + " missing"));
        return ExitCodes.OK;
    }
}
