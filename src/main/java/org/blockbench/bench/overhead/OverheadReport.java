package org.blockbench.bench.overhead;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.blockbench.bench.result.JmhReader;
import org.blockbench.bench.result.RunEnvironment;
import org.blockbench.io.JsonFiles;

/**
 * The schema of {@value #FILE_NAME} (format {@value #FORMAT}), declared once: {@code blockbench
 * overhead} writes this record into its run directory, and the leaderboard's time-by-operator
 * shares ({@code report.OpTimeShares}) read it back as this record. Keys are snake_case
 * ({@link JsonFiles#snakeCase()}); format 1 had camelCase keys and is refused.
 *
 * @param format       {@value #FORMAT}
 * @param environment  the machine and software measured on
 * @param jmh          the JMH options of both runs of every config
 * @param measurements one per config measured, in plan order
 * @param failures     one line per config that failed ("key: why")
 */
public record OverheadReport(String format, RunEnvironment environment, Map<String, String> jmh,
                             List<OverheadMeasurement> measurements, List<String> failures) {

    /** The format tag; 2 since the keys are snake_case. */
    public static final String FORMAT = "blockbench-overhead/2";

    /** The file's name in an overhead run directory (the JMH reader passes such directories over). */
    public static final String FILE_NAME = JmhReader.OVERHEAD_REPORT;

    public OverheadReport {
        jmh = Collections.unmodifiableMap(new LinkedHashMap<>(jmh));
        measurements = List.copyOf(measurements);
        failures = List.copyOf(failures);
    }

    /** A report of this format. */
    public OverheadReport(RunEnvironment environment, Map<String, String> jmh, List<OverheadMeasurement> measurements,
                          List<String> failures) {
        this(FORMAT, environment, jmh, measurements, failures);
    }

    /** Writes this report atomically as {@code dir}/{@value #FILE_NAME}; returns the file. */
    public Path write(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        JsonFiles.writeVersioned(file, this);
        return file;
    }

    /**
     * Reads a report.
     *
     * @throws org.blockbench.BadInputException when the file is not JSON, not of format {@value #FORMAT}
     *                                          (one line naming the format found), or does not fit
     */
    public static OverheadReport read(Path file) {
        return JsonFiles.readVersioned(file, FORMAT, OverheadReport.class, "`blockbench overhead`");
    }
}
