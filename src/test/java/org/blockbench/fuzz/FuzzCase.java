package org.blockbench.fuzz;

import java.nio.file.Path;
import java.util.List;

/**
 * One fuzz case, materialized on disk: which target it feeds, the seed input it started from,
 * the mutations applied (in words), the command it stands for, and what a correct product must
 * do beyond the general rules.
 *
 * @param index      position in the campaign; with the campaign seed it regenerates the case
 * @param id         "analyze-000042": target and index
 * @param seedInput  the valid input the mutations started from, e.g. "zoo:StandardConv/gwo-net/train"
 * @param mutations  what was done to it, one entry per mutation
 * @param mustRefuse why the input is invalid for any correct reader (a refusal is required), or null
 * @param command    the equivalent command line, for the report
 * @param args       the picocli arguments (CLI targets) or the file to load (API targets)
 * @param dir        the case's directory (the model's directory for model targets)
 * @param input      the mutated file
 * @param withData   analyze: with {@code --data}
 */
public record FuzzCase(int index, String id, Target target, String seedInput, List<String> mutations, String mustRefuse,
                       String command, List<String> args, Path dir, Path input, boolean withData) {

    public FuzzCase {
        mutations = List.copyOf(mutations);
        args = List.copyOf(args);
    }
}
