package org.blockbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.blockbench.bench.result.JmhReader;
import org.blockbench.bench.result.ResultRow;
import org.blockbench.report.LatencyResult;
import org.blockbench.report.LatencyResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real JMH 1.37 result read through the code of all three commands that read JMH JSON
 * ({@code merge}, {@code compare}, {@code leaderboard}) gives the same median, percentiles and
 * error in each.
 *
 * <p>The fixture {@code jmh-1.37-ort-sample.json} was written by JMH 1.37 itself (OpenJDK 17.0.15,
 * x86-64), once, by running {@code OrtInferenceBenchmark.run} in-process through JMH's
 * {@code Runner} on {@code TinyModels.convNet(/tmp/blockbench-fixture/tiny.onnx, 4, 2, 0)} with
 * {@code -p batch=1 -bm sample -tu ms -f 2 -wi 1 -w 100ms -i 2 -r 100ms -rf json}, then copied here
 * unchanged. Its 8 429 SampleTime samples (2 forks × 2 iterations) give, by JMH's own
 * statistics: score 0.033518 ms/op ± 0.019723, p50 0.008384, p90 0.01616, p99 0.0355776,
 * p99.9 7.354122 ms/op. JMH's percentiles are its own estimate (rank p·(n+1), Commons Math's
 * legacy definition); the median of that estimate equals the type-7 median the regression
 * checker computes from the samples, so all three commands agree on it.
 */
class OneJmhModelAcceptanceTest {

    static final Path FIXTURE = Path.of("src/test/resources/org/blockbench/bench/result/jmh-1.37-ort-sample.json");
    static final double P50 = 0.008383999999999999;
    static final double P90 = 0.01616;
    static final double P99 = 0.03557760000000033;
    static final double P999 = 7.3541222399995325;
    static final double ERROR = 0.019722752533241083;
    static final double SCORE = 0.03351811033337287;

    @Test
    void mergeCompareAndLeaderboardReadTheSameNumbers(@TempDir Path dir) throws Exception {
        StringWriter err = new StringWriter();
        // merge: the merged file is JMH's bytes; its summary row carries JMH's figures
        Path merged = dir.resolve("merged.json");
        assertEquals(ExitCodes.OK, CliRunner.execute(new StringWriter(), err, "merge", "-o", merged.toString(),
                FIXTURE.toString()), err.toString());
        assertEquals(Files.readString(FIXTURE), Files.readString(merged), "merge writes JMH's own text");
        ResultRow row = ResultRow.of(JmhReader.read(merged).records().get(0));
        assertEquals("ms/op", row.unit());
        assertEquals(SCORE, row.score(), 0);
        assertEquals(ERROR, row.scoreError(), 0);
        assertEquals(P50, row.p50(), 0);
        assertEquals(P90, row.p90(), 0);
        assertEquals(P99, row.p99(), 0);
        assertEquals(P999, row.p999(), 0);

        // compare: the median of the samples (type 7) and their count
        Path out = dir.resolve("compare");
        assertEquals(ExitCodes.OK, CliRunner.execute(new StringWriter(), err, "compare", FIXTURE.toString(),
                FIXTURE.toString(), "--out", out.toString(), "--format", "json"), err.toString());
        JsonNode c = new ObjectMapper().readTree(out.resolve("compare.json").toFile()).at("/comparisons/0");
        assertEquals("ms/op", c.get("unit").asText());
        assertEquals(8429, c.get("base_samples").asLong());
        assertEquals(P50, c.get("base_median").asDouble(), 0);
        assertEquals(P50, c.get("new_median").asDouble(), 0);

        // leaderboard: the latency reader over a results directory, in ms
        Path jmhResults = Files.createDirectories(dir.resolve("jmh-results/run"));
        Files.copy(FIXTURE, jmhResults.resolve("results.json"));
        LatencyResult l = LatencyResults.readDirectory(dir.resolve("jmh-results")).results().get(0);
        assertEquals(SCORE, l.meanMs(), 0);
        assertEquals(ERROR, l.scoreErrorMs(), 0);
        assertEquals(P50, l.p50Ms(), 0);
        assertEquals(P90, l.p90Ms(), 0);
        assertEquals(P99, l.p99Ms(), 0);
        assertEquals(P999, l.p999Ms(), 0);
        assertEquals(8429, l.samples());
        assertEquals(2, l.forkMeansMs().count());
    }
}
