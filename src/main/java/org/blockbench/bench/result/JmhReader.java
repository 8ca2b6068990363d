package org.blockbench.bench.result;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.blockbench.BadInputException;

/**
 * The one reader of JMH JSON result files ({@code -rf json}); {@code merge}, {@code compare}
 * (and its history and A/B runs) and {@code leaderboard} all read through it. Its policy:
 * <ol>
 * <li><b>Files.</b> A path that is a file is read as one JMH JSON array. A directory is read
 *     recursively: every {@code *.json} file, except hidden ones (a name, or a folder on the
 *     way, starting with '.') and metadata sidecars ({@code *.meta.json}); a JSON file whose
 *     top level is an object (such as a run's {@code run.json} options) is not a result file
 *     and is skipped with a note. An {@code overhead} run's directory (one holding
 *     {@code overhead.json}) is skipped whole: its profiled and plain runs of one config share an
 *     identity and are not latency results.</li>
 * <li><b>Result sets.</b> One file, or one run directory (its {@code configs/*.json} and the
 *     results files beside them, e.g. {@code results.json}), is one result set. Inside a set a
 *     record repeated byte for byte counts once; the same identity (benchmark, mode, params)
 *     with different data is a {@link BadInputException} naming both files.</li>
 * <li><b>Several runs.</b> Where a directory holds several result sets (e.g. {@code jmh-results/}
 *     with one folder per run), a repeated identity is taken from the newer run, with a note;
 *     "newer" is the run's recorded start time in its metadata sidecar
 *     ({@link ResultsMetadata#runStart()}), never a file time. A set without a recorded start
 *     time is older than every dated one; two sets that cannot be ordered (both undated, or the
 *     same time) holding different data for one identity are a {@link BadInputException}.</li>
 * <li><b>Numbers.</b> JMH writes NaN and infinities as strings. A {@code scoreError} of
 *     {@code "NaN"} (one iteration) is accepted and means "no interval". Anything else that is
 *     not a finite number {@code >= 0} where JMH writes a score, error, percentile or sample
 *     (NaN, ±Infinity, a negative value, null, a string), an empty {@code rawData} or
 *     {@code rawDataHistogram} (or an empty fork or iteration in it), a missing field, a
 *     non-positive histogram count, content after the array, or malformed JSON, is a
 *     {@link BadInputException} whose one-line message names the file, the record index and
 *     the field.</li>
 * </ol>
 * Units are read as written; {@link ScoreUnit} converts between them.
 */
public final class JmhReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JmhReader() {
    }

    /**
     * Reads a JMH JSON file, or every result set under a directory, by the policy above.
     *
     * @throws BadInputException when the path does not exist or a file breaks the policy
     */
    public static JmhResults read(Path path) {
        if (!Files.exists(path)) {
            throw new BadInputException("JMH result " + path + " does not exist; expected a JMH JSON file (-rf json) or a directory of them");
        }
        List<String> notes = new ArrayList<>();
        Map<Path, List<JmhRecord>> sets = new LinkedHashMap<>();
        for (Path file : Files.isDirectory(path) ? jsonFilesUnder(path) : List.of(path)) {
            Optional<List<JmhRecord>> records = readFile(file, Files.isDirectory(path));
            if (records.isEmpty()) {
                notes.add("skipped " + path.relativize(file) + ": a JSON object, not a JMH result array");
                continue;
            }
            sets.computeIfAbsent(setOf(file), k -> new ArrayList<>()).addAll(records.get());
        }
        Map<String, JmhRecord> chosen = new LinkedHashMap<>();
        Map<Path, Path> setOf = new LinkedHashMap<>();
        Map<Path, Optional<Instant>> starts = new LinkedHashMap<>(); // read only when runs must be ordered
        for (Map.Entry<Path, List<JmhRecord>> set : sets.entrySet()) {
            for (JmhRecord r : oneSet(set.getValue(), notes)) {
                setOf.put(r.source(), set.getKey());
                JmhRecord earlier = chosen.putIfAbsent(r.identity(), r);
                if (earlier != null && !earlier.text().equals(r.text())) {
                    Dated a = new Dated(earlier, starts.computeIfAbsent(setOf.get(earlier.source()), JmhReader::runStart));
                    Dated b = new Dated(r, starts.computeIfAbsent(set.getKey(), JmhReader::runStart));
                    Dated newer = newer(a, b);
                    Dated older = newer == a ? b : a;
                    notes.add(r.identity() + ": " + newer.record.source() + " (run started " + newer.start.orElseThrow()
                            + ") replaces the older " + older.record.source() + older.start.map(t -> " (run started " + t + ")")
                            .orElse(" (no recorded start time)"));
                    chosen.put(r.identity(), newer.record);
                }
            }
        }
        return new JmhResults(List.copyOf(chosen.values()), notes);
    }

    /**
     * Reads {@code inputs} (files and directories) as ONE result set, as a merge must: a record
     * repeated byte for byte counts once; the same identity with different data is an error.
     *
     * @throws BadInputException as {@link #read(Path)}, and on the first conflicting pair
     */
    public static JmhResults readAsOneSet(List<Path> inputs) {
        List<String> notes = new ArrayList<>();
        List<JmhRecord> all = new ArrayList<>();
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                throw new BadInputException("JMH result " + input + " does not exist; expected a JMH JSON file (-rf json) or a directory of them");
            }
            for (Path file : Files.isDirectory(input) ? jsonFilesUnder(input) : List.of(input)) {
                readFile(file, Files.isDirectory(input)).ifPresentOrElse(all::addAll,
                        () -> notes.add("skipped " + file + ": a JSON object, not a JMH result array"));
            }
        }
        return new JmhResults(oneSet(all, notes), notes);
    }

    /**
     * Splits JMH JSON text into its checked records; {@code source} names the file in errors.
     *
     * @throws BadInputException when the text breaks the policy
     */
    public static List<JmhRecord> parse(String json, Path source) {
        List<JmhRecord> records = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_ARRAY) {
                throw new BadInputException(source + ": expected a JMH JSON result array, found "
                        + (first == null ? "an empty file" : first == JsonToken.START_OBJECT ? "an object" : first.asString()));
            }
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    throw new BadInputException(source + ": record " + records.size() + ": the file ends inside the array (truncated?)");
                }
                int start = Math.toIntExact(p.currentTokenLocation().getCharOffset());
                p.skipChildren();
                int end = Math.toIntExact(p.currentLocation().getCharOffset());
                String text = json.substring(start, end);
                records.add(new JmhRecordParser(source, records.size(), null).record(MAPPER.readTree(text), text));
            }
            int line = p.currentLocation().getLineNr();
            boolean trailing;
            try {
                trailing = p.nextToken() != null;
            } catch (IOException garbage) {
                trailing = true;
            }
            if (trailing) {
                throw new BadInputException(source + ": unexpected content after the JMH result array (which ends on line "
                        + line + "); expected the end of the file");
            }
        } catch (IOException e) {
            var at = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getLocation() : null;
            throw new BadInputException(source + ": record " + records.size() + ": malformed JSON"
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + " ("
                    + org.blockbench.text.OneLine.firstLine(e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                            ? j.getOriginalMessage() : e.getMessage()) + ")", e);
        }
        return records;
    }

    /** The records of one file; empty when {@code objectsSkipped} and its top level is an object. */
    private static Optional<List<JmhRecord>> readFile(Path file, boolean objectsSkipped) {
        if (!Files.exists(file)) {
            throw new BadInputException(file + ": no such JMH result file");
        }
        // a regular file of at most 512 MiB: a FIFO or a device would hang or exhaust the read
        String json = new String(org.blockbench.io.InputFiles.read(file, org.blockbench.io.InputFiles.RESULTS_CAP,
                "a JMH result file"), StandardCharsets.UTF_8);
        if (objectsSkipped && json.stripLeading().startsWith("{")) {
            return Optional.empty();
        }
        return Optional.of(parse(json, file));
    }

    /** Records of one set, each identity once; a repeat with other data is an error naming both files. */
    private static List<JmhRecord> oneSet(List<JmhRecord> records, List<String> notes) {
        Map<String, JmhRecord> byIdentity = new LinkedHashMap<>();
        int repeats = 0;
        for (JmhRecord r : records) {
            JmhRecord earlier = byIdentity.putIfAbsent(r.identity(), r);
            if (earlier == null) {
                continue;
            }
            if (!earlier.text().equals(r.text())) {
                throw new BadInputException("the same measurement (" + r.identity() + ") has different results in "
                        + earlier.where() + " and " + r.where() + "; expected one result per benchmark, mode and params"
                        + " in one run: remove or move one of the files");
            }
            repeats++;
        }
        if (repeats > 0) {
            notes.add(repeats + " record(s) repeated byte for byte (per-config file and merged results) counted once");
        }
        return new ArrayList<>(byIdentity.values());
    }

    private record Dated(JmhRecord record, Optional<Instant> start) {
    }

    private static Dated newer(Dated a, Dated b) {
        if (a.start.isPresent() && (b.start.isEmpty() || a.start.get().isAfter(b.start.get()))) {
            return a;
        }
        if (b.start.isPresent() && (a.start.isEmpty() || b.start.get().isAfter(a.start.get()))) {
            return b;
        }
        throw new BadInputException("the same measurement (" + a.record.identity() + ") has different results in "
                + a.record.where() + " and " + b.record.where() + ", and neither run records a later start time"
                + " (started_at in its results.meta.json); expected one of them to be newer, or remove one");
    }

    /** The result set a file belongs to: the run directory for {@code configs/x.json}, else its folder. */
    private static Path setOf(Path file) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent.getFileName() != null && parent.getFileName().toString().equals("configs") && parent.getParent() != null
                ? parent.getParent() : parent;
    }

    /** The earliest recorded start among the (non-hidden) sidecars directly in a set's folder. */
    private static Optional<Instant> runStart(Path setDir) {
        try (Stream<Path> files = Files.list(setDir)) {
            return files.filter(f -> ResultsMetadata.isSidecarName(f) && !f.getFileName().toString().startsWith(".")
                    && Files.isRegularFile(f)).sorted().map(f -> ResultsMetadata.read(f).runStart())
                    .flatMap(Optional::stream).min(Instant::compareTo);
        } catch (IOException e) {
            throw new BadInputException("cannot list " + setDir + ": " + e.getMessage(), e);
        }
    }

    /** The {@code *.json} result files under {@code dir}, sorted; hidden ones and sidecars left out. */
    /** The report an {@code overhead} run writes first into its directory. */
    public static final String OVERHEAD_REPORT = "overhead.json";

    /**
     * Whether {@code file} lies in an {@code overhead} run's directory (one holding
     * {@value #OVERHEAD_REPORT}): its JMH files were measured with profiling on, or to compare
     * with it, under the same identity as each other, and are never latency results.
     */
    private static boolean inOverheadRun(Path root, Path file) {
        for (Path d = file.getParent(); d != null && d.startsWith(root); d = d.getParent()) {
            if (Files.isRegularFile(d.resolve(OVERHEAD_REPORT))) {
                return true;
            }
        }
        return false;
    }

    public static List<Path> jsonFilesUnder(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".json") && !ResultsMetadata.isSidecarName(p))
                    .filter(p -> Stream.iterate(dir.relativize(p), q -> q != null, Path::getParent)
                            .noneMatch(q -> q.getFileName().toString().startsWith(".")))
                    .filter(p -> !inOverheadRun(dir, p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new BadInputException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
