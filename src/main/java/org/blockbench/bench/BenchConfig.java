package org.blockbench.bench;

import org.blockbench.zoo.Form;
import java.util.Map;
import org.blockbench.bench.jmh.OrtBenchmarkParams;
import org.blockbench.bench.jmh.OrtInferenceBenchmark;
import org.blockbench.ort.OptimizationLevel;
import org.blockbench.ort.Provider;
import org.blockbench.ort.SessionSettings;
import org.blockbench.model.ModelRef;

/**
 * One point of a sweep: one JMH benchmark run of {@link OrtInferenceBenchmark} with these
 * parameter values.
 *
 * @param model          which model; its {@link ModelRef#text()} is the JMH {@code model} parameter
 * @param form           train or deploy graph
 * @param batch          batch size fed (the model's symbolic batch dimension)
 * @param provider       execution provider asked for
 * @param intraOpThreads ONNX Runtime intra-op threads (0 = ONNX Runtime's default)
 * @param optLevel       graph optimisation level
 */
public record BenchConfig(ModelRef model, Form form, int batch, Provider provider, int intraOpThreads,
                          OptimizationLevel optLevel) {

    /** A config of the model {@code model} names ({@link ModelRef#parse}). */
    public BenchConfig(String model, Form form, int batch, Provider provider, int intraOpThreads,
                       OptimizationLevel optLevel) {
        this(ModelRef.parse(model), form, batch, provider, intraOpThreads, optLevel);
    }

    public BenchConfig {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, found " + batch);
        }
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("intraOpThreads must be >= 0, found " + intraOpThreads);
        }
    }

    /** The values of the benchmark's {@code @Param} fields. */
    public OrtBenchmarkParams params() {
        return new OrtBenchmarkParams(model.text(), form.id(), batch, provider.cliName(), intraOpThreads, optLevel.cliName());
    }

    /** The values of the benchmark's {@code @Param} fields, by name, in declaration order. */
    public Map<String, String> jmhParams() {
        return params().toMap();
    }

    /** Reads a config back from JMH params (as found in a result file); fails on missing or bad values. */
    public static BenchConfig fromJmhParams(Map<String, String> params) {
        return new BenchConfig(required(params, OrtInferenceBenchmark.PARAM_MODEL),
                Form.parse(required(params, OrtInferenceBenchmark.PARAM_FORM)),
                Integer.parseInt(required(params, OrtInferenceBenchmark.PARAM_BATCH)),
                Provider.parse(required(params, OrtInferenceBenchmark.PARAM_PROVIDER)),
                Integer.parseInt(required(params, OrtInferenceBenchmark.PARAM_INTRA_OP_THREADS)),
                OptimizationLevel.parse(required(params, OrtInferenceBenchmark.PARAM_OPT_LEVEL)));
    }

    private static String required(Map<String, String> params, String name) {
        String v = params.get(name);
        if (v == null) {
            throw new IllegalArgumentException("JMH params lack '" + name + "': " + params);
        }
        return v;
    }

    /** Session settings for this config, without profiling. */
    public SessionSettings sessionSettings() {
        return new SessionSettings(provider, intraOpThreads, optLevel);
    }

    /**
     * A file-name-safe key, unique per config and stable across machines:
     * {@code ResNetBasicBlock-early.deploy.b1.cpu.t1.all}, the model part being {@link ModelRef#key()}.
     */
    public String key() {
        return model.key() + "." + form.id() + ".b" + batch + "." + provider.cliName() + ".t" + intraOpThreads
                + "." + optLevel.cliName();
    }
}
