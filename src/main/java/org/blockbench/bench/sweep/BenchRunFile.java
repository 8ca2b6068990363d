package org.blockbench.bench.sweep;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.blockbench.io.JsonFiles;

/**
 * The schema of a bench run directory's {@value #FILE_NAME} (format {@value #FORMAT}), declared
 * once: the first invocation of a run writes it, and every later one ({@code --resume}, another
 * shard) reads it back to check that it measures with the same options. Keys are snake_case
 * ({@link JsonFiles#snakeCase()}). Format 1 was named {@value #FORMER_FILE_NAME}, the name a
 * training run's record ({@code train.RunRecord}) has; a directory holding one is refused.
 *
 * @param format  {@value #FORMAT}
 * @param run     the run's name (its directory's)
 * @param created when the run was started (UTC, ISO-8601)
 * @param jmh     the options every result of the run is measured with, by name
 */
public record BenchRunFile(String format, String run, String created, Map<String, String> jmh) {

    /** The format tag; 2 since the file has its own name and snake_case keys. */
    public static final String FORMAT = "blockbench-bench-run/2";

    /** The file's name in a run directory. */
    public static final String FILE_NAME = "bench-run.json";

    /** The name format 1 had. */
    static final String FORMER_FILE_NAME = "run.json";

    public BenchRunFile {
        jmh = Collections.unmodifiableMap(new LinkedHashMap<>(jmh));
    }

    /** A record of this format. */
    public BenchRunFile(String run, String created, Map<String, String> jmh) {
        this(FORMAT, run, created, jmh);
    }

    /** Writes this record atomically. */
    public void write(Path file) {
        JsonFiles.writeVersioned(file, this);
    }

    /**
     * Reads a record.
     *
     * @throws org.blockbench.BadInputException when the file is not JSON, of another format (one line
     *                                          naming the format found), or does not fit
     */
    public static BenchRunFile read(Path file) {
        return JsonFiles.readVersioned(file, FORMAT, BenchRunFile.class, "`blockbench bench`");
    }
}
