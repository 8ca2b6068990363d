package org.blockbench.bench.result;

import java.nio.file.Path;
import org.blockbench.bench.jmh.OrtBenchmarkParams;
import org.blockbench.io.JsonFiles;

/**
 * The schema of a sweep config's {@code configs/<key>.meta.json} (format {@value #FORMAT}),
 * declared once: the sweep writes it beside the config's JMH JSON when the config finishes, a
 * resumed sweep reads the measured model's SHA-256 back from it, and the run's
 * {@link ResultsMetadata} carries it as the config's {@code measured} facts. Keys are snake_case
 * ({@link JsonFiles#snakeCase()}).
 *
 * @param format          {@value #FORMAT}
 * @param key             the config key
 * @param finishedAt      when its last round finished (UTC, ISO-8601)
 * @param wallSeconds     wall time of all its rounds, pre-check included
 * @param jmhLog          JMH's log of its first round, relative to the run directory
 * @param params          the benchmark's parameters
 * @param model           what the pre-check learned: the file measured, its SHA-256, the input, providers used
 * @param energyMeasured  whether RAPL energy was measured
 */
public record ConfigMeta(String format, String key, String finishedAt, double wallSeconds, String jmhLog,
                         OrtBenchmarkParams params, PreflightFacts model, boolean energyMeasured) {

    /** The format tag. */
    public static final String FORMAT = "blockbench-bench-config/1";

    /** A record of this format. */
    public ConfigMeta(String key, String finishedAt, double wallSeconds, String jmhLog, OrtBenchmarkParams params,
                      PreflightFacts model, boolean energyMeasured) {
        this(FORMAT, key, finishedAt, wallSeconds, jmhLog, params, model, energyMeasured);
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
    public static ConfigMeta read(Path file) {
        return JsonFiles.readVersioned(file, FORMAT, ConfigMeta.class, "`blockbench bench`");
    }
}
