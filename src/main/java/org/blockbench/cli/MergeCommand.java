package org.blockbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.blockbench.BadInputException;
import org.blockbench.bench.result.ResultMerger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code blockbench merge}: one JMH JSON from the shards of a sweep (or several result files). */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Merges JMH JSON results (shard results, run directories) into one JMH JSON file plus a",
            "metadata sidecar (<output>.meta.json) that carries the inputs' own metadata.",
            "Inputs are read as one result set (docs/bench.md, Reading results): a measurement found twice with different numbers is an error."})
public final class MergeCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "JMH JSON files or run directories (jmh-results/<run>).")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Merged JMH JSON (default: <run>/results.json when the only input is a run directory).")
    Path output;

    @Override
    public Integer call() {
        Path target = output;
        if (target == null) {
            if (inputs.size() != 1 || !Files.isDirectory(inputs.get(0))) {
                throw new BadInputException("give --output FILE when merging files or several directories");
            }
            target = inputs.get(0).resolve("results.json");
        }
        int count = ResultMerger.mergeInto(inputs, target);
        System.out.println("merged " + count + " results from " + inputs.size() + " input(s) into " + target
                + " (metadata: " + ResultMerger.sidecarOf(target) + ")");
        return ExitCodes.OK;
    }
}
