package org.blockbench.train;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.blockbench.io.JsonFiles;

/**
 * The schema of the report {@code blockbench train-bench} writes (format {@value #FORMAT}),
 * declared once and read back as this record. Keys are snake_case ({@link JsonFiles#snakeCase()}),
 * as format 1 always had them.
 *
 * @param format     {@value #FORMAT}
 * @param model      the model benchmarked: a zoo id or the ONNX file's path
 * @param step       what one training step does
 * @param cpus       processors available to the JVM
 * @param java       the Java version
 * @param os         OS name and architecture
 * @param measuredAt when the report was written (UTC, ISO-8601)
 * @param results    one measurement per memory format, in the order asked for
 */
public record TrainBenchReport(String format, String model, String step, int cpus, String java, String os,
                               String measuredAt, List<TrainingBenchmark.Measurement> results) {

    /** The format tag. */
    public static final String FORMAT = "blockbench-train-bench/1";

    /** What {@link TrainingBenchmark} measures as one step. */
    public static final String STEP = "forward (training mode) + cross-entropy + backward + Adam step, fixed random batch";

    public TrainBenchReport {
        results = List.copyOf(results);
    }

    /** The report of {@code results} for {@code model}, on this machine, now. */
    public static TrainBenchReport of(String model, List<TrainingBenchmark.Measurement> results) {
        return new TrainBenchReport(FORMAT, model, STEP, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                Instant.now().toString(), results);
    }

    /** Writes this report atomically. */
    public void write(Path file) {
        JsonFiles.writeVersioned(file, this);
    }

    /**
     * Reads a report.
     *
     * @throws org.blockbench.BadInputException when the file is not JSON, of another format (one line
     *                                          naming the format found), or does not fit
     */
    public static TrainBenchReport read(Path file) {
        return JsonFiles.readVersioned(file, FORMAT, TrainBenchReport.class, "`blockbench train-bench`");
    }
}
