package org.blockbench.bench.result;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.io.IOException;
import org.blockbench.BadInputException;
import org.blockbench.RunFailedException;
import org.blockbench.bench.BenchConfig;
import org.blockbench.bench.jmh.OrtInferenceBenchmark;
import org.blockbench.io.AtomicFile;

/**
 * Combines JMH JSON result files (shards of one sweep, or several runs) into one JMH JSON
 * array. Inputs are JMH JSON files or run directories, read by {@link JmhReader#readAsOneSet}
 * as one result set: a measurement (benchmark, mode, params) found twice with identical text
 * is kept once; found twice with different results it is an error, since one of them would be
 * silently dropped. Output order is the sweep's plan order (config key, then mode), so merging
 * the shards of a sweep gives the same order as the unsharded sweep.
 */
public final class ResultMerger {

    private ResultMerger() {
    }

    /**
     * A merge done.
     *
     * @param request what was merged, and into which file
     * @param count   the number of results written
     * @param missing the sweep's missing shards ("i/N"), merged without them
     */
    public record Result(MergeRequest request, int count, List<String> missing) {

        public Result {
            missing = List.copyOf(missing);
        }

        /** The line that says what was merged into which files, and which shards are missing. */
        public String summary() {
            return "merged " + count + " results from " + request.inputs().size() + " input(s) into " + request.output()
                    + " (metadata: " + sidecarOf(request.output()) + ")"
                    + (missing.isEmpty() ? "" : "; PARTIAL sweep, shard(s) " + String.join(", ", missing) + " missing");
        }
    }

    /**
     * Merges what {@code request} names into its output and sidecar.
     *
     * @throws RunFailedException when shards of the sweep are missing and the request does not allow a partial merge
     */
    public static Result run(MergeRequest request) {
        ShardCoverage coverage = ShardCoverage.of(request.inputs());
        List<String> missing = coverage.missing();
        if (!missing.isEmpty() && !request.allowPartial()) {
            // an afterany merge job must not publish half a sweep as if it were the whole one
            throw new RunFailedException("the sweep is incomplete: shard(s) " + String.join(", ", missing) + " of "
                    + coverage.count() + " are missing (no results-shard-i-of-" + coverage.count() + ".json); rerun them"
                    + " (bench --shard i/" + coverage.count() + " --resume), or merge the rest with --allow-partial");
        }
        return new Result(request, mergeInto(request.inputs(), request.output(), missing), missing);
    }

    /** The merged records of {@code inputs}, in plan order. */
    public static List<JmhRecord> merge(List<Path> inputs) {
        if (inputs.isEmpty()) {
            throw new BadInputException("nothing to merge: give JMH JSON files or run directories");
        }
        List<JmhRecord> merged = new ArrayList<>(JmhReader.readAsOneSet(inputs).records());
        merged.sort(Comparator.comparing(ResultMerger::planOrder));
        return merged;
    }

    /**
     * Merges {@code inputs} into {@code output} (JMH JSON) and its sidecar
     * {@code output.meta.json}, which lists the inputs and carries their own sidecars.
     *
     * @return the number of results written
     */
    public static int mergeInto(List<Path> inputs, Path output) {
        return mergeInto(inputs, output, List.of());
    }

    /**
     * Merges as {@link #mergeInto(List, Path)}, recording in the sidecar that the merge lacks
     * {@code missingShards} (a partial sweep, see {@link ShardCoverage}).
     *
     * @return the number of results written
     */
    public static int mergeInto(List<Path> inputs, Path output, List<String> missingShards) {
        List<JmhRecord> merged = merge(inputs);
        AtomicFile.writeString(output, JmhJson.array(merged));
        Path ownSidecar = sidecarOf(output).toAbsolutePath().normalize();
        List<String> from = new ArrayList<>();
        List<ResultsMetadata.Source> sources = new ArrayList<>();
        Optional<Instant> start = Optional.empty();
        for (Path input : inputs) {
            from.add(input.toAbsolutePath().normalize().toString());
            for (Path sidecar : sidecars(input)) {
                Path abs = sidecar.toAbsolutePath().normalize();
                if (!abs.equals(ownSidecar)) {
                    ResultsMetadata m = ResultsMetadata.read(sidecar);
                    sources.add(new ResultsMetadata.Source(abs.toString(), m));
                    start = Stream.of(start, m.runStart()).flatMap(Optional::stream).min(Instant::compareTo);
                }
            }
        }
        new ResultsMetadata(ResultsMetadata.FORMAT, output.getFileName().toString(), null, null,
                start.map(Instant::toString).orElse(null), null, null, null, null, Instant.now().toString(), merged.size(),
                from, sources, missingShards.isEmpty() ? null : List.copyOf(missingShards)).write(sidecarOf(output));
        return merged.size();
    }

    /** {@code x.json} → {@code x.meta.json}. */
    public static Path sidecarOf(Path jmhJson) {
        return ResultsMetadata.sidecarOf(jmhJson);
    }

    private static String planOrder(JmhRecord e) {
        if (e.benchmark().equals(OrtInferenceBenchmark.class.getName() + ".run")) {
            try {
                return "0 " + BenchConfig.fromJmhParams(e.params()).key() + " " + e.mode();
            } catch (BadInputException | IllegalArgumentException notOurs) {
                // params not from a sweep (a user's own -p values): ordered after the sweep's configs
            }
        }
        return "1 " + e.identity();
    }

    private static List<Path> sidecars(Path input) {
        if (!Files.isDirectory(input)) {
            Path s = sidecarOf(input);
            return Files.isRegularFile(s) ? List.of(s) : List.of();
        }
        try (Stream<Path> list = Files.list(input)) {
            return list.filter(p -> p.getFileName().toString().matches("results(-shard-\\d+-of-\\d+)?\\.meta\\.json")).sorted().toList();
        } catch (IOException e) {
            throw new BadInputException("cannot list " + input + ": " + e.getMessage(), e);
        }
    }
}
