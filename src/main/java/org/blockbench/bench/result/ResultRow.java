package org.blockbench.bench.result;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.blockbench.bench.jmh.OrtInferenceBenchmark;
import org.blockbench.bench.energy.RaplEnergyProfiler;

/**
 * The numbers of one JMH result that a person reads first. Percentiles are present for
 * SampleTime results and NaN otherwise; allocation and energy are NaN when JMH's GC profiler
 * or the energy profiler did not run.
 *
 * @param params          the benchmark parameters
 * @param mode            JMH mode short label
 * @param score           primary score (mean time per op for sample and avgt, ops per time for thrpt)
 * @param scoreError      half-width of the 99.9 % confidence interval (NaN with too few samples)
 * @param unit            the score's unit ("ms/op")
 * @param p50             median time per op (sample mode)
 * @param p90             90th percentile
 * @param p99             99th percentile
 * @param p999            99.9th percentile
 * @param allocBytesPerOp {@code gc.alloc.rate.norm}, bytes allocated on the Java heap per op
 * @param energyJoulesPerOp sum of the {@code energy.*} metrics, J/op
 */
public record ResultRow(Map<String, String> params, String mode, double score, double scoreError, String unit,
                        double p50, double p90, double p99, double p999, double allocBytesPerOp,
                        double energyJoulesPerOp) {

    public ResultRow {
        params = Map.copyOf(params);
    }

    /** Reads the row out of a JMH result element. */
    public static ResultRow of(JmhElement element) {
        JsonNode primary = element.tree().path("primaryMetric");
        JsonNode percentiles = primary.path("scorePercentiles");
        boolean sample = "sample".equals(element.mode());
        JsonNode secondary = element.tree().path("secondaryMetrics");
        double energy = Double.NaN;
        Iterator<Map.Entry<String, JsonNode>> it = secondary.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().startsWith(RaplEnergyProfiler.LABEL_PREFIX)) {
                double v = JmhElement.number(e.getValue().path("score"));
                energy = Double.isNaN(energy) ? v : energy + v;
            }
        }
        return new ResultRow(element.params(), element.mode(), JmhElement.number(primary.path("score")),
                JmhElement.number(primary.path("scoreError")), primary.path("scoreUnit").asText(),
                sample ? JmhElement.number(percentiles.path("50.0")) : Double.NaN,
                sample ? JmhElement.number(percentiles.path("90.0")) : Double.NaN,
                sample ? JmhElement.number(percentiles.path("99.0")) : Double.NaN,
                sample ? JmhElement.number(percentiles.path("99.9")) : Double.NaN,
                JmhElement.number(secondary.path("gc.alloc.rate.norm").path("score")), energy);
    }

    /** A parameter's value, or "-" when the benchmark has no such parameter. */
    public String param(String name) {
        return Optional.ofNullable(params.get(name)).orElse("-");
    }

    /** The model parameter shortened for a table: a path shows only its file name. */
    public String modelLabel() {
        String model = param(OrtInferenceBenchmark.PARAM_MODEL);
        return model.endsWith(".onnx") ? model.substring(Math.max(model.lastIndexOf('/'), model.lastIndexOf('\\')) + 1) : model;
    }
}
