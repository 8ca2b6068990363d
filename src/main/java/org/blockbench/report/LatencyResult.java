package org.blockbench.report;

import org.blockbench.model.ModelRef;
import java.nio.file.Path;
import java.util.List;
import org.blockbench.bench.result.SampleKind;
import org.blockbench.stats.Stats;
import org.blockbench.stats.WeightedSamples;

/**
 * One JMH result of the ONNX Runtime inference benchmark for one model and config, in
 * milliseconds per call. Percentiles and the per-call standard deviation come from SampleTime
 * histograms and are NaN for other modes.
 *
 * @param model        the model measured
 * @param form         train or deploy
 * @param batch        batch size fed
 * @param provider     execution provider (cpu, cuda)
 * @param threads      ONNX Runtime intra-op threads (0 = ORT's default)
 * @param optLevel     graph optimisation level
 * @param mode         JMH mode short label (sample, avgt, ss)
 * @param meanMs       JMH's score: mean time per call
 * @param scoreErrorMs half-width of JMH's 99.9 % confidence interval (NaN when JMH gives none)
 * @param forkMeansMs  mean and standard deviation of the per-fork means, n = forks
 * @param callStdMs    standard deviation of single calls (SampleTime samples), NaN otherwise
 * @param p50Ms        median call time
 * @param p90Ms        90th percentile
 * @param p99Ms        99th percentile
 * @param p999Ms       99.9th percentile
 * @param samples      measured calls (SampleTime) or iterations (other modes)
 * @param source       the JMH JSON file it came from
 * @param sampleKind   what the samples are (per-operation times for SampleTime, iteration scores otherwise)
 * @param forkSamplesMs the samples of each fork in ms: their lower deciles are the replicates {@link Ranking#latency} compares
 */
public record LatencyResult(ModelRef model, String form, int batch, String provider, int threads, String optLevel,
                            String mode, double meanMs, double scoreErrorMs, Stats forkMeansMs, double callStdMs,
                            double p50Ms, double p90Ms, double p99Ms, double p999Ms, long samples, Path source,
                            SampleKind sampleKind, List<WeightedSamples> forkSamplesMs) {

    public LatencyResult {
        forkSamplesMs = List.copyOf(forkSamplesMs);
    }

    /** A result without its samples (it then ties with every model it is compared with). */
    public LatencyResult(ModelRef model, String form, int batch, String provider, int threads, String optLevel,
                         String mode, double meanMs, double scoreErrorMs, Stats forkMeansMs, double callStdMs,
                         double p50Ms, double p90Ms, double p99Ms, double p999Ms, long samples, Path source) {
        this(model, form, batch, provider, threads, optLevel, mode, meanMs, scoreErrorMs, forkMeansMs, callStdMs, p50Ms, p90Ms,
                p99Ms, p999Ms, samples, source, SampleKind.ITERATION_SCORES, List.of());
    }

    /** Images per second at this batch size, from the mean. */
    public double throughputImagesPerSecond() {
        return batch * 1000.0 / meanMs;
    }

    /**
     * The latency the events rank by: the 90th percentile (MLPerf SingleStream's metric) where
     * SampleTime gives one, else the mean.
     */
    public double rankingLatencyMs() {
        return Double.isNaN(p90Ms) ? meanMs : p90Ms;
    }

    /** "p90" or "mean": which figure {@link #rankingLatencyMs()} is. */
    public String rankingLatencyKind() {
        return Double.isNaN(p90Ms) ? "mean" : "p90";
    }
}
