package org.blockbench.bench.overhead;

import java.util.Map;
import org.blockbench.bench.jmh.OrtBenchmarkParams;
import org.blockbench.bench.profile.NodeBreakdown;

/**
 * Harness overhead of one config. "Profiled" numbers come from one JMH run whose session has
 * ONNX Runtime profiling on, so JMH's samples and the native {@code model_run} durations are
 * of the same calls; {@code jmhP50UnprofiledMicros} comes from a second, ordinary JMH run and
 * shows what profiling itself costs.
 *
 * @param key                    the config key
 * @param params                 the benchmark's parameters
 * @param jmhSamples             JMH samples in the profiled run's measured iterations
 * @param jmhP50Micros           JMH median, profiled run, µs
 * @param jmhMeanMicros          JMH mean, profiled run, µs
 * @param nativeRuns             {@code model_run} events inside the measured iterations
 * @param nativeP50Micros        their median, µs
 * @param nativeMeanMicros       their mean, µs
 * @param ratioP50               jmhP50Micros / nativeP50Micros: the harness overhead factor
 * @param ratioMean              jmhMeanMicros / nativeMeanMicros
 * @param jmhP50UnprofiledMicros JMH median of the ordinary (unprofiled) run, µs
 * @param allocBytesPerOp        JMH {@code gc.alloc.rate.norm} of the ordinary run, B/op
 * @param nodesByProvider        nodes each execution provider ran (from the profile)
 * @param breakdown              per-node breakdown of the profiled run
 */
public record OverheadMeasurement(String key, OrtBenchmarkParams params, long jmhSamples, double jmhP50Micros,
                                  double jmhMeanMicros, long nativeRuns, double nativeP50Micros, double nativeMeanMicros,
                                  double ratioP50, double ratioMean, double jmhP50UnprofiledMicros, double allocBytesPerOp,
                                  Map<String, Integer> nodesByProvider, NodeBreakdown breakdown) {

    public OverheadMeasurement {
        nodesByProvider = Map.copyOf(nodesByProvider);
    }
}
