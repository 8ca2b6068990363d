package org.blockbench.bench.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.blockbench.BadInputException;
import org.blockbench.io.AtomicFile;

/**
 * The metadata sidecar of a JMH JSON result file ({@code results.json} →
 * {@code results.meta.json}, format {@value #FORMAT}): on what and how the results were
 * measured. A sweep writes run, shard, start time, environment, options, sweep counts and
 * configs; a merge writes the merge time, the result count, its inputs and their own sidecars
 * ({@code sources}), and the earliest start time among them. Absent fields are left out of
 * the file; unknown fields are ignored when reading.
 *
 * @param format      always {@value #FORMAT}
 * @param results     the result file's name
 * @param run         the run directory's name (sweep)
 * @param shard       the shard, "all" when unsharded (sweep)
 * @param startedAt   when the run started (UTC, ISO-8601); for a merge the earliest of its inputs'
 * @param environment machine and software (sweep)
 * @param options     the sweep's options (sweep)
 * @param sweep       planned / measured / failed counts and wall time (sweep)
 * @param configs     per config: key, status, params, result file (sweep)
 * @param mergedAt    when the merge was made (merge)
 * @param resultCount number of records written (merge)
 * @param mergedFrom  the merge's inputs, absolute (merge)
 * @param sources     the inputs' own sidecars (merge)
 * @param missingShards the shards ("i/N") a merge made with {@code --allow-partial} lacked: a
 *                    partial sweep (merge; absent when complete)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResultsMetadata(String format, String results, String run, String shard, String startedAt,
                              RunEnvironment environment, JsonNode options, JsonNode sweep, JsonNode configs,
                              String mergedAt, Integer resultCount, List<String> mergedFrom, List<Source> sources,
                              List<String> missingShards) {

    /** A sidecar of a complete sweep or merge (no missing shards). */
    public ResultsMetadata(String format, String results, String run, String shard, String startedAt,
                           RunEnvironment environment, JsonNode options, JsonNode sweep, JsonNode configs,
                           String mergedAt, Integer resultCount, List<String> mergedFrom, List<Source> sources) {
        this(format, results, run, shard, startedAt, environment, options, sweep, configs, mergedAt, resultCount, mergedFrom,
                sources, null);
    }

    /** The format tag. */
    public static final String FORMAT = "blockbench-jmh-metadata/1";

    private static final ObjectMapper JSON = org.blockbench.io.JsonFiles.mapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

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
     * @throws BadInputException when it is not JSON of this shape
     */
    public static ResultsMetadata read(Path file) {
        try {
            return JSON.readValue(file.toFile(), ResultsMetadata.class);
        } catch (IOException e) {
            throw new BadInputException(file + ": unreadable JMH metadata sidecar ("
                    + org.blockbench.text.OneLine.firstLine(e.getMessage()) + ")", e);
        }
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
