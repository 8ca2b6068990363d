package org.blockbench.regress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.blockbench.BadInputException;

/**
 * Reads JMH's JSON result format ({@code -rf json}): a top-level array of benchmark
 * records, each with {@code benchmark}, {@code mode}, {@code params} and a
 * {@code primaryMetric} holding {@code scoreUnit} and either {@code rawData} (per fork, per
 * iteration scores) or {@code rawDataHistogram} (per fork, per iteration, a list of
 * {@code [value, count]} pairs, written by SampleTime). Numbers may be written as the strings
 * {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}; such samples are dropped and counted.
 * Secondary metrics are ignored.
 *
 * <p>A directory is read recursively: every {@code *.json} whose top level is an array is a
 * result file; a file whose top level is an object is run metadata and is skipped (and
 * said so); hidden files are ignored. The same benchmark found in several files is pooled,
 * unless the records are identical (a per-config file and a merged results file holding the
 * same measurement), which count once.
 */
public final class JmhResultReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JmhResultReader() {
    }

    /**
     * Reads a result file or a directory of them.
     *
     * @throws BadInputException on a missing path, malformed JSON (naming the file, line and
     *         column), a record that is not JMH's format, or when no benchmark is found
     */
    public static ResultSet read(Path path) {
        return read(path, Metric.PRIMARY);
    }

    /**
     * Reads {@code metric} of every record of a result file or a directory of them.
     *
     * @throws BadInputException as {@link #read(Path)}, and when a record lacks the metric
     */
    public static ResultSet read(Path path, Metric metric) {
        return read(path, metric, false);
    }

    /**
     * Reads {@code metric} from the records that have it and skips the others; the result may
     * be empty. For optional evidence such as the CPU-time counter.
     */
    public static ResultSet readWherePresent(Path path, Metric metric) {
        return read(path, metric, true);
    }

    private static ResultSet read(Path path, Metric metric, boolean skipRecordsWithout) {
        if (!Files.exists(path)) {
            throw new BadInputException("JMH result " + path + " does not exist; expected a JMH JSON file (-rf json) or a directory of them");
        }
        List<String> notes = new ArrayList<>();
        Map<BenchmarkKey, BenchmarkRun> runs = new TreeMap<>();
        Map<String, String> seen = new java.util.HashMap<>();
        List<String> skipped = new ArrayList<>();
        java.util.Set<String> repeats = new java.util.LinkedHashSet<>();
        List<Path> files = Files.isDirectory(path) ? jsonFilesUnder(path) : List.of(path);
        for (Path file : files) {
            JsonNode root = parse(file);
            if (root.isObject() && Files.isDirectory(path)) {
                skipped.add(path.relativize(file).toString());
                continue;
            }
            if (!root.isArray()) {
                throw new BadInputException(file + ": expected a JMH JSON result (a top-level array of benchmark records), found a "
                        + root.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
            }
            String source = Files.isDirectory(path) ? path.relativize(file).toString() : file.getFileName().toString();
            for (int i = 0; i < root.size(); i++) {
                RecordParser parser = new RecordParser(file, source, i, root.get(i), metric);
                if (skipRecordsWithout && root.get(i).isObject() && !parser.hasMetric()) {
                    continue;
                }
                BenchmarkRun run = parser.parse();
                String seenIn = seen.putIfAbsent(fingerprint(root.get(i)), source);
                if (seenIn != null) {
                    repeats.add(source + " repeats " + seenIn);
                    continue;
                }
                BenchmarkRun previous = runs.get(run.key());
                if (previous != null) {
                    notes.add(run.key().label() + ": pooled from " + previous.sources() + " and " + source);
                    run = previous.pooledWith(run);
                }
                runs.put(run.key(), run);
            }
        }
        if (!skipped.isEmpty()) {
            notes.add("skipped " + skipped.size() + " JSON object file(s), taken as metadata: " + String.join(", ", skipped));
        }
        if (!repeats.isEmpty()) {
            notes.add("records repeated byte for byte in another file counted once (" + String.join("; ", repeats) + ")");
        }
        if (runs.isEmpty() && !skipRecordsWithout) {
            throw new BadInputException("no JMH benchmark records in " + path + (Files.isDirectory(path)
                    ? " (looked at " + files.size() + " *.json files)" : "") + "; expected JMH JSON written with -rf json");
        }
        return new ResultSet(path.toString(), new TreeMap<>(runs), notes);
    }

    /**
     * Identity of one measurement: the record's benchmark, mode, params and metrics as JSON
     * text. A run directory often holds the same record twice (one file per config plus a
     * merged results file); those must not be pooled as if they were two measurements.
     */
    private static String fingerprint(JsonNode record) {
        return String.valueOf(record.get("benchmark")) + record.get("mode") + record.get("params")
                + record.get("primaryMetric") + record.get("secondaryMetrics");
    }

    /** Parses one file as a JSON tree. */
    static JsonNode parse(Path file) {
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (root == null || root.isMissingNode()) {
                throw new BadInputException("malformed JSON in " + file + ": the file is empty");
            }
            return root;
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new BadInputException("malformed JSON in " + file + (at == null ? "" : " at line " + at.getLineNr()
                    + ", column " + at.getColumnNr()) + ": " + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The {@code *.json} files under {@code dir}, sorted, hidden ones (and those in hidden folders) left out. */
    static List<Path> jsonFilesUnder(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> Stream.iterate(dir.relativize(p), q -> q != null, Path::getParent)
                            .noneMatch(q -> q.getFileName().toString().startsWith(".")))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
