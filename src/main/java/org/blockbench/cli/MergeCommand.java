package org.blockbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.blockbench.BadInputException;
import org.blockbench.bench.result.MergeRequest;
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
        System.out.println(ResultMerger.run(new MergeRequest(inputs, target, allowPartial)).summary());
        return ExitCodes.OK;
    }
}
