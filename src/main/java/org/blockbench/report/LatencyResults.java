package org.blockbench.report;

import org.blockbench.model.ModelRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.blockbench.BadInputException;
import org.blockbench.bench.jmh.OrtBenchmarkParams;
import org.blockbench.bench.result.JmhMetric;
import org.blockbench.bench.result.JmhReader;
import org.blockbench.bench.result.JmhRecord;
import org.blockbench.bench.result.JmhResults;
import org.blockbench.bench.result.ResultsMetadata;
import org.blockbench.bench.result.ShardCoverage;
import org.blockbench.bench.result.ScoreUnit;
import org.blockbench.stats.Stats;
import org.blockbench.stats.WeightedSamples;

/**
 * The latency results of the ONNX Runtime benchmark among the JMH records under a directory,
 * in milliseconds. Files are read by {@link JmhReader} (its policy: hidden files and sidecars
 * skipped, repeats in a run counted once, the newer run wins across runs by recorded start
 * time). A result of the ONNX Runtime benchmark is recognised, and its parameters read, by
 * {@link OrtBenchmarkParams}. Throughput results are skipped (they are not a time per call).
 */
public final class LatencyResults {

    private static final ScoreUnit MS_PER_OP = ScoreUnit.parse("ms/op");

    private LatencyResults() {
    }

    /** What was read, and what was passed over and why. */
    public record Reading(List<LatencyResult> results, List<String> notes) {
        public Reading {
            results = List.copyOf(results);
            notes = List.copyOf(notes);
        }
    }

    /** Reads the latency results under {@code dir}; a missing directory reads as nothing, with a note. */
    public static Reading readDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            return new Reading(List.of(), List.of("no JMH results: " + dir + " does not exist"));
        }
        JmhResults read = JmhReader.read(dir);
        List<String> notes = new ArrayList<>(read.notes());
        List<LatencyResult> results = new ArrayList<>();
        int skipped = 0;
        for (JmhRecord r : read.records()) {
            if (!OrtBenchmarkParams.isOrtBenchmark(r.params()) || r.mode().equals("thrpt")) {
                skipped++;
            } else {
                results.add(of(r));
            }
        }
        if (skipped > 0) {
            notes.add(skipped + " JMH result(s) under " + dir + " are not ONNX Runtime latency results"
                    + " (no 'model' parameter, or throughput mode) and were skipped");
        }
        if (results.isEmpty()) {
            notes.add("no JMH latency results under " + dir);
        }
        notes.addAll(partialSweeps(dir));
        return new Reading(results, notes);
    }

    /**
     * A note for each run directory under {@code dir} (or {@code dir} itself) that holds a
     * partial sharded sweep: shards whose results are absent, or a merge made with
     * {@code merge --allow-partial} that recorded the shards it lacked.
     */
    static List<String> partialSweeps(Path dir) {
        List<Path> runs = new ArrayList<>(List.of(dir));
        try (java.util.stream.Stream<Path> list = Files.list(dir)) {
            list.filter(Files::isDirectory).sorted().forEach(runs::add);
        } catch (java.io.IOException e) {
            throw new BadInputException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        List<String> notes = new ArrayList<>();
        for (Path run : runs) {
            ShardCoverage coverage = ShardCoverage.of(List.of(run));
            List<String> missing = coverage.missing();
            Path merged = ResultsMetadata.sidecarOf(run.resolve("results.json"));
            if (coverage.count() == 0 && Files.isRegularFile(merged) && ResultsMetadata.read(merged).missingShards() != null) {
                missing = ResultsMetadata.read(merged).missingShards();
            }
            if (!missing.isEmpty()) {
                notes.add("PARTIAL sweep: " + run + " lacks shard(s) " + String.join(", ", missing)
                        + "; the configs of those shards are not on this board");
            }
        }
        return notes;
    }

    /**
     * The latency result of one record of the ONNX Runtime benchmark.
     *
     * @throws BadInputException when its unit is not a time per operation or its model is not one
     */
    public static LatencyResult of(JmhRecord r) {
        JmhMetric m = r.primary();
        ScoreUnit unit;
        try {
            unit = ScoreUnit.parse(m.unit());
        } catch (BadInputException e) {
            throw new BadInputException(r.where() + " field primaryMetric.scoreUnit: " + e.getMessage());
        }
        if (unit.kind() != ScoreUnit.Kind.TIME_PER_OP) {
            throw new BadInputException(r.where() + " field primaryMetric.scoreUnit: JMH score unit '" + m.unit()
                    + "' is not a time per operation; expected one of [s/op, ms/op, us/op, ns/op]");
        }
        double toMs = unit.factorTo(MS_PER_OP);
        OrtBenchmarkParams p = OrtBenchmarkParams.of(r.params(), r.where());
        ModelRef key;
        try {
            key = ModelRef.parse(p.model());
        } catch (BadInputException e) {
            throw new BadInputException(r.source() + ": " + e.getMessage());
        }
        List<Double> forkMeans = m.forks().stream().map(f -> f.mean() * toMs).toList();
        WeightedSamples all = m.samples();
        boolean sample = r.mode().equals("sample");
        return new LatencyResult(key, p.form(), p.batch(), p.provider(), p.intraOpThreads(), p.optLevel(), r.mode(),
                m.score() * toMs, m.scoreError() * toMs, Stats.of(forkMeans),
                sample ? all.stats().sampleStandardDeviation() * toMs : Double.NaN,
                sample ? m.percentile(50.0) * toMs : Double.NaN, sample ? m.percentile(90.0) * toMs : Double.NaN,
                sample ? m.percentile(99.0) * toMs : Double.NaN, sample ? m.percentile(99.9) * toMs : Double.NaN,
                all.count(), r.source(), m.sampleKind(), m.forks().stream().map(f -> f.scaled(toMs)).toList());
    }
}
