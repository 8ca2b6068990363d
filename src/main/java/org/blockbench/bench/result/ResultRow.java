package org.blockbench.bench.result;

import java.util.Map;
import java.util.Optional;
import org.blockbench.bench.jmh.OrtInferenceBenchmark;
import org.blockbench.bench.energy.RaplEnergyProfiler;
import org.blockbench.model.ModelRef;

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

    /** Reads the row out of a JMH record; allocation and energy come from its secondary metrics where present. */
    public static ResultRow of(JmhRecord record) {
        JmhMetric primary = record.primary();
        boolean sample = "sample".equals(record.mode());
        double energy = Double.NaN;
        for (String name : record.secondaryNames()) {
            if (name.startsWith(RaplEnergyProfiler.LABEL_PREFIX)) {
                double v = record.secondary(name).orElseThrow().score();
                energy = Double.isNaN(energy) ? v : energy + v;
            }
        }
        return new ResultRow(record.params(), record.mode(), primary.score(), primary.scoreError(), primary.unit(),
                sample ? primary.percentile(50.0) : Double.NaN, sample ? primary.percentile(90.0) : Double.NaN,
                sample ? primary.percentile(99.0) : Double.NaN, sample ? primary.percentile(99.9) : Double.NaN,
                record.secondary("gc.alloc.rate.norm").map(JmhMetric::score).orElse(Double.NaN), energy);
    }

    /** A parameter's value, or "-" when the benchmark has no such parameter. */
    public String param(String name) {
        return Optional.ofNullable(params.get(name)).orElse("-");
    }

    /** The model parameter as a table shows it: its {@link ModelRef#label()}, or the text as found when it names no model. */
    public String modelLabel() {
        String model = param(OrtInferenceBenchmark.PARAM_MODEL);
        try {
            return ModelRef.parse(model).label();
        } catch (org.blockbench.BadInputException e) {
            return model;
        }
    }
}
