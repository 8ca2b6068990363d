package org.blockbench.regress;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.blockbench.BadInputException;
import org.blockbench.bench.result.JmhMetric;
import org.blockbench.bench.result.JmhReader;
import org.blockbench.bench.result.JmhRecord;
import org.blockbench.bench.result.JmhResults;
import org.blockbench.bench.result.ScoreUnit;

/**
 * JMH results as the regression checker sees them: one {@link BenchmarkRun} per record, of the
 * chosen {@link Metric}. Files are read by {@link JmhReader}, whose policy (hidden files and
 * sidecars skipped, repeats inside a run counted once, conflicts rejected, non-finite or
 * negative numbers rejected) applies unchanged. A command that derives several metrics from one
 * file reads it once, through {@link RunFiles}.
 */
public final class ResultSets {

    private ResultSets() {
    }

    /**
     * The primary metric of every record of a result file or directory.
     *
     * @throws BadInputException as {@link JmhReader#read}, and when no benchmark is found
     */
    public static ResultSet read(Path path) {
        return read(path, Metric.PRIMARY);
    }

    /**
     * {@code metric} of every record of a result file or directory.
     *
     * @throws BadInputException as {@link #read(Path)}, and when a record lacks the metric
     */
    public static ResultSet read(Path path, Metric metric) {
        return of(path, JmhReader.read(path), metric, false);
    }

    /**
     * {@code metric} of the records that have it; the others are skipped and the result may be
     * empty. For optional evidence such as the CPU-time counter.
     */
    public static ResultSet readWherePresent(Path path, Metric metric) {
        return of(path, JmhReader.read(path), metric, true);
    }

    /** {@code metric} of {@code results}, the records read from {@code path}; those without it skipped or refused. */
    static ResultSet of(Path path, JmhResults results, Metric metric, boolean skipRecordsWithout) {
        TreeMap<BenchmarkKey, BenchmarkRun> runs = new TreeMap<>();
        for (JmhRecord r : results.records()) {
            String field = metric.primary() ? "primaryMetric" : "secondaryMetrics." + metric.secondaryName();
            JmhMetric m;
            if (metric.primary()) {
                m = r.primary();
            } else if (r.secondary(metric.secondaryName()).isPresent()) {
                m = r.secondary(metric.secondaryName()).get();
            } else if (skipRecordsWithout) {
                continue;
            } else {
                throw new BadInputException(r.where() + " field secondaryMetrics: no metric '" + metric.secondaryName()
                        + "', expected one of " + r.secondaryNames());
            }
            BenchmarkKey key = BenchmarkKey.of(metric.primary() ? r.benchmark() : r.benchmark() + ":" + metric.secondaryName(),
                    r.params(), r.mode());
            runs.put(key, BenchmarkRun.of(key, unit(r, m, field, metric), m.sampleKind(), m.forks(),
                    List.of(source(path, r.source()))));
        }
        if (runs.isEmpty() && !skipRecordsWithout) {
            throw new BadInputException("no JMH benchmark records in " + path + "; expected JMH JSON written with -rf json");
        }
        return new ResultSet(path.toString(), runs, new ArrayList<>(results.notes()));
    }

    private static ScoreUnit unit(JmhRecord r, JmhMetric m, String field, Metric metric) {
        if (m.unit().equals("#") && metric.unitForCounts() != null) {
            return metric.unitForCounts();
        }
        try {
            return ScoreUnit.parse(m.unit());
        } catch (BadInputException e) {
            throw new BadInputException(r.where() + " field " + field + ".scoreUnit: " + e.getMessage() + (m.unit().equals("#")
                    ? "; a counter metric needs its unit given, as NAME:UNIT (e.g. cpuNanosPerOp:ns/op)" : ""));
        }
    }

    /** The file relative to the directory read, or its name when a file was read. */
    private static String source(Path read, Path file) {
        Path abs = read.toAbsolutePath().normalize();
        Path f = file.toAbsolutePath().normalize();
        return f.startsWith(abs) && !f.equals(abs) ? abs.relativize(f).toString() : f.getFileName().toString();
    }
}
