package org.blockbench.bench.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.blockbench.BadInputException;
import org.blockbench.bench.Shard;
import org.blockbench.bench.result.ConfigMeta;
import org.blockbench.bench.result.JmhReader;
import org.blockbench.bench.result.JmhRecord;
import org.blockbench.bench.result.PreflightFacts;
import org.blockbench.io.JsonFiles;

/**
 * The files of one sweep run under {@code jmh-results/<run>/}:
 * <pre>
 *   bench-run.json                the run's JMH options (a resumed run must use the same): {@link BenchRunFile}
 *   configs/&lt;key&gt;.json           JMH JSON of one finished config (written atomically: exists = done)
 *   configs/&lt;key&gt;.meta.json      what was measured for it (model file, input, providers used): {@link ConfigMeta}
 *   logs/&lt;key&gt;.log               JMH's own output for it
 *   results.json                  every finished config of the plan, one JMH JSON array
 *   results.meta.json             the metadata sidecar ({@link org.blockbench.bench.result.ResultsMetadata});
 *                                 summary.txt the human table
 *   scratch/task-&lt;random&gt;/          one process's pre-check profiles (removed when empty)
 * </pre>
 * A shard writes {@code results-shard-i-of-N.*} instead, so that shards can share one run
 * directory.
 */
public final class RunDirectory {

    /** Name of the file holding the run's options. */
    public static final String RUN_FILE = BenchRunFile.FILE_NAME;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path root;
    private Path scratch;

    private RunDirectory(Path root) {
        this.root = root;
    }

    /**
     * The run directory under {@code output}: the named run; else, when resuming, the most
     * recently started run there; else a new one named {@code bench-<timestamp>}.
     */
    public static RunDirectory choose(Path output, Optional<String> run, boolean resume) {
        if (run.isPresent()) {
            String name = run.get();
            if (!name.matches("[A-Za-z0-9._-]+") || name.equals(".") || name.equals("..")) {
                throw new BadInputException("run name must use letters, digits, '.', '_' and '-' only, found '" + name + "'");
            }
            return new RunDirectory(output.resolve(name));
        }
        if (resume) {
            return latest(output).orElseThrow(() -> new BadInputException("--resume: no earlier run under " + output
                    + " (no " + RUN_FILE + " found); name the run with --run"));
        }
        return new RunDirectory(output.resolve("bench-" + LocalDateTime.now().format(STAMP)));
    }

    /** Opens an existing directory as a run directory (for merge). */
    public static RunDirectory at(Path root) {
        return new RunDirectory(root);
    }

    private static Optional<RunDirectory> latest(Path output) {
        if (!Files.isDirectory(output)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(output)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve(RUN_FILE)))
                    .max(Comparator.comparing((Path d) -> modified(d.resolve(RUN_FILE))).thenComparing(Path::toString))
                    .map(RunDirectory::new);
        } catch (IOException e) {
            throw new BadInputException("cannot list " + output + ": " + e.getMessage(), e);
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            System.err.println("bench: cannot read the time of " + file + " (" + e + "); it counts as the oldest run");
            return Long.MIN_VALUE;
        }
    }

    /** The directory. */
    public Path root() {
        return root;
    }

    /** The run's name (its directory name). */
    public String name() {
        return root.getFileName().toString();
    }

    /**
     * Records the run's JMH options, or checks them against those already recorded: one run
     * directory never mixes results measured with different options.
     */
    public void recordOrCheckOptions(Map<String, String> jmhOptions) {
        Path file = root.resolve(RUN_FILE);
        Path former = root.resolve(BenchRunFile.FORMER_FILE_NAME);
        if (!Files.isRegularFile(file) && Files.isRegularFile(former)) {
            throw new BadInputException(former + ": format 'blockbench-bench-run/1' (a bench run of an earlier version),"
                    + " expected '" + BenchRunFile.FORMAT + "' in " + RUN_FILE + "; measure into another --run");
        }
        if (Files.isRegularFile(file)) {
            Map<String, String> recorded = BenchRunFile.read(file).jmh();
            if (!recorded.equals(jmhOptions)) {
                throw new BadInputException("run " + name() + " was measured with JMH options " + json(recorded)
                        + ", this invocation asks for " + json(jmhOptions) + "; use the same options, or another --run");
            }
            return;
        }
        new BenchRunFile(name(), java.time.Instant.now().toString(), jmhOptions).write(file);
    }

    private static String json(Map<String, String> options) {
        try {
            return JsonFiles.mapper().writeValueAsString(options);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("JMH options do not serialise", e);
        }
    }

    /** JMH JSON of one config. */
    public Path configResult(String key) {
        return root.resolve("configs").resolve(key + ".json");
    }

    /** Metadata of one config. */
    public Path configMeta(String key) {
        return root.resolve("configs").resolve(key + ".meta.json");
    }

    /** JMH's log for one config. */
    public Path log(String key) {
        return root.resolve("logs").resolve(key + ".log");
    }

    /**
     * Scratch space (preflight profiles) of this process alone: {@code scratch/task-<random>/},
     * made on first use. Shards running at once in one run directory (array tasks) would
     * otherwise meet in it: ORT names a profile by the second it starts, so two tasks' pre-checks
     * started in the same second wrote one file.
     */
    public synchronized Path scratch() {
        if (scratch == null) {
            Path shared = root.resolve("scratch");
            try {
                scratch = Files.createTempDirectory(Files.createDirectories(shared), "task-");
            } catch (IOException e) {
                throw new org.blockbench.io.OutputWriteException(shared, e);
            }
        }
        return scratch;
    }

    /** The finished result of a config, if its file exists and is a JMH result array. */
    public Optional<List<JmhRecord>> finished(String key) {
        Path file = configResult(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            List<JmhRecord> elements = JmhReader.read(file).records();
            return elements.isEmpty() ? Optional.empty() : Optional.of(elements);
        } catch (BadInputException e) {
            // a result cut short (a killed sweep, a full disk): the config counts as not finished and is measured again
            System.err.println("bench: " + file + " is not a finished result (" + org.blockbench.text.OneLine.firstLine(e.getMessage())
                    + "); the config counts as not finished");
            return Optional.empty();
        }
    }

    /** The SHA-256 of the model file a config's result was measured on, from its metadata, if recorded. */
    public Optional<String> measuredModelSha256(String key) {
        Path file = configMeta(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            PreflightFacts model = ConfigMeta.read(file).model();
            return model == null ? Optional.empty() : Optional.ofNullable(model.modelSha256());
        } catch (BadInputException e) {
            return Optional.empty(); // an unreadable sidecar: the config is measured again
        }
    }

    /** The merged JMH JSON of this invocation's plan (per shard when sharded). */
    public Path results(Shard shard) {
        return root.resolve(stem(shard) + ".json");
    }

    /** The metadata sidecar beside {@link #results}. */
    public Path resultsMeta(Shard shard) {
        return root.resolve(stem(shard) + ".meta.json");
    }

    /** The summary table beside {@link #results}. */
    public Path summary(Shard shard) {
        return root.resolve(shard.isAll() ? "summary.txt" : "summary-shard-" + shard.index() + "-of-" + shard.count() + ".txt");
    }

    private static String stem(Shard shard) {
        return shard.isAll() ? "results" : "results-shard-" + shard.index() + "-of-" + shard.count();
    }
}
