package org.blockbench.regress;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.blockbench.BadInputException;
import org.blockbench.io.AtomicFile;
import org.blockbench.onnx.OnnxModelFile;

/**
 * A directory of past runs, one JMH JSON file per run under {@code runs/}, named
 * {@code <UTC time>-<first 8 hex of the content's SHA-256>.json} so that names sort by time
 * and appending the same run twice is a no-op. Each file holds the run's JMH records
 * verbatim (all result files of a run directory concatenated into one array), so any JMH
 * tool can read the history. Files are written atomically.
 *
 * <p>The baseline for a new run is the last {@code K} runs pooled (every sample of every one
 * of those runs, per benchmark). Pooling keeps night-to-night variation inside the baseline
 * distribution, so tonight is judged against the spread of recent nights rather than against
 * one night's tight spread; and one unusual night is only a K-th of the baseline samples, so
 * it moves the baseline median by a fraction of that night's offset, where a one-night baseline
 * would move all the way. A median of per-night medians would be more robust still, but it
 * leaves K numbers and throws away the per-iteration samples the U test needs.
 */
public final class History {

    /** Default number of past runs pooled into the baseline. */
    public static final int DEFAULT_WINDOW = 5;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = org.blockbench.io.JsonFiles.mapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final RunFiles files;

    /** The history in {@code dir}, its files read by a {@link RunFiles} of its own. */
    public History(Path dir) {
        this(dir, new RunFiles());
    }

    /**
     * The history in {@code dir}, its files and the runs appended to it read through {@code files}
     * (the command's, so that a file it also compares is read once).
     */
    public History(Path dir, RunFiles files) {
        this.files = files;
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new BadInputException("history " + dir + " is a file; expected a directory (it is created if missing)");
        }
        this.dir = dir;
    }

    /** The directory. */
    public Path dir() {
        return dir;
    }

    /** All runs, oldest first. */
    public List<HistoryEntry> entries() {
        Path runs = dir.resolve("runs");
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(runs)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .map(History::entry).sorted().toList();
        } catch (IOException e) {
            throw new BadInputException("cannot list the history " + runs + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stores the run at {@code input} (a JMH JSON file or a directory of them) as of {@code at}.
     * Returns the entry, which is the existing one when the same content was stored before.
     */
    public HistoryEntry append(Path input, Instant at) {
        files.metric(input, Metric.PRIMARY); // validates: a malformed run never enters the history
        ArrayNode records = JSON.createArrayNode();
        // the records as the one reader sees them: repeats counted once, older runs replaced
        files.records(input).records().forEach(r -> records.add(r.tree()));
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(records);
        } catch (IOException e) {
            throw new IllegalStateException("run " + input + " does not serialise", e);
        }
        String hash = OnnxModelFile.sha256(bytes).substring(0, 8);
        for (HistoryEntry e : entries()) {
            if (e.name().endsWith("-" + hash + ".json")) {
                return e;
            }
        }
        Path target = dir.resolve("runs").resolve(STAMP.format(at) + "-" + hash + ".json");
        AtomicFile.write(target, bytes);
        return new HistoryEntry(target, at);
    }

    /** The last {@code window} runs before (not including) {@code exclude}, oldest first. */
    public List<HistoryEntry> window(int window, HistoryEntry exclude) {
        if (window < 1) {
            throw new BadInputException("history window must be >= 1 run, found " + window);
        }
        List<HistoryEntry> all = new ArrayList<>(entries());
        if (exclude != null) {
            all.removeIf(e -> e.file().equals(exclude.file()));
        }
        return all.subList(Math.max(0, all.size() - window), all.size());
    }

    /**
     * The pooled baseline of {@code entries}: per benchmark, every sample of every entry that
     * has it, in the unit of the newest entry that has it.
     */
    public ResultSet pooled(List<HistoryEntry> entries, Metric metric) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("no runs to pool");
        }
        List<ResultSet> sets = entries.stream().map(e -> files.metric(e.file(), metric)).toList();
        String names = entries.size() == 1 ? entries.get(0).name()
                : entries.get(0).name() + " … " + entries.get(entries.size() - 1).name();
        String source = "history " + dir + ": last " + entries.size() + " run" + (entries.size() == 1 ? "" : "s")
                + " pooled (" + names + ")";
        return AaCalibration.pool(sets, source);
    }

    private static HistoryEntry entry(Path file) {
        String name = file.getFileName().toString();
        try {
            return new HistoryEntry(file, Instant.from(STAMP.parse(name.substring(0, Math.min(16, name.length())))));
        } catch (DateTimeParseException e) {
            throw new BadInputException("history file " + file + " is not named <yyyyMMddTHHmmssZ>-<hash>.json; "
                    + "only 'blockbench compare --history' should write into " + file.getParent());
        }
    }
}
