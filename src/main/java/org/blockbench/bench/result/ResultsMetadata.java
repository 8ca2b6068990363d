package org.blockbench.bench.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.blockbench.BadInputException;
import org.blockbench.bench.jmh.OrtBenchmarkParams;
import org.blockbench.io.AtomicFile;

/**
 * The metadata sidecar of a JMH JSON result file ({@code results.json} →
 * {@code results.meta.json}, format {@value #FORMAT}): on what and how the results were
 * measured. A sweep writes run, shard, start time, environment, options, sweep counts and
 * configs; a merge writes the merge time, the result count, its inputs and their own sidecars
 * ({@code sources}), and the earliest start time among them. Absent fields are left out of
 * the file; unknown fields are ignored when reading. Keys are snake_case ({@link
 * org.blockbench.io.JsonFiles#snakeCase()}); a sidecar of format 1 (camelCase) is refused.
 *
 * @param format      always {@value #FORMAT}
 * @param results     the result file's name
 * @param run         the run directory's name (sweep)
 * @param shard       the shard, "all" when unsharded (sweep)
 * @param startedAt   when the run started (UTC, ISO-8601); for a merge the earliest of its inputs'
 * @param environment machine and software (sweep)
 * @param options     the sweep's options (sweep)
 * @param sweep       planned / measured / failed counts and wall time (sweep)
 * @param configs     per config of the plan: key, status, params, result file, measured facts (sweep)
 * @param mergedAt    when the merge was made (merge)
 * @param resultCount number of records written (merge)
 * @param mergedFrom  the merge's inputs, absolute (merge)
 * @param sources     the inputs' own sidecars (merge)
 * @param missingShards the shards ("i/N") a merge made with {@code --allow-partial} lacked: a
 *                    partial sweep (merge; absent when complete)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResultsMetadata(String format, String results, String run, String shard, String startedAt,
                              RunEnvironment environment, Options options, Sweep sweep, List<Config> configs,
                              String mergedAt, Integer resultCount, List<String> mergedFrom, List<Source> sources,
                              List<String> missingShards) {

    /** A sidecar of a complete sweep or merge (no missing shards). */
    public ResultsMetadata(String format, String results, String run, String shard, String startedAt,
                           RunEnvironment environment, Options options, Sweep sweep, List<Config> configs,
                           String mergedAt, Integer resultCount, List<String> mergedFrom, List<Source> sources) {
        this(format, results, run, shard, startedAt, environment, options, sweep, configs, mergedAt, resultCount, mergedFrom,
                sources, null);
    }

    /** The format tag; 2 since the keys are snake_case. */
    public static final String FORMAT = "blockbench-jmh-metadata/2";

    /**
     * The options a sweep was invoked with.
     *
     * @param models         models directories and files, absolute
     * @param modelIds       model ids or files selected by --models (empty: none)
     * @param blocks         blocks selected (empty: all)
     * @param positions      positions selected (empty: all)
     * @param forms          forms
     * @param batches        batch sizes
     * @param providers      execution providers
     * @param intraOpThreads intra-op thread counts
     * @param optLevels      graph optimisation levels
     * @param jmh            JMH options by name
     * @param rounds         passes over the plan
     * @param shard          the shard run ("all", or "i/N")
     * @param output         the results root, absolute
     * @param resume         whether finished configs were skipped
     * @param jvmArgs        extra arguments of the forked JVMs
     */
    public record Options(List<String> models, List<String> modelIds, List<String> blocks, List<String> positions, List<String> forms,
                          List<Integer> batches, List<String> providers, List<Integer> intraOpThreads,
                          List<String> optLevels, Map<String, String> jmh, int rounds, String shard, String output,
                          boolean resume, List<String> jvmArgs) {
    }

    /**
     * A sweep's counts and times.
     *
     * @param planned                      configs in the plan
     * @param measuredNow                  configs measured by this invocation
     * @param finishedEarlier              configs a resumed run found finished
     * @param failed                       configs that failed
     * @param wallSeconds                  wall time of the invocation
     * @param measurementSeconds           time inside JMH measurement iterations: the part that is evidence
     * @param measurementShare             measurementSeconds / wallSeconds
     * @param meanSecondsPerMeasuredConfig mean wall time of a config measured now
     */
    public record Sweep(int planned, long measuredNow, long finishedEarlier, int failed, double wallSeconds,
                        double measurementSeconds, double measurementShare, double meanSecondsPerMeasuredConfig) {
    }

    /**
     * One config of a sweep's plan.
     *
     * @param key      the config key
     * @param status   "measured", "finished-earlier" or "failed"
     * @param params   the benchmark's parameters
     * @param result   its JMH JSON, relative to the run directory (absent when it failed)
     * @param message  why it failed (absent when it did not)
     * @param measured its {@link ConfigMeta} (absent when failed or unreadable)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Config(String key, String status, OrtBenchmarkParams params, String result, String message,
                         ConfigMeta measured) {
    }

    private static final ObjectMapper JSON = org.blockbench.io.JsonFiles.snakeCase();

    /**
     * One input's sidecar, carried by a merge's.
     *
     * @param file     the sidecar's absolute path
     * @param metadata its content
     */
    public record Source(String file, ResultsMetadata metadata) {
    }

    /** {@code x.json} → {@code x.meta.json}. */
    public static Path sidecarOf(Path jmhJson) {
        String name = jmhJson.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        return jmhJson.resolveSibling(stem + ".meta.json");
    }

    /** Whether {@code file} is named like a sidecar ({@code *.meta.json}). */
    public static boolean isSidecarName(Path file) {
        return file.getFileName().toString().endsWith(".meta.json");
    }

    /**
     * Reads a sidecar.
     *
     * @throws BadInputException when it is not JSON of this format and shape (one line naming the format found)
     */
    public static ResultsMetadata read(Path file) {
        return org.blockbench.io.JsonFiles.readVersioned(file, FORMAT, ResultsMetadata.class, "`blockbench bench` or `merge`");
    }

    /** Writes this sidecar atomically. */
    public void write(Path file) {
        try {
            AtomicFile.writeString(file, JSON.writeValueAsString(this));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise " + file, e);
        }
    }

    /**
     * When the run started: {@code startedAt}, else (sidecars written before that field) the
     * environment's capture time, which a sweep takes as it starts; empty when neither is there.
     *
     * @throws BadInputException when the recorded time is not an ISO-8601 instant
     */
    public Optional<Instant> runStart() {
        String at = startedAt != null ? startedAt : environment != null ? environment.capturedAt() : null;
        if (at == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(at));
        } catch (DateTimeParseException e) {
            throw new BadInputException("JMH metadata start time '" + at + "' is not an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }
}
